import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { WorkshopRef } from '~/core/contracts/workshop';
import { judgments, ratings } from '~/db/schema';
import type { AccessContext, FacilitatorAccess, ParticipantAccess, ServiceArgs } from '../context';
import { type JudgmentAnswer, type RatingAnswer, type RoundAnswers, buildAgenda, roundAnswersOf, roundProgress } from '~/core/model';
import { READ_SNAPSHOT } from '../shared/session-snapshot';
import { type RoomSnapshot, forViewer, readLiveSnapshot } from './live-state';

/**
 * The live state for the facilitator (with the current item's tally before it is revealed) or a participant
 * (tally once revealed, plus their own answers in this round, as of the state's event sequence, and how many of
 * the round's questions they answered). A phone shows its own answer and progress from this, never from a guess.
 */
export async function getLiveState({ ctx }: ServiceArgs<AccessContext<FacilitatorAccess | ParticipantAccess>, WorkshopRef>) {
  const access = ctx.access;
  if (access.role === 'facilitator') {
    const snapshot = await readLiveSnapshot(ctx.db, access.sessionId);
    return { ...forViewer(snapshot.state, 'facilitator'), myAnswers: null, myRound: null };
  }
  // One snapshot: the own answers are exactly those the state's sequence number stands for, so a phone adding the
  // saves acknowledged after that number neither misses one nor keeps one a re-vote cleared.
  return ctx.db.transaction(async (tx) => {
    const snapshot = await readLiveSnapshot(tx, access.sessionId);
    const ownJudgments = await tx
      .select({ nodeKey: judgments.nodeKey, aKey: judgments.aKey, bKey: judgments.bKey, position: judgments.position })
      .from(judgments)
      .where(and(eq(judgments.participantId, access.participantId), eq(judgments.round, snapshot.round.number)));
    const ownRatings = await tx
      .select({ criterionKey: ratings.criterionKey, alternativeKey: ratings.alternativeKey, intensity: ratings.intensity })
      .from(ratings)
      .where(and(eq(ratings.participantId, access.participantId), eq(ratings.round, snapshot.round.number)));
    return participantLiveState(snapshot, ownJudgments, ownRatings);
  }, READ_SNAPSHOT);
}

/**
 * A participant's live state from a snapshot and their answers of its round (read in the same snapshot): what
 * `workshop.live` returns to a participant; joinByCode gives it with no answers, for someone who has just joined.
 */
export function participantLiveState(snapshot: RoomSnapshot, ownJudgments: JudgmentAnswer[], ownRatings: RatingAnswer[]) {
  const { session, round, model } = snapshot;
  const agenda = buildAgenda(model, session.alternativeScoring, round.nodeKeys);
  const answers = roundAnswersOf(agenda, { judgments: ownJudgments, ratings: ownRatings });
  const myAnswers: RoundAnswers = { seq: snapshot.state.seq, round: round.number, answers };
  const myRound = roundProgress(agenda, new Map(answers.map((answer) => [answer.key, answer])));
  return { ...forViewer(snapshot.state, 'participant'), myAnswers, myRound };
}
