import 'server-only';
import { eq } from 'drizzle-orm';
import type { SetModeInput } from '~/core/contracts/workshop';
import { workshops } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { buildAgenda, isSameItem } from '~/core/model';
import { openVoting } from '../shared/workshop-state';
import { UNCHANGED, changeLive } from './live-change';

/**
 * Starts live mode (the room votes on one item at a time, from the current one, or the round's first) or goes
 * back to async mode (everyone at their own pace). The current item is kept for a later restart.
 */
export async function setMode({ ctx, input }: ServiceArgs<FacilitatorContext, SetModeInput>) {
  const { state } = await changeLive(ctx, 'mode.changed', async ({ tx, session, workshop, round, model }) => {
    if (workshop.mode === input.mode) return UNCHANGED;
    let currentItem = workshop.currentItem;
    if (input.mode === 'live') {
      const agenda = buildAgenda(model, session.alternativeScoring, round.nodeKeys);
      if (agenda.length === 0) throw new AppError('INVALID_INPUT', `Round ${round.number} has no question to vote on.`, { field: 'mode' });
      if (!currentItem || !agenda.some((item) => isSameItem(item, currentItem!))) currentItem = agenda[0]!;
    }
    await tx
      .update(workshops)
      .set({ mode: input.mode, currentItem, ...openVoting(input.mode === 'live' ? workshop : { countdownSeconds: null }) })
      .where(eq(workshops.sessionId, session.id));
    return input.mode;
  });
  return state;
}
