import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewSessionForm } from './_components/new-session-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('setup.new');
  return { title: t('title') };
}

export default async function NewSessionPage() {
  const t = await getTranslations('setup.new');
  return (
    <main className="narrow">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <NewSessionForm />
    </main>
  );
}
