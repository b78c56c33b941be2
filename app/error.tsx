'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** The error boundary of every page: what went wrong, that answers are safe, and two ways out. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <main className="narrow" role="alert">
      <h1>{t('errors.title')}</h1>
      <p>{t('errors.body')}</p>
      <p className="muted">{t('errors.details', { message: error.message || error.digest || '—' })}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={reset}>
          {t('actions.retry')}
        </button>
        <Link className="button" href="/">
          {t('errors.home')}
        </Link>
      </div>
    </main>
  );
}
