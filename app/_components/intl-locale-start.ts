import { LOCALES } from '~/i18n/config';

/**
 * Whether this browser's Intl lacks data for one of the UI languages. Debian's Chromium (and other builds with
 * reduced ICU data) accepts "az" but formats with the root locale: month names come out as "M01", lists are
 * joined with another locale's words.
 */
export function needsLocaleData(): boolean {
  const january = new Date(Date.UTC(2026, 0, 15, 12));
  return LOCALES.some(
    (locale) =>
      /M0?1\b/.test(new Intl.DateTimeFormat(locale, { month: 'long' }).format(january)) ||
      Intl.ListFormat.supportedLocalesOf([locale]).length === 0,
  );
}

type LocaleDataState = { promise: Promise<void>; isInstalled: boolean };
const STATE_KEY = '__clusterwiseLocaleData';
type WithState = typeof globalThis & { [STATE_KEY]?: LocaleDataState | null };

/**
 * Starts loading the locale data once per page, as early as possible (instrumentation-client.ts runs this before
 * hydration): null when the browser has all it needs.
 */
export function startLocaleData(): LocaleDataState | null {
  const scope = globalThis as WithState;
  if (scope[STATE_KEY] !== undefined) return scope[STATE_KEY];
  if (!needsLocaleData()) return (scope[STATE_KEY] = null);
  const state: LocaleDataState = { isInstalled: false, promise: Promise.resolve() };
  state.promise = import('./intl-locale-data').then(() => {
    state.isInstalled = true;
  });
  return (scope[STATE_KEY] = state);
}
