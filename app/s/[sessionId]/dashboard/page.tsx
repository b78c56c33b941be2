import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SessionId } from '~/core/contracts/session';
import { Dashboard } from './_components/dashboard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('workshop.meta');
  return { title: t('dashboard') };
}

/**
 * The facilitator's live workshop dashboard. Like the set-up wizard, it runs on the facilitator's link kept in
 * this browser's storage (not a cookie), so nothing is prefetched here: the client loads it with the stored link.
 */
export default async function DashboardPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  if (!SessionId.safeParse(sessionId).success) notFound();
  return <Dashboard sessionId={sessionId} />;
}
