import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { JoinSessionInput } from '~/core/contracts/session';
import { accessTokens, participants, sessions } from '~/db/schema';
import { AppError } from '~/server/errors';
import { issueToken, participantPath } from '../access/tokens';
import type { AccessContext, InviteAccess, ServiceArgs } from '../context';
import { assertNotClosed, lockSession } from '../shared/session-state';
import { raiseEvent } from '../shared/workshop-state';

/**
 * Turns an invite link into a participant with a link of their own. The session row is locked so two joins at
 * once cannot both take the last place or the same participant number.
 */
export async function joinSession({
  ctx,
  input,
}: ServiceArgs<AccessContext<InviteAccess>, Pick<JoinSessionInput, 'displayName' | 'stakeholderGroup'>>) {
  const { joined, notice } = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    assertNotClosed(session);
    const [row] = await tx.select({ n: count() }).from(participants).where(eq(participants.sessionId, session.id));
    if ((row?.n ?? 0) >= session.maxParticipants) {
      throw new AppError('LIMIT_REACHED', `This session is full (${session.maxParticipants} participants).`);
    }
    const seq = session.participantSeq + 1;
    await tx.update(sessions).set({ participantSeq: seq }).where(eq(sessions.id, session.id));
    const [participant] = await tx
      .insert(participants)
      .values({
        sessionId: session.id,
        key: `p${seq}`,
        displayName: input.displayName,
        stakeholderGroup: input.stakeholderGroup,
      })
      .returning();
    if (!participant) throw new Error('inserting a participant returned no row');
    const { token, tokenHash } = issueToken();
    await tx.insert(accessTokens).values({ sessionId: session.id, role: 'participant', participantId: participant.id, tokenHash });
    const joined = {
      sessionId: session.id,
      participantId: participant.id,
      participantKey: participant.key,
      token,
      path: participantPath(session.id, token),
    };
    return { joined, notice: await raiseEvent(tx, session.id, 'participant.joined') };
  });
  await ctx.events.publish(notice);
  return joined;
}
