import 'server-only';
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { countingAnswers } from '~/core/model';
import { type JudgmentRow, type RatingRow, judgments, ratings } from '~/db/schema';

/** What computations read of a judgment: who answered what, in which round (no ids or times to parse). */
export type CountedJudgment = Pick<JudgmentRow, 'participantId' | 'nodeKey' | 'aKey' | 'bKey' | 'pairKey' | 'position' | 'round'>;
/** What computations read of a rating. */
export type CountedRating = Pick<RatingRow, 'participantId' | 'criterionKey' | 'alternativeKey' | 'intensity' | 'round'>;

import type { AnswersByParticipant as ByParticipant } from '~/core/model';

export type AnswersByParticipant<J = CountedJudgment, R = CountedRating> = ByParticipant<J, R>;

type Where = { sessionId: string } | { participantId: string };

function answersOf(table: typeof judgments | typeof ratings, where: Where, upToRound: number | undefined) {
  return and(
    'sessionId' in where ? eq(table.sessionId, where.sessionId) : eq(table.participantId, where.participantId),
    upToRound === undefined ? undefined : lte(table.round, upToRound),
  );
}

/**
 * The answers that count (countingAnswers), of a session or of one participant, with only what computations
 * read: a workshop dashboard reads a room's thousands of answers a few times a second. `upToRound`: the answers
 * as that round froze them. Earlier rounds' answers stay stored; `loadAnswerRows` reads them all, whole.
 */
export async function loadAnswers(db: Db, where: Where, { upToRound }: { upToRound?: number } = {}): Promise<AnswersByParticipant> {
  // Sequential: `db` is often a transaction, one connection that node-postgres would not run them on in parallel.
  const judgmentRows = await db
    .select({
      participantId: judgments.participantId,
      nodeKey: judgments.nodeKey,
      aKey: judgments.aKey,
      bKey: judgments.bKey,
      pairKey: judgments.pairKey,
      position: judgments.position,
      round: judgments.round,
    })
    .from(judgments)
    .where(answersOf(judgments, where, upToRound));
  const ratingRows = await db
    .select({
      participantId: ratings.participantId,
      criterionKey: ratings.criterionKey,
      alternativeKey: ratings.alternativeKey,
      intensity: ratings.intensity,
      round: ratings.round,
    })
    .from(ratings)
    .where(answersOf(ratings, where, upToRound));
  return countingAnswers({ judgments: judgmentRows, ratings: ratingRows });
}

/** Every stored answer, of every round, as given. */
export async function loadAnswerRows(
  db: Db,
  where: Where,
  { upToRound }: { upToRound?: number } = {},
): Promise<{ judgments: JudgmentRow[]; ratings: RatingRow[] }> {
  const judgmentRows = await db.select().from(judgments).where(answersOf(judgments, where, upToRound));
  const ratingRows = await db.select().from(ratings).where(answersOf(ratings, where, upToRound));
  return { judgments: judgmentRows, ratings: ratingRows };
}
