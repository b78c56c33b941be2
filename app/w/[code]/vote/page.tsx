import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { VoteScreen } from './_components/vote-screen';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('workshop.meta');
  return { title: t('vote') };
}

/**
 * A participant's phone in a live workshop. The participant's link is in this browser's storage (kept when they
 * joined by code), so the page renders on the client with it; nothing personal is prefetched on the server.
 */
export default async function VotePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <VoteScreen code={decodeURIComponent(code)} />;
}
