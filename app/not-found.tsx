import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('common.errors');
  return (
    <main className="narrow">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <Link className="button" href="/">
        {t('home')}
      </Link>
    </main>
  );
}
