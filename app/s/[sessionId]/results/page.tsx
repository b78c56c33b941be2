import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ResultsScreen } from './_components/results-screen';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('results.meta');
  return { title: t('title') };
}

export default async function ResultsPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  return <ResultsScreen sessionId={sessionId} />;
}
