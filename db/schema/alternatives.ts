import { relations } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ElementDescription, ElementName } from '../../core/contracts/model-edits';
import { sessions } from './sessions';

/** The options of the strategy decision (by default the three regulation strategies). */
export const alternatives = pgTable(
  'alternatives',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    name: jsonb().$type<ElementName>().notNull(),
    description: jsonb().$type<ElementDescription>().notNull().default({}),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.sessionId, table.key)],
);

export const alternativesRelations = relations(alternatives, ({ one }) => ({
  session: one(sessions, { fields: [alternatives.sessionId], references: [sessions.id] }),
}));

export type AlternativeRow = typeof alternatives.$inferSelect;
