import 'server-only';
import { getTableColumns, sql } from 'drizzle-orm';
import type { SaveJudgmentInput } from '~/core/contracts/judgments';
import { judgments } from '~/db/schema';
import type { WorkshopNotice } from '~/server/events/bus';
import type { ParticipantContext, ServiceArgs } from '../context';
import { pairKey } from '~/core/model';
import { assertOpenForAnswers } from '../shared/workshop-state';
import { answerSideWrites, checkPair, prepareAnswer, writeAnswer } from './answer-checks';

/**
 * Saves one pairwise judgment as given, in the current workshop round. An upsert on (participant, round, node,
 * unordered pair): a retried request, or the same pair answered again in either order, replaces the earlier
 * answer of this round and never adds a second one.
 */
export async function saveJudgment({ ctx, input }: ServiceArgs<ParticipantContext, SaveJudgmentInput>) {
  const { saved, notice } = await ctx.db.transaction(async (tx) => {
    const { session, model, workshop, round } = await prepareAnswer(tx, ctx.access);
    checkPair(model, session.alternativeScoring, input);
    assertOpenForAnswers(workshop, round, { kind: 'pair', nodeKey: input.nodeKey, a: input.a, b: input.b });
    const { ctes, eventSeq, notified, isNotifiedByWrite } = answerSideWrites(tx, ctx.access, ctx.events);
    const query = tx
      .with(...ctes)
      .insert(judgments)
      .values({
        sessionId: session.id,
        participantId: ctx.access.participantId,
        nodeKey: input.nodeKey,
        aKey: input.a,
        bKey: input.b,
        pairKey: pairKey(input.a, input.b),
        position: input.position,
        round: round.number,
      })
      .onConflictDoUpdate({
        target: [judgments.participantId, judgments.round, judgments.nodeKey, judgments.pairKey],
        set: { aKey: input.a, bKey: input.b, position: input.position, answeredAt: sql`now()` },
      })
      .returning({ ...getTableColumns(judgments), eventSeq, notified });
    const [row] = await writeAnswer(query);
    const notice: WorkshopNotice = { sessionId: session.id, kind: 'answer.saved', seq: row!.eventSeq };
    return { saved: row!, notice: isNotifiedByWrite ? null : notice };
  });
  if (notice) await ctx.events.publish(notice);
  return {
    nodeKey: saved.nodeKey,
    a: saved.aKey,
    b: saved.bKey,
    position: saved.position,
    round: saved.round,
    answeredAt: saved.answeredAt,
    /** The session event this save raised: a phone counts the answer as held from this sequence number on. */
    seq: saved.eventSeq,
  };
}
