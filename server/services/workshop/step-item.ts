import 'server-only';
import { eq } from 'drizzle-orm';
import type { StepItemInput } from '~/core/contracts/workshop';
import { workshops } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { buildAgenda, isSameItem } from '~/core/model';
import { openVoting } from '../shared/workshop-state';
import { UNCHANGED, changeLive } from './live-change';

/**
 * The next or previous item of the round's agenda (the first one when none is current). At either end nothing
 * changes and no event is raised; `state.current.index` and `total` tell the UI where it is.
 */
export async function stepItem({ ctx, input }: ServiceArgs<FacilitatorContext, StepItemInput>) {
  const { state } = await changeLive(ctx, 'item.changed', async ({ tx, session, workshop, round, model }) => {
    if (round.status === 'closed') throw new AppError('ROUND_CLOSED', `Round ${round.number} is closed; open the next round first.`);
    const agenda = buildAgenda(model, session.alternativeScoring, round.nodeKeys);
    if (agenda.length === 0) throw new AppError('INVALID_INPUT', `Round ${round.number} has no question to vote on.`);
    const current = workshop.currentItem;
    const index = current ? agenda.findIndex((item) => isSameItem(item, current)) : -1;
    const target = index === -1 ? 0 : index + (input.direction === 'next' ? 1 : -1);
    if ((index !== -1 && target === index) || target < 0 || target >= agenda.length) return UNCHANGED;
    const item = agenda[target]!;
    await tx.update(workshops).set({ currentItem: item, ...openVoting(workshop) }).where(eq(workshops.sessionId, session.id));
    return item;
  });
  return state;
}
