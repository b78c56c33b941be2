import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SessionId } from '~/core/contracts/session';
import { SessionTools } from './_components/session-tools';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('manage');
  return { title: t('meta') };
}

/**
 * The session's tools for its facilitator: status, copy, deletion, participants' links and the history. Like the
 * set-up, it runs on the facilitator's link kept in this browser, so nothing is fetched on the server.
 */
export default async function ManagePage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  if (!SessionId.safeParse(sessionId).success) notFound();
  return <SessionTools sessionId={sessionId} />;
}
