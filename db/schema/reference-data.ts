import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { MeasureCatalogue } from '../../core/contracts/catalogue';
import type { ClusterProfileDefinition } from '../../core/contracts/profile';
import type { ModelOrigin, StoredModelTemplate } from '../../core/contracts/templates';
import { sessions } from './sessions';

/**
 * Versioned seed data, and the models facilitators saved from their sessions as templates. A version, once
 * stored, never changes: sessions name the version they started from, so an old session still reads the texts
 * it was built with.
 */
export const decisionModels = pgTable(
  'decision_models',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    version: integer().notNull(),
    template: jsonb().$type<StoredModelTemplate>().notNull(),
    /** When the row was added: seeded, or saved by a facilitator. */
    seededAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** 'seed': shipped in db/seed; 'saved': a facilitator saved a session's model as a template. */
    origin: text().$type<ModelOrigin>().notNull().default('seed'),
    /** The session a saved template was taken from; null for seed models, and once that session is deleted. */
    sourceSessionId: uuid().references(() => sessions.id, { onDelete: 'set null' }),
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
