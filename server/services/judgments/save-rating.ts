import 'server-only';
import { sql } from 'drizzle-orm';
import type { SaveRatingInput } from '~/core/contracts/judgments';
import { ratings } from '~/db/schema';
import type { ParticipantContext, ServiceArgs } from '../context';
import { checkRating, prepareAnswer, touchParticipant } from './answer-checks';

/** Saves one rating as its intensity key; an upsert, so a retry or a change of mind replaces the earlier one. */
export async function saveRating({ ctx, input }: ServiceArgs<ParticipantContext, SaveRatingInput>) {
  return ctx.db.transaction(async (tx) => {
    const { session, hierarchy } = await prepareAnswer(tx, ctx.access);
    checkRating(hierarchy, session.alternativeScoring, input);
    await touchParticipant(tx, ctx.access.participantId);
    const [saved] = await tx
      .insert(ratings)
      .values({
        sessionId: session.id,
        participantId: ctx.access.participantId,
        criterionKey: input.criterionKey,
        alternativeKey: input.alternativeKey,
        intensity: input.intensity,
      })
      .onConflictDoUpdate({
        target: [ratings.participantId, ratings.criterionKey, ratings.alternativeKey],
        set: { intensity: input.intensity, answeredAt: sql`now()` },
      })
      .returning();
    return {
      criterionKey: saved!.criterionKey,
      alternativeKey: saved!.alternativeKey,
      intensity: saved!.intensity,
      answeredAt: saved!.answeredAt,
    };
  });
}
