import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The rate limits' counters when the app runs on PostgreSQL, shared by every app instance of the deployment
 * (server/rate-limits/postgres-limiter.ts); on PGlite they stay in the one process. A counted window per key:
 * `hits` calls counted since the window opened, until `windowEndsAt`. UNLOGGED (the migration says so; drizzle
 * cannot): counters need no crash safety, and an unlogged table skips the write-ahead log on every request.
 */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text().primaryKey(),
  hits: integer().notNull(),
  windowEndsAt: timestamp({ withTimezone: true }).notNull(),
});
