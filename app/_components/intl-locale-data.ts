/**
 * Locale data for browsers whose Intl has none for the UI language. Debian's Chromium (and other builds with
 * reduced ICU data) accepts "az" but formats with the root locale: "2026 M12 2" for a date, "25.5%" for a
 * percentage, English list words. FormatJS's polyfills replace Intl's number, date and list formats with ones
 * that carry CLDR data for the three UI languages. Loaded only in such a browser (see `needsLocaleData`), so
 * everyone else downloads nothing.
 */
import '@formatjs/intl-numberformat/polyfill-force.js';
import '@formatjs/intl-numberformat/locale-data/en.js';
import '@formatjs/intl-numberformat/locale-data/ru.js';
import '@formatjs/intl-numberformat/locale-data/az.js';
import '@formatjs/intl-datetimeformat/polyfill-force.js';
import '@formatjs/intl-datetimeformat/locale-data/en.js';
import '@formatjs/intl-datetimeformat/locale-data/ru.js';
import '@formatjs/intl-datetimeformat/locale-data/az.js';
// Dates are shown in the reader's own time zone, which the polyfill can only apply with zone data.
import '@formatjs/intl-datetimeformat/add-golden-tz.js';
import '@formatjs/intl-listformat/polyfill-force.js';
import '@formatjs/intl-listformat/locale-data/en.js';
import '@formatjs/intl-listformat/locale-data/ru.js';
import '@formatjs/intl-listformat/locale-data/az.js';
