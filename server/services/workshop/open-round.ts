import 'server-only';
import { eq } from 'drizzle-orm';
import type { OpenRoundInput } from '~/core/contracts/workshop';
import { workshopRounds, workshops } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { buildAgenda } from '~/core/model';
import { openVoting } from '../shared/workshop-state';
import { changeLive } from './live-change';

/**
 * After a closed round and its discussion: a new round that asks the chosen nodes again. Participants answer
 * those nodes anew (their earlier answers stay stored and count until replaced); every other node keeps the
 * answers of earlier rounds. The room is put on the new round's first item, hidden.
 */
export async function openRound({ ctx, input }: ServiceArgs<FacilitatorContext, OpenRoundInput>) {
  const { state } = await changeLive(ctx, 'round.opened', async ({ tx, session, workshop, round, model }) => {
    if (round.status !== 'closed') {
      throw new AppError('CONFLICT', `Round ${round.number} is still open; close it before opening the next one.`);
    }
    input.nodeKeys.forEach((nodeKey, i) => {
      const node = model.node(nodeKey);
      if (!node) throw new AppError('INVALID_INPUT', `This session has no node "${nodeKey}".`, { field: `nodeKeys.${i}` });
      if (node.elementKeys.length < 2) {
        throw new AppError('INVALID_INPUT', `"${nodeKey}" has a single element: there is nothing to ask.`, { field: `nodeKeys.${i}` });
      }
    });
    const number = round.number + 1;
    const next = { number, status: 'open' as const, nodeKeys: input.nodeKeys, openedAt: new Date(), closedAt: null, resultError: null };
    await tx.insert(workshopRounds).values({ sessionId: session.id, number, status: 'open', nodeKeys: input.nodeKeys });
    const [first] = buildAgenda(model, session.alternativeScoring, next.nodeKeys);
    await tx
      .update(workshops)
      .set({ currentItem: first ?? null, ...openVoting(workshop) })
      .where(eq(workshops.sessionId, session.id));
    return number;
  });
  return state;
}
