import 'server-only';
import { eq } from 'drizzle-orm';
import type { SetCountdownInput } from '~/core/contracts/workshop';
import { workshops } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { openVoting } from '../shared/workshop-state';
import { UNCHANGED, changeLive } from './live-change';

/**
 * The countdown per question: every question put to the room from now on closes for votes when it runs out. A
 * question open for votes right now gets the full time from now (or loses its countdown); a revealed one keeps
 * its state, and the next question starts the new countdown.
 */
export async function setCountdown({ ctx, input }: ServiceArgs<FacilitatorContext, SetCountdownInput>) {
  const { state } = await changeLive(ctx, 'countdown.changed', async ({ tx, session, workshop }) => {
    if (workshop.countdownSeconds === input.seconds) return UNCHANGED;
    const setting = { countdownSeconds: input.seconds };
    const isVoting = workshop.mode === 'live' && workshop.currentItem !== null && !workshop.isRevealed;
    await tx
      .update(workshops)
      .set(isVoting ? { ...setting, ...openVoting(setting) } : { ...setting, updatedAt: new Date() })
      .where(eq(workshops.sessionId, session.id));
    return input.seconds;
  });
  return state;
}
