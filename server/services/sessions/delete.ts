import 'server-only';
import { eq } from 'drizzle-orm';
import type { DeleteSessionInput } from '~/core/contracts/session';
import { sessions } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { lockSession } from '../shared/session-state';

/** Deletes the session and everything in it, once the facilitator has typed its title back. */
export async function deleteSession({ ctx, input }: ServiceArgs<FacilitatorContext, DeleteSessionInput>) {
  const deleted = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    if (input.confirmTitle.trim() !== session.title) {
      throw new AppError('INVALID_INPUT', 'Type the session title exactly to confirm deleting it.', { field: 'confirmTitle' });
    }
    await tx.delete(sessions).where(eq(sessions.id, session.id));
    return { deleted: true as const, sessionId: session.id };
  });
  // Live views of the session read its state again, find it gone and end.
  await ctx.events.publish({ sessionId: deleted.sessionId, kind: 'session.changed', seq: 0 });
  return deleted;
}
