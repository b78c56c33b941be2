import { relations } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { LiveItem } from '../../core/contracts/workshop';
import { roundStatus, workshopMode } from './enums';
import { sessions } from './sessions';

/**
 * The live side of a session, one row per session, made on first use: the room code, the mode, the item the room
 * votes on, and the event sequence every live view follows.
 */
export const workshops = pgTable('workshops', {
  sessionId: uuid()
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  mode: workshopMode().notNull().default('async'),
  /**
   * The short code people type to join. Unique (PostgreSQL lets many rows hold null); set to null when the
   * session closes, so codes are unique among the sessions that can be joined and can be handed out again.
   */
  roomCode: text().unique(),
  /** What the room votes on in live mode; null before the facilitator starts. */
  currentItem: jsonb().$type<LiveItem>(),
  /** The projector shows the distribution of the current item's answers; voting on it is closed meanwhile. */
  isRevealed: boolean().notNull().default(false),
  /** The facilitator's countdown per question in seconds, or null for none: each question put to the room gets it. */
  countdownSeconds: integer(),
  /** When voting on the current question closes by the countdown; null while it has none. */
  votingEndsAt: timestamp({ withTimezone: true }),
  /**
   * Incremented in the transaction of every change a live view shows (a join, an answer, a facilitator step): the
   * id of the events a subscription yields, so a reconnecting client can tell whether it missed anything.
   */
  eventSeq: integer().notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Rounds of answers. A session with no rows is in round 1, open, on every node. Closing a round freezes its
 * answers and stores its group result (results.round); a later round asks only the nodes it lists again.
 */
export const workshopRounds = pgTable(
  'workshop_rounds',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    status: roundStatus().notNull().default('open'),
    /** null: every node (round 1); otherwise the comparison nodes asked again in this round. */
    nodeKeys: jsonb().$type<string[]>(),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    /** Why the group result could not be computed when the round closed, or null. */
    resultError: text(),
  },
  (table) => [unique().on(table.sessionId, table.number)],
);

export const workshopsRelations = relations(workshops, ({ one }) => ({
  session: one(sessions, { fields: [workshops.sessionId], references: [sessions.id] }),
}));

export const workshopRoundsRelations = relations(workshopRounds, ({ one }) => ({
  session: one(sessions, { fields: [workshopRounds.sessionId], references: [sessions.id] }),
}));

export type WorkshopRow = typeof workshops.$inferSelect;
export type WorkshopRoundRow = typeof workshopRounds.$inferSelect;
