import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { eq } from 'drizzle-orm';
import type { RevoteInput } from '~/core/contracts/workshop';
import { auditLog, judgments, ratings, workshops } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { flipPosition } from '~/core/model';
import { pairAnswersOf, ratingAnswersOf } from '../shared/item-answers';
import { openVoting } from '../shared/workshop-state';
import { changeLive } from './live-change';
import { checkAgendaItem } from './set-current';

/**
 * Re-vote after discussion: clears the item's answers of the current round (answers of earlier, closed rounds
 * are frozen and untouched), puts the item before the room hidden and open for votes again. What was cleared
 * is kept as a tally in the session history (`workshop.revote`), so the first vote stays on record without
 * counting twice. Chosen over a sub-vote so that a round holds at most one answer per person and question.
 */
export async function revote({ ctx, input }: ServiceArgs<FacilitatorContext, RevoteInput>) {
  const { result, state } = await changeLive(ctx, 'item.revote', async ({ tx, session, workshop, round, model }) => {
    const item = input.item ?? workshop.currentItem;
    if (!item) throw new AppError('INVALID_INPUT', 'Choose the item to vote on again.', { field: 'item' });
    checkAgendaItem(model, session.alternativeScoring, round, item);
    let previous: Record<string, number> = {};
    let cleared: number;
    if (item.kind === 'pair') {
      const removed = await tx
        .delete(judgments)
        .where(pairAnswersOf({ sessionId: session.id }, round.number, item))
        .returning({ aKey: judgments.aKey, position: judgments.position });
      for (const row of removed) {
        const position = String(row.aKey === item.a ? row.position : flipPosition(row.position));
        previous[position] = (previous[position] ?? 0) + 1;
      }
      cleared = removed.length;
    } else {
      const removed = await tx
        .delete(ratings)
        .where(ratingAnswersOf({ sessionId: session.id }, round.number, item))
        .returning({ intensity: ratings.intensity });
      for (const row of removed) previous[row.intensity] = (previous[row.intensity] ?? 0) + 1;
      cleared = removed.length;
    }
    previous = Object.fromEntries(Object.entries(previous).sort(([a], [b]) => (a < b ? -1 : 1)));
    await tx.update(workshops).set({ currentItem: item, ...openVoting(workshop) }).where(eq(workshops.sessionId, session.id));
    await tx.insert(auditLog).values({
      sessionId: session.id,
      actor: 'facilitator',
      action: 'workshop.revote' satisfies AuditAction,
      detail: { round: round.number, item, cleared, previousTally: previous },
      sessionVersion: session.version,
    });
    return { cleared };
  });
  return { state, cleared: result?.cleared ?? 0 };
}
