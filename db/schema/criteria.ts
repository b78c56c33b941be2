import { relations } from 'drizzle-orm';
import { type AnyPgColumn, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ElementDescription, ElementName } from '../../core/contracts/model-edits';
import { sessions } from './sessions';

/** The session's own criteria tree; a null parent hangs the criterion under the goal. */
export const criteria = pgTable(
  'criteria',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => criteria.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    name: jsonb().$type<ElementName>().notNull(),
    description: jsonb().$type<ElementDescription>().notNull().default({}),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.sessionId, table.key)],
);

export const criteriaRelations = relations(criteria, ({ one, many }) => ({
  session: one(sessions, { fields: [criteria.sessionId], references: [sessions.id] }),
  parent: one(criteria, { fields: [criteria.parentId], references: [criteria.id], relationName: 'tree' }),
  children: many(criteria, { relationName: 'tree' }),
}));

export type CriterionRow = typeof criteria.$inferSelect;
