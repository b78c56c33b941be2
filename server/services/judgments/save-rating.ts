import 'server-only';
import { sql } from 'drizzle-orm';
import type { SaveRatingInput } from '~/core/contracts/judgments';
import { ratings } from '~/db/schema';
import type { ParticipantContext, ServiceArgs } from '../context';
import { assertOpenForAnswers, raiseEvent } from '../shared/workshop-state';
import { checkRating, prepareAnswer, touchParticipant } from './answer-checks';

/**
 * Saves one rating as its intensity key, in the current workshop round; an upsert, so a retry or a change of
 * mind replaces the earlier one of this round.
 */
export async function saveRating({ ctx, input }: ServiceArgs<ParticipantContext, SaveRatingInput>) {
  const { saved, notice } = await ctx.db.transaction(async (tx) => {
    const { session, hierarchy, workshop, round } = await prepareAnswer(tx, ctx.access);
    checkRating(hierarchy, session.alternativeScoring, input);
    assertOpenForAnswers(workshop, round, { kind: 'rating', criterionKey: input.criterionKey, alternativeKey: input.alternativeKey });
    await touchParticipant(tx, ctx.access.participantId);
    const [row] = await tx
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
      .returning();
    return { saved: row!, notice: await raiseEvent(tx, session.id, 'answer.saved') };
  });
  await ctx.events.publish(notice);
  return {
    criterionKey: saved.criterionKey,
    alternativeKey: saved.alternativeKey,
    intensity: saved.intensity,
    round: saved.round,
    answeredAt: saved.answeredAt,
  };
}
