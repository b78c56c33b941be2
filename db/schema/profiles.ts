import { relations } from 'drizzle-orm';
import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sessions } from './sessions';

/** The cluster profile assessed for a session, against the profile definition version it names. */
export const clusterProfiles = pgTable('cluster_profiles', {
  sessionId: uuid()
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  definitionVersion: integer().notNull(),
  ratings: jsonb().$type<Record<string, number>>().notNull(),
  regionalPriorities: jsonb().$type<Record<string, number>>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const clusterProfilesRelations = relations(clusterProfiles, ({ one }) => ({
  session: one(sessions, { fields: [clusterProfiles.sessionId], references: [sessions.id] }),
}));

export type ClusterProfileRow = typeof clusterProfiles.$inferSelect;
