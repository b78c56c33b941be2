import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbHandle } from '~/db/client';
import { rateLimitWindows } from '~/db/schema';
import type { RateLimiter } from './limiter';

/** Every this many calls one also deletes windows that ended a while ago (idle callers' keys). */
const SWEEP_EVERY = 1_000;

/**
 * Counters in PostgreSQL (the UNLOGGED table rate_limit_windows), so every app instance on the database counts
 * in the same window: one `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` per call, which PostgreSQL runs
 * atomically under the key's row lock, with the database's clock for every instance. A refused call leaves
 * `hits` past the limit, which marks the window full without counting it: limit + 1 after the window's first
 * refusal, limit + 2 after any later one.
 */
export function createPostgresRateLimiter(handle: Extract<DbHandle, { engine: 'postgres' }>): RateLimiter {
  const db = handle.db;
  let sinceSweep = 0;
  return {
    store: 'postgres',
    async hit(key, limit, windowMs) {
      const windowLength = sql`${windowMs}::double precision * interval '1 millisecond'`;
      // `excluded.window_ends_at` is now + the window, so a window that ended by now ends before it - the window.
      const hasEnded = sql`w.window_ends_at <= excluded.window_ends_at - ${windowLength}`;
      const result = await handle.nodePostgres.execute<{ hits: number; ends_at: string; remaining_ms: number }>(sql`
        with clock as (select clock_timestamp() as at)
        insert into rate_limit_windows as w (key, hits, window_ends_at)
        select ${key}, 1, at + ${windowLength} from clock
        on conflict (key) do update set
          hits = case when ${hasEnded} then 1 when w.hits >= ${limit} then least(w.hits + 1, ${limit} + 2) else w.hits + 1 end,
          window_ends_at = case when ${hasEnded} then excluded.window_ends_at else w.window_ends_at end
        returning hits, window_ends_at::text as ends_at,
          ceil(extract(epoch from (window_ends_at - (select at from clock))) * 1000)::double precision as remaining_ms`);
      const row = result.rows[0]!;
      if (++sinceSweep >= SWEEP_EVERY) {
        sinceSweep = 0;
        void db
          .delete(rateLimitWindows)
          .where(lt(rateLimitWindows.windowEndsAt, sql`clock_timestamp() - interval '1 hour'`))
          .catch(() => undefined);
      }
      if (row.hits > limit) return { isAllowed: false, retryAfterMs: Math.max(1, Number(row.remaining_ms)), isFirstRefusal: row.hits === limit + 1 };
      return {
        isAllowed: true,
        async undo() {
          // Only in the window the call was counted in; least() drops the full-window mark with the call.
          await db
            .update(rateLimitWindows)
            .set({ hits: sql`greatest(least(${rateLimitWindows.hits}, ${limit}) - 1, 0)` })
            .where(and(eq(rateLimitWindows.key, key), eq(rateLimitWindows.windowEndsAt, sql`${row.ends_at}::timestamptz`)));
        },
      };
    },
  };
}
