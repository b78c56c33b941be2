/**
 * The UI languages, without zod: the browser needs this list on every page (the language switcher), and the
 * zod schema in contracts/localized is built from it.
 */
export const LOCALES = ['en', 'ru', 'az'] as const;
export type Locale = (typeof LOCALES)[number];
