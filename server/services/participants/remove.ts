import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { and, eq } from 'drizzle-orm';
import type { RemoveParticipantInput } from '~/core/contracts/session';
import { auditLog, participants, results } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { assertNotClosed, lockSession } from '../shared/session-state';
import { raiseEvent } from '../shared/workshop-state';

/** Removes a participant with their answers, links and individual results. */
export async function removeParticipant({ ctx, input }: ServiceArgs<FacilitatorContext, RemoveParticipantInput>) {
  const { removed, notice } = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    assertNotClosed(session);
    const [removed] = await tx
      .delete(participants)
      .where(and(eq(participants.id, input.participantId), eq(participants.sessionId, session.id)))
      .returning();
    if (!removed) throw new AppError('NOT_FOUND', 'This session has no such participant.', { field: 'participantId' });
    await tx
      .delete(results)
      .where(and(eq(results.sessionId, session.id), eq(results.scope, 'individual'), eq(results.participantKey, removed.key)));
    await tx.insert(auditLog).values({
      sessionId: session.id,
      actor: 'facilitator',
      action: 'participant.removed' satisfies AuditAction,
      detail: { participantKey: removed.key, displayName: removed.displayName },
      sessionVersion: session.version,
    });
    return {
      removed: { removed: true as const, participantKey: removed.key },
      notice: await raiseEvent(tx, session.id, 'participant.removed'),
    };
  });
  await ctx.events.publish(notice);
  return removed;
}
