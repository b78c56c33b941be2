import 'server-only';
import { getTableColumns, sql } from 'drizzle-orm';
import type { SaveRatingInput } from '~/core/contracts/judgments';
import { ratings } from '~/db/schema';
import type { WorkshopNotice } from '~/server/events/bus';
import type { ParticipantContext, ServiceArgs } from '../context';
import { assertOpenForAnswers } from '../shared/workshop-state';
import { answerSideWrites, checkRating, prepareAnswer, writeAnswer } from './answer-checks';

/**
 * Saves one rating as its intensity key, in the current workshop round; an upsert, so a retry or a change of
 * mind replaces the earlier one of this round.
 */
export async function saveRating({ ctx, input }: ServiceArgs<ParticipantContext, SaveRatingInput>) {
  const { saved, notice } = await ctx.db.transaction(async (tx) => {
    const { session, model, workshop, round } = await prepareAnswer(tx, ctx.access);
    checkRating(model, session.alternativeScoring, input);
    assertOpenForAnswers(workshop, round, { kind: 'rating', criterionKey: input.criterionKey, alternativeKey: input.alternativeKey });
    const { ctes, eventSeq, notified, isNotifiedByWrite } = answerSideWrites(tx, ctx.access, ctx.events);
    const query = tx
      .with(...ctes)
      .insert(ratings)
      .values({
        sessionId: session.id,
        participantId: ctx.access.participantId,
        criterionKey: input.criterionKey,
        alternativeKey: input.alternativeKey,
        intensity: input.intensity,
        round: round.number,
      })
      .onConflictDoUpdate({
        target: [ratings.participantId, ratings.round, ratings.criterionKey, ratings.alternativeKey],
        set: { intensity: input.intensity, answeredAt: sql`now()` },
      })
      .returning({ ...getTableColumns(ratings), eventSeq, notified });
    const [row] = await writeAnswer(query);
    const notice: WorkshopNotice = { sessionId: session.id, kind: 'answer.saved', seq: row!.eventSeq };
    return { saved: row!, notice: isNotifiedByWrite ? null : notice };
  });
  if (notice) await ctx.events.publish(notice);
  return {
    criterionKey: saved.criterionKey,
    alternativeKey: saved.alternativeKey,
    intensity: saved.intensity,
    round: saved.round,
    answeredAt: saved.answeredAt,
    /** The session event this save raised: a phone counts the answer as held from this sequence number on. */
    seq: saved.eventSeq,
  };
}
