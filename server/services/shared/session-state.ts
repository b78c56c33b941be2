import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { type SessionRow, auditLog, sessions } from '~/db/schema';
import { AppError } from '~/server/errors';

export async function findSession(db: Db, sessionId: string): Promise<SessionRow> {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  if (!session) throw new AppError('NOT_FOUND', 'This session no longer exists.', { field: 'sessionId' });
  return session;
}

/**
 * Reads the session row and locks it until the transaction ends, so concurrent writers to one session queue
 * up instead of interleaving (PGlite runs one transaction at a time anyway).
 */
export async function lockSession(tx: Db, sessionId: string): Promise<SessionRow> {
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update').limit(1);
  if (!session) throw new AppError('NOT_FOUND', 'This session no longer exists.', { field: 'sessionId' });
  return session;
}

export function assertNotClosed(session: SessionRow): void {
  if (session.status === 'closed') {
    throw new AppError('SESSION_CLOSED', 'This session is closed; the facilitator can reopen it.');
  }
}

/** Refuses a change based on an old read of the session, instead of silently merging it. */
export function assertVersion(session: SessionRow, expectedVersion: number): void {
  if (session.version !== expectedVersion) {
    throw new AppError(
      'CONFLICT',
      `This session was changed since you loaded it (it is now at version ${session.version}, your change was ` +
        `made on version ${expectedVersion}). Reload it and make your change again.`,
      { field: 'expectedVersion' },
    );
  }
}

/**
 * Takes a shared lock on the session row: answers from many participants go on side by side, but not while a
 * model edit (which takes the exclusive lock) is changing what they answer about.
 */
export async function shareLockSession(tx: Db, sessionId: string): Promise<SessionRow> {
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('share').limit(1);
  if (!session) throw new AppError('NOT_FOUND', 'This session no longer exists.', { field: 'sessionId' });
  return session;
}

/** Increments the version and writes the audit entry, in the caller's transaction. */
export async function recordChange(
  tx: Db,
  session: SessionRow,
  action: AuditAction,
  detail: Record<string, unknown>,
  changes: Partial<typeof sessions.$inferInsert> = {},
): Promise<number> {
  const version = session.version + 1;
  await tx
    .update(sessions)
    .set({ ...changes, version, updatedAt: new Date() })
    .where(eq(sessions.id, session.id));
  await tx.insert(auditLog).values({ sessionId: session.id, actor: 'facilitator', action, detail, sessionVersion: version });
  return version;
}
