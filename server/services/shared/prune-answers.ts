import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { judgmentComments, judgments, ratings } from '~/db/schema';
import type { SessionModel } from './session-model';

const DELETE_BATCH = 1000;

/**
 * After a structural edit, deletes the answers that no longer fit the model (about a removed element, or
 * under a node whose children changed kind), and the reasons given for such pairs. Pairwise answers under a leaf are kept even when the session
 * scores by ratings, so switching the scoring mode back loses nothing.
 */
export async function pruneStaleAnswers(
  tx: Db,
  sessionId: string,
  model: SessionModel,
): Promise<{ judgments: number; ratings: number }> {
  const alternativeKeys = new Set(model.alternativeKeys);
  const leafKeys = new Set(model.leafKeys);
  const judgmentRows = await tx
    .select({ id: judgments.id, nodeKey: judgments.nodeKey, aKey: judgments.aKey, bKey: judgments.bKey })
    .from(judgments)
    .where(eq(judgments.sessionId, sessionId));
  const isStalePair = (row: { nodeKey: string; aKey: string; bKey: string }) => {
    const elements = model.node(row.nodeKey)?.elementKeys;
    return !elements || !elements.includes(row.aKey) || !elements.includes(row.bKey);
  };
  const staleJudgments = judgmentRows.filter(isStalePair).map((row) => row.id);
  const ratingRows = await tx
    .select({ id: ratings.id, criterionKey: ratings.criterionKey, alternativeKey: ratings.alternativeKey })
    .from(ratings)
    .where(eq(ratings.sessionId, sessionId));
  const staleRatings = ratingRows
    .filter((row) => !leafKeys.has(row.criterionKey) || !alternativeKeys.has(row.alternativeKey))
    .map((row) => row.id);
  const commentRows = await tx
    .select({ id: judgmentComments.id, nodeKey: judgmentComments.nodeKey, aKey: judgmentComments.aKey, bKey: judgmentComments.bKey })
    .from(judgmentComments)
    .where(eq(judgmentComments.sessionId, sessionId));
  const staleComments = commentRows.filter(isStalePair).map((row) => row.id);
  for (let i = 0; i < staleComments.length; i += DELETE_BATCH) {
    await tx.delete(judgmentComments).where(inArray(judgmentComments.id, staleComments.slice(i, i + DELETE_BATCH)));
  }
  for (let i = 0; i < staleJudgments.length; i += DELETE_BATCH) {
    await tx.delete(judgments).where(inArray(judgments.id, staleJudgments.slice(i, i + DELETE_BATCH)));
  }
  for (let i = 0; i < staleRatings.length; i += DELETE_BATCH) {
    await tx.delete(ratings).where(inArray(ratings.id, staleRatings.slice(i, i + DELETE_BATCH)));
  }
  return { judgments: staleJudgments.length, ratings: staleRatings.length };
}
