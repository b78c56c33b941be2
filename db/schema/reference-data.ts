import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { MeasureCatalogue } from '../../core/contracts/catalogue';
import type { DecisionModelTemplate } from '../../core/contracts/model';
import type { ClusterProfileDefinition } from '../../core/contracts/profile';

/**
 * Versioned seed data. A version, once seeded, never changes: sessions name the version they started from,
 * so an old session still reads the texts it was built with.
 */
export const decisionModels = pgTable(
  'decision_models',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    version: integer().notNull(),
    template: jsonb().$type<DecisionModelTemplate>().notNull(),
    seededAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.key, table.version)],
);

export const measureCatalogues = pgTable('measure_catalogues', {
  id: uuid().primaryKey().defaultRandom(),
  version: integer().notNull().unique(),
  catalogue: jsonb().$type<MeasureCatalogue>().notNull(),
  seededAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const profileDefinitions = pgTable('profile_definitions', {
  id: uuid().primaryKey().defaultRandom(),
  version: integer().notNull().unique(),
  definition: jsonb().$type<ClusterProfileDefinition>().notNull(),
  seededAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type DecisionModelRow = typeof decisionModels.$inferSelect;
