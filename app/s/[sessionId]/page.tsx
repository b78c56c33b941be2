import { notFound } from 'next/navigation';
import { SessionId } from '~/core/contracts/session';
import { LinkEntry } from './_components/link-entry';

/**
 * Where facilitator and participant links land (`/s/<id>#key=<token>`). The token is in the fragment, which
 * never reaches the server, so the client reads it, learns the link's role and sends the holder on.
 */
export default async function SessionLinkPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  if (!SessionId.safeParse(sessionId).success) notFound();
  return <LinkEntry sessionId={sessionId} />;
}
