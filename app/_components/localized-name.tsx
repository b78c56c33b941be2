'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '~/i18n/config';
import { localizedLanguage, pickLocalized } from './use-localized-text';

/**
 * A name a facilitator typed, in the reader's language; when it exists only in another language, it is shown in
 * that one, tagged with its language (for the eye and, through `lang`, for screen readers' pronunciation).
 */
export function LocalizedName({ text }: { text: Parameters<typeof pickLocalized>[0] }) {
  const locale = useLocale() as Locale;
  const t = useTranslations('common.nav');
  const language = localizedLanguage(text, locale);
  const name = pickLocalized(text, locale);
  if (!language || language === locale) return <>{name}</>;
  return (
    <>
      <span lang={language}>{name}</span> <span className="fallback-language">({t('inLanguage', { language: t(`languages.${language}`) })})</span>
    </>
  );
}
