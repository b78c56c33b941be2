import { getTranslations } from 'next-intl/server';

export default async function Loading() {
  const t = await getTranslations('common.errors');
  return (
    <main className="narrow" aria-busy="true">
      <p className="muted" role="status">
        {t('loading')}
      </p>
    </main>
  );
}
