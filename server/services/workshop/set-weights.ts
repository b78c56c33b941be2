import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { and, eq, inArray } from 'drizzle-orm';
import { STAKEHOLDER_GROUPS } from '~/core/contracts/session';
import type { SetWeightsInput } from '~/core/contracts/workshop';
import { auditLog, participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { recordChange } from '../shared/session-state';
import { changeLive } from './live-change';

/**
 * Weights in the group result: the stakeholder groups' (the whole map; a missing group weighs 1, 0 leaves the
 * group out), which is a session setting and so a new session version, and individual participants'. A
 * participant counts with their weight times their group's.
 */
export async function setWeights({ ctx, input }: ServiceArgs<FacilitatorContext, SetWeightsInput>) {
  const { result } = await changeLive(ctx, 'weights.changed', async ({ tx, session }) => {
    const individual = input.participantWeights ?? [];
    if (individual.length > 0) {
      const ids = [...new Set(individual.map((p) => p.participantId))];
      const known = await tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.sessionId, session.id), inArray(participants.id, ids)));
      const knownIds = new Set(known.map((row) => row.id));
      const unknown = individual.findIndex((p) => !knownIds.has(p.participantId));
      if (unknown !== -1) {
        throw new AppError('NOT_FOUND', 'This session has no such participant.', { field: `participantWeights.${unknown}.participantId` });
      }
      for (const { participantId, weight } of individual) {
        await tx.update(participants).set({ weight }).where(and(eq(participants.id, participantId), eq(participants.sessionId, session.id)));
      }
      await tx.insert(auditLog).values({
        sessionId: session.id,
        actor: 'facilitator',
        action: 'participant.weights' satisfies AuditAction,
        detail: { count: individual.length },
        sessionVersion: session.version,
      });
    }
    let version = session.version;
    let stakeholderWeights = session.stakeholderWeights;
    if (input.stakeholderWeights) {
      stakeholderWeights = input.stakeholderWeights;
      version = await recordChange(tx, session, 'session.updated', { changed: ['stakeholderWeights'] }, { stakeholderWeights });
    }
    return {
      version,
      stakeholderWeights: Object.fromEntries(STAKEHOLDER_GROUPS.map((group) => [group, stakeholderWeights[group] ?? 1])),
    };
  });
  return result!;
}
