import { relations } from 'drizzle-orm';
import { boolean, doublePrecision, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { stakeholderGroup } from './enums';
import { judgments, ratings } from './judgments';
import { sessions } from './sessions';

export const participants = pgTable(
  'participants',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /**
     * Short id inside the session (p1, p2, ...): the participant's id in the problem handed to the engine, so
     * stored results and exports stay valid when a session is imported under new row ids.
     */
    key: text().notNull(),
    displayName: text().notNull(),
    stakeholderGroup: stakeholderGroup().notNull(),
    weight: doublePrecision().notNull().default(1),
    /** False: the facilitator left them out of the group result; their answers are kept and still shown. */
    isIncluded: boolean().notNull().default(true),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAnswerAt: timestamp({ withTimezone: true }),
  },
  (table) => [unique().on(table.sessionId, table.key)],
);

export const participantsRelations = relations(participants, ({ one, many }) => ({
  session: one(sessions, { fields: [participants.sessionId], references: [sessions.id] }),
  judgments: many(judgments),
  ratings: many(ratings),
}));

export type ParticipantRow = typeof participants.$inferSelect;
