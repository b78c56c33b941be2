import { relations } from 'drizzle-orm';
import { index, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { participants } from './participants';
import { sessions } from './sessions';

/**
 * Every pairwise judgment as the participant gave it: the order of `a` and `b` and the signed scale position
 * are kept as entered. `pairKey` is the unordered pair, so a retry or a re-answer in the other order
 * replaces the row instead of adding one. `round` is the workshop round the answer belongs to (1 unless the
 * facilitator opened later rounds): a closed round's answers are frozen, and the answer that counts for a pair is
 * the one of the latest round that has it.
 */
export const judgments = pgTable(
  'judgments',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    participantId: uuid()
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    nodeKey: text().notNull(),
    aKey: text().notNull(),
    bKey: text().notNull(),
    pairKey: text().notNull(),
    position: smallint().notNull(),
    round: integer().notNull().default(1),
    answeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.participantId, table.round, table.nodeKey, table.pairKey), index().on(table.sessionId)],
);

/** Ratings of a strategy against a leaf criterion, stored as the intensity key the participant chose. */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    participantId: uuid()
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    criterionKey: text().notNull(),
    alternativeKey: text().notNull(),
    intensity: text().notNull(),
    round: integer().notNull().default(1),
    answeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique().on(table.participantId, table.round, table.criterionKey, table.alternativeKey),
    index().on(table.sessionId),
  ],
);

/**
 * A participant's reason for a pairwise judgment, one per (participant, node, unordered pair). Apart from the
 * judgment row on purpose: a reason outlives a changed answer, a withdrawn answer and a new workshop round, and
 * is cleared only by its author (an empty text deletes the row). `aKey`/`bKey` keep the order of the last save,
 * for display. Plain text, already stripped of control characters (core/contracts/judgments.ts).
 */
export const judgmentComments = pgTable(
  'judgment_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    participantId: uuid()
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    nodeKey: text().notNull(),
    aKey: text().notNull(),
    bKey: text().notNull(),
    pairKey: text().notNull(),
    text: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique().on(table.participantId, table.nodeKey, table.pairKey), index().on(table.sessionId)],
);

export const judgmentsRelations = relations(judgments, ({ one }) => ({
  session: one(sessions, { fields: [judgments.sessionId], references: [sessions.id] }),
  participant: one(participants, { fields: [judgments.participantId], references: [participants.id] }),
}));

export const ratingsRelations = relations(ratings, ({ one }) => ({
  session: one(sessions, { fields: [ratings.sessionId], references: [sessions.id] }),
  participant: one(participants, { fields: [ratings.participantId], references: [participants.id] }),
}));

export type JudgmentRow = typeof judgments.$inferSelect;
export type JudgmentCommentRow = typeof judgmentComments.$inferSelect;
export type RatingRow = typeof ratings.$inferSelect;
