import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { and, eq } from 'drizzle-orm';
import type { RemoveParticipantInput } from '~/core/contracts/session';
import { accessTokens, auditLog, participants, sessions } from '~/db/schema';
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
    const [session] = await tx.select({ version: sessions.version }).from(sessions).where(eq(sessions.id, participant.sessionId));
    await tx.insert(auditLog).values({
      sessionId: participant.sessionId,
      actor: 'facilitator',
      action: 'participant.newLink' satisfies AuditAction,
      detail: { participantKey: participant.key, displayName: participant.displayName },
      sessionVersion: session?.version ?? 0,
    });
    return { participantId: participant.id, token, path: participantPath(participant.sessionId, token) };
  });
}
