import 'server-only';
import type { RemoveJudgmentInput } from '~/core/contracts/judgments';
import { judgments } from '~/db/schema';
import type { ParticipantContext, ServiceArgs } from '../context';
import { pairAnswersOf } from '../shared/item-answers';
import { assertOpenForAnswers, raiseEvent } from '../shared/workshop-state';
import { prepareAnswer, touchParticipant } from './answer-checks';

/**
 * Withdraws an answer of the current round ("I'd rather not judge this pair"); removing one that is not there
 * is not an error. Answers of closed rounds are frozen: the one of an earlier round counts again.
 */
export async function removeJudgment({ ctx, input }: ServiceArgs<ParticipantContext, RemoveJudgmentInput>) {
  const { isRemoved, notice } = await ctx.db.transaction(async (tx) => {
    const { session, workshop, round } = await prepareAnswer(tx, ctx.access);
    assertOpenForAnswers(workshop, round, { kind: 'pair', nodeKey: input.nodeKey, a: input.a, b: input.b });
    await touchParticipant(tx, ctx.access.participantId);
    const removed = await tx
      .delete(judgments)
      .where(pairAnswersOf({ participantId: ctx.access.participantId }, round.number, { nodeKey: input.nodeKey, a: input.a, b: input.b }))
      .returning({ id: judgments.id });
    return { isRemoved: removed.length > 0, notice: removed.length > 0 ? await raiseEvent(tx, session.id, 'answer.removed') : null };
  });
  if (notice) await ctx.events.publish(notice);
  return { removed: isRemoved };
}
