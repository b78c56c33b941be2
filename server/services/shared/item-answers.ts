import 'server-only';
import { type SQL, and, eq } from 'drizzle-orm';
import type { LiveItem } from '~/core/contracts/workshop';
import { pairKey } from '~/core/model';
import { judgments, ratings } from '~/db/schema';

/** Whose answers: everyone's in a session (tallies, re-votes) or one person's (withdrawing their own). */
export type AnswerScope = { sessionId: string } | { participantId: string };

type PairQuestion = Omit<Extract<LiveItem, { kind: 'pair' }>, 'kind'>;
type RatingQuestion = Omit<Extract<LiveItem, { kind: 'rating' }>, 'kind'>;

/**
 * The answers to one comparison in one round. A pair is found by its pair key, either way round, since a
 * person may have answered it as b over a; the caller turns each row by its `aKey`.
 */
export function pairAnswersOf(scope: AnswerScope, round: number, question: PairQuestion): SQL {
  return and(
    'sessionId' in scope ? eq(judgments.sessionId, scope.sessionId) : eq(judgments.participantId, scope.participantId),
    eq(judgments.round, round),
    eq(judgments.nodeKey, question.nodeKey),
    eq(judgments.pairKey, pairKey(question.a, question.b)),
  )!;
}

/** The answers to one rating question (a strategy rated on one criterion) in one round. */
export function ratingAnswersOf(scope: AnswerScope, round: number, question: RatingQuestion): SQL {
  return and(
    'sessionId' in scope ? eq(ratings.sessionId, scope.sessionId) : eq(ratings.participantId, scope.participantId),
    eq(ratings.round, round),
    eq(ratings.criterionKey, question.criterionKey),
    eq(ratings.alternativeKey, question.alternativeKey),
  )!;
}
