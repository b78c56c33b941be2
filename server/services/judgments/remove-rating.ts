import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { RemoveRatingInput } from '~/core/contracts/judgments';
import { ratings } from '~/db/schema';
import type { ParticipantContext, ServiceArgs } from '../context';
import { prepareAnswer, touchParticipant } from './answer-checks';

export async function removeRating({ ctx, input }: ServiceArgs<ParticipantContext, RemoveRatingInput>) {
  return ctx.db.transaction(async (tx) => {
    await prepareAnswer(tx, ctx.access);
    await touchParticipant(tx, ctx.access.participantId);
    const removed = await tx
      .delete(ratings)
      .where(
        and(
          eq(ratings.participantId, ctx.access.participantId),
          eq(ratings.criterionKey, input.criterionKey),
          eq(ratings.alternativeKey, input.alternativeKey),
        ),
      )
      .returning({ id: ratings.id });
    return { removed: removed.length > 0 };
  });
}
