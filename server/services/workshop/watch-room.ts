import 'server-only';
import type { RoomEventsInput } from '~/core/contracts/workshop';
import type { ServiceContext } from '../context';
import { streamLiveEvents } from './live-feed';
import { findSessionByRoomCode } from './room';

/**
 * Live events for the projector view (or a phone) by room code: the state without participant data, tallies once
 * revealed. The code is resolved before the stream starts, so a wrong one is refused as NOT_FOUND like any call
 * (and counted against the caller's wrong-code limit).
 */
export async function watchRoom({
  ctx,
  input,
  signal,
}: {
  ctx: ServiceContext;
  input: RoomEventsInput;
  signal: AbortSignal | undefined;
}) {
  const sessionId = await findSessionByRoomCode(ctx.db, input.roomCode);
  return streamLiveEvents({ db: ctx.db, bus: ctx.events, sessionId, viewer: 'public', lastEventId: input.lastEventId, signal });
}
