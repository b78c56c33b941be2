/**
 * Whether this browser's Intl lacks data for `locale`. Debian's Chromium (and other builds with reduced ICU
 * data) accepts "az" but formats with the root locale: month names come out as "M01", lists are joined with
 * another locale's words.
 */
export function needsLocaleData(locale: string): boolean {
  const january = new Date(Date.UTC(2026, 0, 15, 12));
  return (
    /M0?1\b/.test(new Intl.DateTimeFormat(locale, { month: 'long' }).format(january)) ||
    Intl.ListFormat.supportedLocalesOf([locale]).length === 0
  );
}

type LocaleDataState = { promise: Promise<void>; isInstalled: boolean };
const STATE_KEY = '__clusterwiseLocaleData';
type WithState = typeof globalThis & { [STATE_KEY]?: LocaleDataState };

/** True once the locale data is in (it then serves every UI language). */
export function isLocaleDataInstalled(): boolean {
  return Boolean((globalThis as WithState)[STATE_KEY]?.isInstalled);
}

/**
 * Starts loading the locale data when `locale` needs it, once per page and as early as possible
 * (instrumentation-client.ts calls this before hydration); null when the browser has what `locale` needs.
 */
export function startLocaleData(locale: string): LocaleDataState | null {
  const scope = globalThis as WithState;
  const started = scope[STATE_KEY];
  if (started) return started;
  if (!needsLocaleData(locale)) return null;
  const state: LocaleDataState = { isInstalled: false, promise: Promise.resolve() };
  state.promise = import('./intl-locale-data').then(() => {
    state.isInstalled = true;
  });
  scope[STATE_KEY] = state;
  return state;
}
