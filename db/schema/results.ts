import { relations } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { StoredCoverage, StoredResult } from '../../core/model';
import type { ComputationSettings } from '../../core/contracts/session-export';
import { resultScope } from './enums';
import { sessions } from './sessions';

/**
 * A computed result exactly as the engine returned it, with the settings and the model version that produced
 * it. Rows are only added: the latest one of a scope is the current result, older ones are its history.
 */
export const results = pgTable(
  'results',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    scope: resultScope().notNull(),
    /** The participant's key for an individual result; null for the group. */
    participantKey: text(),
    settings: jsonb().$type<ComputationSettings>().notNull(),
    sessionVersion: integer().notNull(),
    /** The engine's result (core/model SessionResult); rows written before its last change are upgraded on read. */
    result: jsonb().$type<StoredResult>().notNull(),
    /** Which participants the group result includes, and why the others were left out. */
    coverage: jsonb().$type<StoredCoverage>().notNull(),
    /** The workshop round a group result closed, with the answers as that round froze them; null otherwise. */
    round: integer(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.sessionId, table.scope, table.computedAt)],
);

export const resultsRelations = relations(results, ({ one }) => ({
  session: one(sessions, { fields: [results.sessionId], references: [sessions.id] }),
}));

export type ResultRow = typeof results.$inferSelect;
