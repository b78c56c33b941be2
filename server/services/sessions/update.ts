import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { UpdateSessionInput } from '~/core/contracts/session';
import { participants, type sessions } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { assertNotClosed, assertVersion, lockSession, recordChange } from '../shared/session-state';
import { raiseEvent } from '../shared/workshop-state';

/** Changes the session's details and settings; only the fields given change. */
export async function updateSession({ ctx, input }: ServiceArgs<FacilitatorContext, UpdateSessionInput>) {
  const { sessionId: _sessionId, expectedVersion, methodSettings, ...fields } = input;
  const { version, notice } = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    assertVersion(session, expectedVersion);
    assertNotClosed(session);
    if (fields.maxParticipants !== undefined) {
      const [row] = await tx.select({ n: count() }).from(participants).where(eq(participants.sessionId, session.id));
      const joined = row?.n ?? 0;
      if (fields.maxParticipants < joined) {
        throw new AppError('INVALID_INPUT', `${joined} participants have already joined; the limit cannot be lower.`, {
          field: 'maxParticipants',
        });
      }
    }
    const changes: Partial<typeof sessions.$inferInsert> = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    );
    if (methodSettings) changes.methodSettings = { ...session.methodSettings, ...methodSettings };
    const version = await recordChange(tx, session, 'session.updated', { changed: Object.keys(changes) }, changes);
    return { version, notice: await raiseEvent(tx, session.id, 'session.changed') };
  });
  await ctx.events.publish(notice);
  return { version };
}
