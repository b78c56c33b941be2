import 'server-only';
import { eq } from 'drizzle-orm';
import type { SetRevealedInput } from '~/core/contracts/workshop';
import { workshops } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { openVoting } from '../shared/workshop-state';
import { UNCHANGED, changeLive } from './live-change';

/**
 * Reveal: the room sees the current item's distribution and group value, and voting on it closes (late votes
 * would only echo the group). Hide: the distribution goes away and voting reopens, answers kept.
 */
export async function setRevealed({ ctx, input }: ServiceArgs<FacilitatorContext, SetRevealedInput>) {
  const { state } = await changeLive(
    ctx,
    input.isRevealed ? 'item.revealed' : 'item.hidden',
    async ({ tx, session, workshop }) => {
      if (!workshop.currentItem) throw new AppError('INVALID_INPUT', 'Choose the item to vote on first.', { field: 'isRevealed' });
      if (workshop.isRevealed === input.isRevealed) return UNCHANGED;
      // Hiding reopens voting, so it gets a fresh countdown; revealing leaves the time as it was.
      const change = input.isRevealed ? { isRevealed: true, updatedAt: new Date() } : openVoting(workshop);
      await tx.update(workshops).set(change).where(eq(workshops.sessionId, session.id));
      return input.isRevealed;
    },
  );
  return state;
}
