import 'server-only';
import { randomUUID } from 'node:crypto';
import { count, eq, getTableColumns } from 'drizzle-orm';
import type { JoinSessionInput } from '~/core/contracts/session';
import { accessTokens, participants, sessions } from '~/db/schema';
import { AppError } from '~/server/errors';
import { issueToken, participantPath } from '../access/tokens';
import type { AccessContext, InviteAccess, ServiceArgs } from '../context';
import { assertNotClosed, lockSession } from '../shared/session-state';
import { raiseEventWith } from '../shared/workshop-state';

/**
 * Turns an invite link into a participant with a link of their own. The session row is locked so two joins at
 * once cannot both take the last place or the same participant number. A room of 300 joins within seconds and
 * every join waits for that lock, so it is held for three statements instead of six: the locked read, the count
 * of who is in, and one write that numbers the participant, stores them and their link, and raises the event.
 */
export async function joinSession({
  ctx,
  input,
}: ServiceArgs<AccessContext<InviteAccess>, Pick<JoinSessionInput, 'displayName' | 'stakeholderGroup'>>) {
  const { joined, notice } = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    assertNotClosed(session);
    // Counted after the lock, in a statement of its own: one statement that locked and counted would count with
    // the snapshot it took before waiting for the lock, missing the join that held it.
    const [row] = await tx.select({ n: count() }).from(participants).where(eq(participants.sessionId, session.id));
    if ((row?.n ?? 0) >= session.maxParticipants) {
      throw new AppError('LIMIT_REACHED', `This session is full (${session.maxParticipants} participants).`);
    }
    const seq = session.participantSeq + 1;
    // The participant's id is made here so that their link goes in the same statement (the reference is checked
    // at the statement's end).
    const participantId = randomUUID();
    const { token, tokenHash } = issueToken();
    const numbered = tx
      .$with('numbered_session')
      .as(tx.update(sessions).set({ participantSeq: seq }).where(eq(sessions.id, session.id)).returning({ id: sessions.id }));
    const issued = tx
      .$with('issued_link')
      .as(tx.insert(accessTokens).values({ sessionId: session.id, role: 'participant', participantId, tokenHash }).returning({ id: accessTokens.id }));
    const { raised, eventSeq } = raiseEventWith(tx, session.id);
    const [participant] = await tx
      .with(numbered, issued, raised)
      .insert(participants)
      .values({ id: participantId, sessionId: session.id, key: `p${seq}`, displayName: input.displayName, stakeholderGroup: input.stakeholderGroup })
      .returning({ ...getTableColumns(participants), eventSeq });
    if (!participant) throw new Error('inserting a participant returned no row');
    const joined = {
      sessionId: session.id,
      participantId: participant.id,
      participantKey: participant.key,
      token,
      path: participantPath(session.id, token),
    };
    return { joined, notice: { sessionId: session.id, kind: 'participant.joined' as const, seq: participant.eventSeq } };
  });
  await ctx.events.publish(notice);
  return joined;
}
