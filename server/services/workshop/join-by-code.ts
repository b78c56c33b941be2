import 'server-only';
import type { JoinByCodeInput } from '~/core/contracts/workshop';
import type { ServiceArgs, ServiceContext } from '../context';
import { joinSession } from '../participants/join';
import { participantLiveState } from './get-live';
import { roomView } from './get-room';
import { readRoomSnapshot } from './live-state';
import { findSessionByRoomCode } from './room';

/**
 * A room code stands for the session's invite link: then the same join as participant.join. The answer also
 * carries what the vote screen shows first, the room (as workshop.room gives it) and the new participant's live
 * state (as workshop.live gives it to them: no answer yet), from one read after the join: a room of 300 joining
 * within seconds makes one call each instead of three.
 */
export async function joinByCode({ ctx, input }: ServiceArgs<ServiceContext, JoinByCodeInput>) {
  const sessionId = await findSessionByRoomCode(ctx.db, input.roomCode);
  const joined = await joinSession({
    ctx: { ...ctx, access: { role: 'invite', sessionId } },
    input: { displayName: input.displayName, stakeholderGroup: input.stakeholderGroup },
  });
  const snapshot = await readRoomSnapshot(ctx.db, sessionId);
  return { ...joined, room: roomView(snapshot), live: participantLiveState(snapshot, [], []) };
}
