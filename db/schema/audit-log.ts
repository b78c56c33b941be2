import { relations } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sessions } from './sessions';

/** Who changed what in a session's model or settings, and at which version; written in the same transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    actor: text().notNull(),
    /** An AuditAction (core/contracts/audit.ts); an imported entry may carry another version's. */
    action: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    sessionVersion: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.sessionId, table.createdAt)],
);

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  session: one(sessions, { fields: [auditLog.sessionId], references: [sessions.id] }),
}));

export type AuditLogRow = typeof auditLog.$inferSelect;
