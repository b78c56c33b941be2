import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { SaveCommentInput } from '~/core/contracts/judgments';
import { pairKey } from '~/core/model';
import { judgmentComments } from '~/db/schema';
import type { ParticipantContext, ServiceArgs } from '../context';
import { raiseEvent } from '../shared/workshop-state';
import { checkPair, prepareAnswer, writeAnswer } from './answer-checks';

/**
 * Saves (or, with an empty text, clears) the participant's reason for one pair of a node. One row per
 * (participant, node, unordered pair), apart from the judgment: changing or withdrawing the answer keeps it.
 * A reason changes no result, so unlike an answer it is not tied to the workshop's round or current item; it
 * only needs a session that is not closed and a pair the node compares.
 */
export async function saveComment({ ctx, input }: ServiceArgs<ParticipantContext, SaveCommentInput>) {
  const key = pairKey(input.a, input.b);
  const { saved, notice } = await ctx.db.transaction(async (tx) => {
    const { session, model } = await prepareAnswer(tx, ctx.access);
    checkPair(model, session.alternativeScoring, input);
    const mine = and(
      eq(judgmentComments.participantId, ctx.access.participantId),
      eq(judgmentComments.nodeKey, input.nodeKey),
      eq(judgmentComments.pairKey, key),
    );
    if (input.text === '') {
      const removed = await tx.delete(judgmentComments).where(mine).returning({ id: judgmentComments.id });
      return { saved: null, notice: removed.length > 0 ? await raiseEvent(tx, session.id, 'comment.saved') : null };
    }
    const [row] = await writeAnswer(
      tx
        .insert(judgmentComments)
        .values({
          sessionId: session.id,
          participantId: ctx.access.participantId,
          nodeKey: input.nodeKey,
          aKey: input.a,
          bKey: input.b,
          pairKey: key,
          text: input.text,
        })
        .onConflictDoUpdate({
          target: [judgmentComments.participantId, judgmentComments.nodeKey, judgmentComments.pairKey],
          set: { aKey: input.a, bKey: input.b, text: input.text, updatedAt: sql`now()` },
        })
        .returning(),
    );
    return { saved: row!, notice: await raiseEvent(tx, session.id, 'comment.saved') };
  });
  if (notice) await ctx.events.publish(notice);
  return {
    nodeKey: input.nodeKey,
    a: saved?.aKey ?? input.a,
    b: saved?.bKey ?? input.b,
    text: saved?.text ?? null,
    updatedAt: saved?.updatedAt ?? null,
  };
}
