import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { and, eq } from 'drizzle-orm';
import type { UpdateParticipantInput } from '~/core/contracts/session';
import { auditLog, participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { assertNotClosed, lockSession } from '../shared/session-state';
import { raiseEvent } from '../shared/workshop-state';
import { toParticipantView } from '../sessions/views';

/** The facilitator corrects a participant's name or group, or sets their weight in the group result. */
export async function updateParticipant({ ctx, input }: ServiceArgs<FacilitatorContext, UpdateParticipantInput>) {
  const { sessionId: _sessionId, participantId, ...fields } = input;
  const { view, notice } = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    assertNotClosed(session);
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const [updated] = await tx
      .update(participants)
      .set(changes)
      .where(and(eq(participants.id, participantId), eq(participants.sessionId, session.id)))
      .returning();
    if (!updated) throw new AppError('NOT_FOUND', 'This session has no such participant.', { field: 'participantId' });
    await tx.insert(auditLog).values({
      sessionId: session.id,
      actor: 'facilitator',
      action: 'participant.updated' satisfies AuditAction,
      detail: { participantKey: updated.key, ...changes },
      sessionVersion: session.version,
    });
    return { view: toParticipantView(updated), notice: await raiseEvent(tx, session.id, 'participant.updated') };
  });
  await ctx.events.publish(notice);
  return view;
}
