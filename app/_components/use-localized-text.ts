'use client';

import { useLocale } from 'next-intl';
import { useCallback } from 'react';
import { LOCALES, type Locale } from '~/i18n/config';

type MaybeLocalized = Partial<Record<Locale, string | undefined>> | null | undefined;

/** The text in `locale`, else in the first language that has one: names typed by a facilitator may exist in one language only. */
export function pickLocalized(text: MaybeLocalized, locale: Locale): string {
  if (!text) return '';
  return text[locale] || LOCALES.map((code) => text[code]).find(Boolean) || '';
}

/** `localized(model.criteria[0].name)` in the UI language. */
export function useLocalizedText() {
  const locale = useLocale() as Locale;
  return useCallback((text: MaybeLocalized) => pickLocalized(text, locale), [locale]);
}

/** Which language `pickLocalized` took the text from: `locale` itself, or the fallback's, to be marked as such. */
export function localizedLanguage(text: MaybeLocalized, locale: Locale): Locale | null {
  if (!text) return null;
  if (text[locale]) return locale;
  return LOCALES.find((code) => text[code]) ?? null;
}
