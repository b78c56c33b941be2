import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { ParticipantAccess } from '../context';
import { type Hierarchy, loadHierarchy } from '../shared/hierarchy';
import { assertNotClosed, shareLockSession } from '../shared/session-state';
import { currentRound, findWorkshop } from '../shared/workshop-state';

/**
 * What every answer needs: a session that is not closed, its current model, and the workshop state the answer
 * is checked against (assertOpenForAnswers). Read under the shared session lock, so a facilitator's step (which
 * takes the exclusive lock) is either wholly before or wholly after the answer.
 */
export async function prepareAnswer(tx: Db, access: ParticipantAccess) {
  const session = await shareLockSession(tx, access.sessionId);
  assertNotClosed(session);
  // One after the other: a transaction is one connection, and node-postgres does not pipeline queries on it.
  const hierarchy = await loadHierarchy(tx, session.id);
  const workshop = await findWorkshop(tx, session.id);
  const round = await currentRound(tx, session.id);
  return { session, hierarchy, workshop, round };
}

export async function touchParticipant(tx: Db, participantId: string): Promise<void> {
  const updated = await tx
    .update(participants)
    .set({ lastAnswerAt: new Date() })
    .where(eq(participants.id, participantId))
    .returning({ id: participants.id });
  if (updated.length === 0) throw new AppError('NOT_FOUND', 'You are no longer a participant of this session.');
}

/** Refuses a pair that the node does not compare, naming the field that is wrong. */
export function checkPair(
  hierarchy: Hierarchy,
  scoring: 'pairwise' | 'ratings',
  input: { nodeKey: string; a: string; b: string },
): void {
  const node = hierarchy.nodes.get(input.nodeKey);
  if (!node) throw new AppError('INVALID_INPUT', `This session has no criterion "${input.nodeKey}".`, { field: 'nodeKey' });
  if (node.kind === 'alternatives' && scoring === 'ratings') {
    throw new AppError('INVALID_INPUT', 'This session scores the strategies with ratings, not pairwise comparisons.', {
      field: 'nodeKey',
    });
  }
  for (const field of ['a', 'b'] as const) {
    if (!node.elements.includes(input[field])) {
      throw new AppError(
        'INVALID_INPUT',
        `"${input[field]}" is not compared under "${input.nodeKey}" (compared there: ${node.elements.join(', ')}).`,
        { field },
      );
    }
  }
}

export function checkRating(hierarchy: Hierarchy, scoring: 'pairwise' | 'ratings', input: { criterionKey: string; alternativeKey: string }) {
  if (scoring !== 'ratings') {
    throw new AppError('INVALID_INPUT', 'This session compares the strategies pairwise; it takes no ratings.', {
      field: 'criterionKey',
    });
  }
  if (!hierarchy.leafKeys.includes(input.criterionKey)) {
    throw new AppError('INVALID_INPUT', `"${input.criterionKey}" is not a criterion the strategies are rated against.`, {
      field: 'criterionKey',
    });
  }
  if (!hierarchy.alternatives.some((a) => a.key === input.alternativeKey)) {
    throw new AppError('INVALID_INPUT', `This session has no strategy "${input.alternativeKey}".`, { field: 'alternativeKey' });
  }
}

