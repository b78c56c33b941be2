import 'server-only';
import type { SessionStatus } from '~/core/contracts/session';
import type { SessionRow } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext } from '../context';
import { lockSession, recordChange } from '../shared/session-state';
import { raiseEvent } from '../shared/workshop-state';

/**
 * Moves the session to `to` when `from` allows it. Asking for the status it already has is a no-op, so a
 * retried close does not fail.
 */
export async function setSessionStatus(
  ctx: FacilitatorContext,
  to: SessionStatus,
  allowedFrom: SessionStatus[],
  refusal: (session: SessionRow) => AppError,
): Promise<{ status: SessionStatus; version: number }> {
  const { changed, notice } = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    if (session.status === to) return { changed: { status: to, version: session.version }, notice: null };
    if (!allowedFrom.includes(session.status)) throw refusal(session);
    const version = await recordChange(
      tx,
      session,
      `session.${to === 'closed' ? 'closed' : session.status === 'closed' ? 'reopened' : 'opened'}`,
      { from: session.status, to },
      { status: to, closedAt: to === 'closed' ? new Date() : null },
    );
    return { changed: { status: to, version }, notice: await raiseEvent(tx, session.id, 'session.changed') };
  });
  if (notice) await ctx.events.publish(notice);
  return changed;
}

export function notAllowed(message: string) {
  return () => new AppError('SESSION_CLOSED', message);
}
