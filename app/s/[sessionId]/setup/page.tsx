import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SessionId } from '~/core/contracts/session';
import { SetupWizard } from './_components/setup-wizard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('setup');
  return { title: t('metaTitle') };
}

/**
 * The facilitator's set-up wizard. The facilitator's token lives in this browser's storage, not in a cookie,
 * so nothing is prefetched here: the wizard loads the session on the client with the stored link.
 */
export default async function SetupPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  if (!SessionId.safeParse(sessionId).success) notFound();
  return <SetupWizard sessionId={sessionId} />;
}
