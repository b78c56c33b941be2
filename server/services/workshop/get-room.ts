import 'server-only';
import { eq } from 'drizzle-orm';
import type { RoomRef } from '~/core/contracts/workshop';
import { measures } from '~/db/schema';
import type { ServiceArgs, ServiceContext } from '../context';
import { toModelView } from '../sessions/views';
import { forViewer, readLiveSnapshot } from './live-state';
import { findSessionByRoomCode } from './room';

/**
 * What anyone holding the room code sees: the session's title and question (the join screen), the model's
 * names (to show the current pair), and the live state with the tally once revealed (the projector view). The
 * code opens the same as the invite link, so nothing here is more than an invitee may read; no participant names.
 */
export async function getRoom({ ctx, input }: ServiceArgs<ServiceContext, RoomRef>) {
  const sessionId = await findSessionByRoomCode(ctx.db, input.roomCode);
  const snapshot = await readLiveSnapshot(ctx.db, sessionId);
  const { session, model: sessionModel } = snapshot;
  const measureRows = await ctx.db.select().from(measures).where(eq(measures.sessionId, sessionId));
  const { measures: _measures, ...model } = toModelView(session, sessionModel, measureRows);
  return {
    sessionId,
    title: session.title,
    question: session.question,
    locale: session.locale,
    status: session.status,
    alternativeScoring: session.alternativeScoring,
    scale: session.methodSettings.scale,
    model,
    live: forViewer(snapshot.state, 'public'),
  };
}
