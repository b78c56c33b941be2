import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { type AuditAction, isAuditAction } from '~/core/contracts/audit';
import { ElementName } from '~/core/contracts/model-edits';
import type { SessionRef } from '~/core/contracts/session';
import { type AuditLogRow, auditLog } from '~/db/schema';
import type { Db } from '~/db/client';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { findSession } from '../shared/session-state';
import { withShownNameInDetails } from '../shared/participant-names';

/** What an entry is about, in the words a reader needs: the element's name, the participant, the changed fields. */
export type HistorySubject = { name: ElementName | null; participant: string | null; changed: string[] };

export type HistoryEntry = {
  /** An AuditAction, or another version's action code for entries that came with an imported file. */
  action: AuditAction | string;
  isKnownAction: boolean;
  actor: string;
  at: Date;
  sessionVersion: number;
  subject: HistorySubject;
  detail: Record<string, unknown>;
};

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The subject of an entry from its stored detail: the one place that reads an entry's detail for people. */
export function historySubject(detail: Record<string, unknown>): HistorySubject {
  const name = ElementName.safeParse(detail.name ?? detail.to);
  const participant = typeof detail.displayName === 'string' ? detail.displayName : typeof detail.participantKey === 'string' ? detail.participantKey : null;
  return { name: name.success ? name.data : null, participant, changed: asStrings(detail.changed) };
}

export function toHistoryEntry(row: Pick<AuditLogRow, 'action' | 'actor' | 'detail' | 'sessionVersion' | 'createdAt'>): HistoryEntry {
  return {
    action: row.action,
    isKnownAction: isAuditAction(row.action),
    actor: row.actor,
    at: row.createdAt,
    sessionVersion: row.sessionVersion,
    subject: historySubject(row.detail),
    detail: row.detail,
  };
}

export async function readHistory(db: Db, sessionId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      action: auditLog.action,
      actor: auditLog.actor,
      detail: auditLog.detail,
      sessionVersion: auditLog.sessionVersion,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(eq(auditLog.sessionId, sessionId))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.sessionVersion));
  const session = await findSession(db, sessionId);
  return (await withShownNameInDetails(rows, session)).map(toHistoryEntry);
}

/** The session's history (audit log): who changed what and when, oldest first. */
export async function getSessionHistory({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>): Promise<HistoryEntry[]> {
  return readHistory(ctx.db, ctx.access.sessionId);
}
