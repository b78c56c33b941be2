import 'server-only';
import { sql } from 'drizzle-orm';
import type { SaveJudgmentInput } from '~/core/contracts/judgments';
import { judgments } from '~/db/schema';
import type { ParticipantContext, ServiceArgs } from '../context';
import { pairKey } from '../shared/hierarchy';
import { checkPair, prepareAnswer, touchParticipant } from './answer-checks';

/**
 * Saves one pairwise judgment as given. An upsert on (participant, node, unordered pair): a retried request,
 * or the same pair answered again in either order, replaces the earlier answer and never adds a second one.
 */
export async function saveJudgment({ ctx, input }: ServiceArgs<ParticipantContext, SaveJudgmentInput>) {
  return ctx.db.transaction(async (tx) => {
    const { session, hierarchy } = await prepareAnswer(tx, ctx.access);
    checkPair(hierarchy, session.alternativeScoring, input);
    await touchParticipant(tx, ctx.access.participantId);
    const [saved] = await tx
      .insert(judgments)
      .values({
        sessionId: session.id,
        participantId: ctx.access.participantId,
        nodeKey: input.nodeKey,
        aKey: input.a,
        bKey: input.b,
        pairKey: pairKey(input.a, input.b),
        position: input.position,
      })
      .onConflictDoUpdate({
        target: [judgments.participantId, judgments.nodeKey, judgments.pairKey],
        set: { aKey: input.a, bKey: input.b, position: input.position, answeredAt: sql`now()` },
      })
      .returning();
    return { nodeKey: saved!.nodeKey, a: saved!.aKey, b: saved!.bKey, position: saved!.position, answeredAt: saved!.answeredAt };
  });
}
