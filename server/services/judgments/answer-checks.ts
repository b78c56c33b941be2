import 'server-only';
import { type SQL, eq, sql } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { EventBus } from '~/server/events/bus';
import type { ParticipantAccess } from '../context';
import { type SessionModel, loadModelAt } from '../shared/session-model';
import { assertNotClosed } from '../shared/session-state';
import { raiseEventWith, readSessionState } from '../shared/workshop-state';

/**
 * What every answer needs: a session that is not closed, its current model, and the workshop state the answer
 * is checked against (assertOpenForAnswers). Read under the shared session lock, so a facilitator's step (which
 * takes the exclusive lock) is either wholly before or wholly after the answer. A room of 200 answers about two
 * times a second each, so this is one query: the model comes from the per-version cache.
 */
export async function prepareAnswer(tx: Db, access: ParticipantAccess) {
  const { session, workshop, round } = await readSessionState(tx, access.sessionId, { lock: 'share' });
  assertNotClosed(session);
  const model = await loadModelAt(tx, session);
  return { session, model, workshop, round };
}

/**
 * What a saved answer's write does besides storing the answer, as parts of its upsert, so that an answer is one
 * write statement (a room of 200 saves about 100 answers a second, and each statement is a round trip): the
 * participant's last-answer time and the session's event (raiseEventWith) as CTEs, and for RETURNING the event's
 * number `eventSeq` and, where the bus sends notices through the database, the notice itself (`notified`, sent
 * at commit). `isNotifiedByWrite` says whether it was; if not, publish the notice after the commit.
 */
export function answerSideWrites(tx: Db, access: ParticipantAccess, events: EventBus) {
  const touched = tx
    .$with('touched_participant')
    .as(tx.update(participants).set({ lastAnswerAt: new Date() }).where(eq(participants.id, access.participantId)).returning({ id: participants.id }));
  const { raised, eventSeq } = raiseEventWith(tx, access.sessionId);
  const notified: SQL = events.notifyOnCommit?.({ sessionId: access.sessionId, kind: 'answer.saved', seq: eventSeq }) ?? sql`null`;
  return { ctes: [touched, raised] as const, eventSeq, notified, isNotifiedByWrite: events.notifyOnCommit !== undefined };
}

/** PostgreSQL's foreign_key_violation, on the error or the driver error it wraps. */
function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as Error & { code?: unknown }).code === '23503') return true;
  }
  return false;
}

/**
 * Runs an answer's write statement. The answer references its participant, so if the facilitator removed them
 * while the answer waited for the session lock, the write fails on that reference: NOT_FOUND, as touchParticipant
 * says it.
 */
export async function writeAnswer<T>(write: PromiseLike<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new AppError('NOT_FOUND', 'You are no longer a participant of this session.');
    throw error;
  }
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
  model: SessionModel,
  scoring: 'pairwise' | 'ratings',
  input: { nodeKey: string; a: string; b: string },
): void {
  const node = model.node(input.nodeKey);
  if (!node) throw new AppError('INVALID_INPUT', `This session has no criterion "${input.nodeKey}".`, { field: 'nodeKey' });
  if (node.kind === 'alternatives' && scoring === 'ratings') {
    throw new AppError('INVALID_INPUT', 'This session scores the strategies with ratings, not pairwise comparisons.', {
      field: 'nodeKey',
    });
  }
  for (const field of ['a', 'b'] as const) {
    if (!node.elementKeys.includes(input[field])) {
      throw new AppError(
        'INVALID_INPUT',
        `"${input[field]}" is not compared under "${input.nodeKey}" (compared there: ${node.elementKeys.join(', ')}).`,
        { field },
      );
    }
  }
}

export function checkRating(model: SessionModel, scoring: 'pairwise' | 'ratings', input: { criterionKey: string; alternativeKey: string }) {
  if (scoring !== 'ratings') {
    throw new AppError('INVALID_INPUT', 'This session compares the strategies pairwise; it takes no ratings.', {
      field: 'criterionKey',
    });
  }
  if (!model.leafKeys.includes(input.criterionKey)) {
    throw new AppError('INVALID_INPUT', `"${input.criterionKey}" is not a criterion the strategies are rated against.`, {
      field: 'criterionKey',
    });
  }
  if (!model.alternativeKeys.includes(input.alternativeKey)) {
    throw new AppError('INVALID_INPUT', `This session has no strategy "${input.alternativeKey}".`, { field: 'alternativeKey' });
  }
}

