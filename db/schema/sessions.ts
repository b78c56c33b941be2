import { relations } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MethodSettings } from '../../core/contracts/method';
import type { ElementName } from '../../core/contracts/model-edits';
import type { StakeholderWeights } from '../../core/contracts/session';
import { alternatives } from './alternatives';
import { auditLog } from './audit-log';
import { criteria } from './criteria';
import { accessRole, sessionStatus } from './enums';
import { measures } from './measures';
import { participants } from './participants';
import { clusterProfiles } from './profiles';
import { results } from './results';

export const sessions = pgTable('sessions', {
  id: uuid().primaryKey().defaultRandom(),
  title: text().notNull(),
  region: text().notNull().default(''),
  cluster: text().notNull().default(''),
  question: text().notNull().default(''),
  locale: text().notNull().default('en'),
  status: sessionStatus().notNull().default('draft'),
  goal: jsonb().$type<ElementName>().notNull(),
  /** The seeded model and catalogue the session was built from; its own copy may have been edited since. */
  modelKey: text().notNull(),
  modelVersion: integer().notNull(),
  catalogueVersion: integer(),
  methodSettings: jsonb().$type<MethodSettings>().notNull(),
  alternativeScoring: text().$type<'pairwise' | 'ratings'>().notNull().default('pairwise'),
  participantResults: text().$type<'none' | 'own' | 'own-and-group'>().notNull().default('own'),
  /** Anonymous mode: 'hidden' puts "Participant N" for every name the facilitator's screens and exports show. */
  participantNames: text().$type<'shown' | 'hidden'>().notNull().default('shown'),
  maxParticipants: integer().notNull(),
  stakeholderWeights: jsonb().$type<StakeholderWeights>().notNull().default({}),
  maxCr: doublePrecision(),
  /** Numbers participant keys (p1, p2, ...) so a key is never reused after a participant is removed. */
  participantSeq: integer().notNull().default(0),
  /** Optimistic concurrency: every change to the model or the settings increments it. */
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp({ withTimezone: true }),
});

/** Link tokens, stored only as SHA-256 hashes: a leaked database does not open any session. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    role: accessRole().notNull(),
    participantId: uuid().references(() => participants.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index().on(table.sessionId)],
);

export const sessionsRelations = relations(sessions, ({ many, one }) => ({
  criteria: many(criteria),
  alternatives: many(alternatives),
  measures: many(measures),
  participants: many(participants),
  accessTokens: many(accessTokens),
  results: many(results),
  auditLog: many(auditLog),
  profile: one(clusterProfiles),
}));

export const accessTokensRelations = relations(accessTokens, ({ one }) => ({
  session: one(sessions, { fields: [accessTokens.sessionId], references: [sessions.id] }),
  participant: one(participants, { fields: [accessTokens.participantId], references: [participants.id] }),
}));

export type SessionRow = typeof sessions.$inferSelect;
