import 'server-only';
import { eq } from 'drizzle-orm';
import type { LiveItem, SetCurrentItemInput } from '~/core/contracts/workshop';
import { workshops } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import type { SessionModel } from '../shared/session-model';
import { buildAgenda, isSameItem } from '~/core/model';
import { type RoundInfo, openVoting } from '../shared/workshop-state';
import { changeLive } from './live-change';

/** Refuses an item the current round does not ask (an unknown node, a pair not compared there, a closed round). */
export function checkAgendaItem(model: SessionModel, scoring: 'pairwise' | 'ratings', round: RoundInfo, item: LiveItem): void {
  if (round.status === 'closed') {
    throw new AppError('ROUND_CLOSED', `Round ${round.number} is closed; open the next round first.`);
  }
  if (!buildAgenda(model, scoring, round.nodeKeys).some((entry) => isSameItem(entry, item))) {
    const what = item.kind === 'pair' ? `${item.a} / ${item.b} under "${item.nodeKey}"` : `${item.alternativeKey} under "${item.criterionKey}"`;
    throw new AppError('INVALID_INPUT', `Round ${round.number} does not ask ${what}.`, { field: 'item' });
  }
}

/** Puts one item before the room (hidden, open for votes); in live mode phones switch to it. */
export async function setCurrentItem({ ctx, input }: ServiceArgs<FacilitatorContext, SetCurrentItemInput>) {
  const { state } = await changeLive(ctx, 'item.changed', async ({ tx, session, workshop, round, model }) => {
    checkAgendaItem(model, session.alternativeScoring, round, input.item);
    await tx
      .update(workshops)
      .set({ currentItem: input.item, ...openVoting(workshop) })
      .where(eq(workshops.sessionId, session.id));
    return input.item;
  });
  return state;
}
