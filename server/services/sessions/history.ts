import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { auditLog } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';

/** The audit log of the session's model and settings, oldest first. */
export async function getSessionHistory({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  return ctx.db
    .select({
      action: auditLog.action,
      actor: auditLog.actor,
      detail: auditLog.detail,
      sessionVersion: auditLog.sessionVersion,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(eq(auditLog.sessionId, ctx.access.sessionId))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.sessionVersion));
}
