import 'server-only';
import { type Db, handleOf } from '~/db/client';
import { type RateLimiter, createInProcessRateLimiter } from './limiter';
import { createPostgresRateLimiter } from './postgres-limiter';

export type { RateLimiter, RateLimitVerdict } from './limiter';
export { createInProcessRateLimiter } from './limiter';
export { createPostgresRateLimiter } from './postgres-limiter';

/** On globalThis like the database itself: Next may load this module in several bundles of one process. */
declare global {
  var clusterwiseRateLimiters: WeakMap<Db, RateLimiter> | undefined;
}
const limiters = (globalThis.clusterwiseRateLimiters ??= new WeakMap<Db, RateLimiter>());

/**
 * The limiter HTTP requests on `db` count in: in PostgreSQL when `db` is PostgreSQL, so that N app instances
 * enforce one limit, not N; in this process on PGlite, where no other process can open the database.
 */
export function rateLimiterFor(db: Db): RateLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    const handle = handleOf(db);
    limiter = handle?.engine === 'postgres' ? createPostgresRateLimiter(handle) : createInProcessRateLimiter();
    limiters.set(db, limiter);
  }
  return limiter;
}
