'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { LOCALE_COOKIE, LOCALES } from '~/i18n/config';

/** Switches the UI language on any page: a cookie read by i18n/request.ts, then a server re-render in place. */
export function LanguageSwitcher() {
  const t = useTranslations('common.nav');
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <label className="language-switcher">
      <span>{t('language')}</span>
      <select
        value={locale}
        disabled={isPending}
        onChange={(event) => {
          document.cookie = `${LOCALE_COOKIE}=${event.target.value}; path=/; max-age=31536000; samesite=lax`;
          startTransition(() => router.refresh());
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`languages.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
