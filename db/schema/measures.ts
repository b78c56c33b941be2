import { relations } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ElementDescription, ElementName } from '../../core/contracts/model-edits';
import { measureOrigin } from './enums';
import { sessions } from './sessions';

/** The session's support measures: copied from the catalogue at creation, or added by the facilitator. */
export const measures = pgTable(
  'measures',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    origin: measureOrigin().notNull(),
    family: text().notNull(),
    name: jsonb().$type<ElementName>().notNull(),
    rationale: jsonb().$type<ElementDescription>().notNull().default({}),
    criteria: jsonb().$type<string[]>().notNull(),
    answersWeaknesses: jsonb().$type<string[]>().notNull().default([]),
    servesPriorities: jsonb().$type<string[]>().notNull().default([]),
    strategyFit: jsonb().$type<Record<string, number>>().notNull().default({}),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.sessionId, table.key)],
);

export const measuresRelations = relations(measures, ({ one }) => ({
  session: one(sessions, { fields: [measures.sessionId], references: [sessions.id] }),
}));

export type MeasureRow = typeof measures.$inferSelect;
