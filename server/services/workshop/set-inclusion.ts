import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { and, eq } from 'drizzle-orm';
import type { SetInclusionInput } from '~/core/contracts/workshop';
import { auditLog, participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { toParticipantView } from '../sessions/views';
import { changeLive } from './live-change';

/**
 * Leaves a participant out of the group result and the live tallies, or takes them back in. Their answers and
 * link are kept: they can go on answering, and the dashboard still shows them.
 */
export async function setInclusion({ ctx, input }: ServiceArgs<FacilitatorContext, SetInclusionInput>) {
  const { result } = await changeLive(
    ctx,
    input.isIncluded ? 'participant.included' : 'participant.excluded',
    async ({ tx, session }) => {
      const [updated] = await tx
        .update(participants)
        .set({ isIncluded: input.isIncluded })
        .where(and(eq(participants.id, input.participantId), eq(participants.sessionId, session.id)))
        .returning();
      if (!updated) throw new AppError('NOT_FOUND', 'This session has no such participant.', { field: 'participantId' });
      await tx.insert(auditLog).values({
        sessionId: session.id,
        actor: 'facilitator',
        action: (input.isIncluded ? 'participant.included' : 'participant.excluded') satisfies AuditAction,
        detail: { participantKey: updated.key },
        sessionVersion: session.version,
      });
      return { ...toParticipantView(updated), isIncluded: updated.isIncluded };
    },
  );
  return result!;
}
