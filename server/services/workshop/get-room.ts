import 'server-only';
import type { RoomRef } from '~/core/contracts/workshop';
import type { ServiceArgs, ServiceContext } from '../context';
import { toModelNamesView } from '../sessions/views';
import { type RoomSnapshot, forViewer, readRoomSnapshot } from './live-state';
import { findSessionByRoomCode } from './room';

/**
 * What anyone holding the room code sees: the session's title and question (the join screen), the model's
 * names (to show the current pair), and the live state with the tally once revealed (the projector view). The
 * code opens the same as the invite link, so nothing here is more than an invitee may read; no participant names.
 */
export async function getRoom({ ctx, input }: ServiceArgs<ServiceContext, RoomRef>) {
  const sessionId = await findSessionByRoomCode(ctx.db, input.roomCode);
  return roomView(await readRoomSnapshot(ctx.db, sessionId));
}

/** The room of a live snapshot, as `workshop.room` returns it (joinByCode returns the same with the new participant). */
export function roomView(snapshot: RoomSnapshot) {
  const { session, model } = snapshot;
  return {
    sessionId: session.id,
    title: session.title,
    question: session.question,
    locale: session.locale,
    status: session.status,
    alternativeScoring: session.alternativeScoring,
    scale: session.methodSettings.scale,
    model: toModelNamesView(session, model),
    live: forViewer(snapshot.state, 'public'),
  };
}
