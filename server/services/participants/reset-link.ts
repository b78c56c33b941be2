import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { RemoveParticipantInput } from '~/core/contracts/session';
import { accessTokens, participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import { issueToken, participantPath } from '../access/tokens';
import type { FacilitatorContext, ServiceArgs } from '../context';

/**
 * A new personal link for a participant who lost theirs (or after an import, which does not carry links);
 * their previous link stops working.
 */
export async function resetParticipantLink({ ctx, input }: ServiceArgs<FacilitatorContext, RemoveParticipantInput>) {
  return ctx.db.transaction(async (tx) => {
    const [participant] = await tx
      .select()
      .from(participants)
      .where(and(eq(participants.id, input.participantId), eq(participants.sessionId, ctx.access.sessionId)));
    if (!participant) throw new AppError('NOT_FOUND', 'This session has no such participant.', { field: 'participantId' });
    await tx.delete(accessTokens).where(eq(accessTokens.participantId, participant.id));
    const { token, tokenHash } = issueToken();
    await tx.insert(accessTokens).values({
      sessionId: participant.sessionId,
      role: 'participant',
      participantId: participant.id,
      tokenHash,
    });
    return { participantId: participant.id, token, path: participantPath(participant.sessionId, token) };
  });
}
