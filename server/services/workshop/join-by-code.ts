import 'server-only';
import type { JoinByCodeInput } from '~/core/contracts/workshop';
import type { ServiceArgs, ServiceContext } from '../context';
import { joinSession } from '../participants/join';
import { findSessionByRoomCode } from './room';

/** A room code stands for the session's invite link: then the same join as participant.join. */
export async function joinByCode({ ctx, input }: ServiceArgs<ServiceContext, JoinByCodeInput>) {
  const sessionId = await findSessionByRoomCode(ctx.db, input.roomCode);
  return joinSession({
    ctx: { ...ctx, access: { role: 'invite', sessionId } },
    input: { displayName: input.displayName, stakeholderGroup: input.stakeholderGroup },
  });
}
