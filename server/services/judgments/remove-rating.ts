import 'server-only';
import type { RemoveRatingInput } from '~/core/contracts/judgments';
import { ratings } from '~/db/schema';
import type { ParticipantContext, ServiceArgs } from '../context';
import { ratingAnswersOf } from '../shared/item-answers';
import { assertOpenForAnswers, raiseEvent } from '../shared/workshop-state';
import { prepareAnswer, touchParticipant } from './answer-checks';

/** Withdraws a rating of the current round; removing one that is not there is not an error. */
export async function removeRating({ ctx, input }: ServiceArgs<ParticipantContext, RemoveRatingInput>) {
  const { isRemoved, notice } = await ctx.db.transaction(async (tx) => {
    const { session, workshop, round } = await prepareAnswer(tx, ctx.access);
    assertOpenForAnswers(workshop, round, { kind: 'rating', criterionKey: input.criterionKey, alternativeKey: input.alternativeKey });
    await touchParticipant(tx, ctx.access.participantId);
    const removed = await tx
      .delete(ratings)
      .where(ratingAnswersOf({ participantId: ctx.access.participantId }, round.number, input))
      .returning({ id: ratings.id });
    return { isRemoved: removed.length > 0, notice: removed.length > 0 ? await raiseEvent(tx, session.id, 'answer.removed') : null };
  });
  if (notice) await ctx.events.publish(notice);
  return { removed: isRemoved };
}
