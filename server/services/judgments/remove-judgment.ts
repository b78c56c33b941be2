import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { RemoveJudgmentInput } from '~/core/contracts/judgments';
import { judgments } from '~/db/schema';
import type { ParticipantContext, ServiceArgs } from '../context';
import { pairKey } from '../shared/hierarchy';
import { prepareAnswer, touchParticipant } from './answer-checks';

/** Withdraws an answer ("I'd rather not judge this pair"); removing one that is not there is not an error. */
export async function removeJudgment({ ctx, input }: ServiceArgs<ParticipantContext, RemoveJudgmentInput>) {
  return ctx.db.transaction(async (tx) => {
    await prepareAnswer(tx, ctx.access);
    await touchParticipant(tx, ctx.access.participantId);
    const removed = await tx
      .delete(judgments)
      .where(
        and(
          eq(judgments.participantId, ctx.access.participantId),
          eq(judgments.nodeKey, input.nodeKey),
          eq(judgments.pairKey, pairKey(input.a, input.b)),
        ),
      )
      .returning({ id: judgments.id });
    return { removed: removed.length > 0 };
  });
}
