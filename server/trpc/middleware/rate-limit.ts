import 'server-only';
import { experimental_standaloneMiddleware } from '@trpc/server';
import { AppError } from '~/server/errors';
import type { SessionAccess } from '~/server/services/context';
import type { InnerContext } from '../context';

/** Counts calls per key in a sliding window: at most `limit` calls in any `windowMs`. */
export type RateLimitVerdict = { isAllowed: true } | { isAllowed: false; retryAfterMs: number };

export type RateLimiter = {
  /** Counts a call under `key` when it fits the limit; otherwise counts nothing and says how long to wait. */
  hit(key: string, limit: number, windowMs: number): RateLimitVerdict;
  /** Whether a call under `key` would fit now, counting nothing. */
  check(key: string, limit: number, windowMs: number): RateLimitVerdict;
};

/** Keys of one bucket are swept for stale entries after this many calls, so idle keys do not pile up. */
const SWEEP_EVERY = 10_000;

/**
 * An in-memory sliding-window log per key. Per process on purpose: no shared store to reach on every answer. With
 * several app instances behind a load balancer the limits therefore hold per instance, so a client spread over
 * N instances can make up to N times as many calls. That still stops one phone or script from flooding the
 * room; a shared limit would need a store such as a PostgreSQL table or Redis. `now` is injectable for tests.
 */
export function createRateLimiter({ now = Date.now }: { now?: () => number } = {}): RateLimiter {
  const calls = new Map<string, { times: number[]; windowMs: number }>();
  let sinceSweep = 0;
  const sweep = (at: number) => {
    for (const [key, entry] of calls) {
      if (entry.times.length === 0 || entry.times.at(-1)! <= at - entry.windowMs) calls.delete(key);
    }
  };
  const verdict = (key: string, limit: number, windowMs: number, isCounted: boolean): RateLimitVerdict => {
    const at = now();
    if (++sinceSweep >= SWEEP_EVERY) {
      sinceSweep = 0;
      sweep(at);
    }
    let entry = calls.get(key);
    if (!entry) calls.set(key, (entry = { times: [], windowMs }));
    const times = entry.times;
    let expired = 0;
    while (expired < times.length && times[expired]! <= at - windowMs) expired += 1;
    if (expired > 0) times.splice(0, expired);
    if (times.length >= limit) return { isAllowed: false, retryAfterMs: Math.max(1, times[0]! + windowMs - at) };
    if (isCounted) times.push(at);
    return { isAllowed: true };
  };
  return {
    hit: (key, limit, windowMs) => verdict(key, limit, windowMs, true),
    check: (key, limit, windowMs) => verdict(key, limit, windowMs, false),
  };
}

declare global {
  var clusterwiseRateLimiter: RateLimiter | undefined;
}

/** The limiter every HTTP request of this process counts in (kept on globalThis, like the database). */
export function processRateLimiter(): RateLimiter {
  globalThis.clusterwiseRateLimiter ??= createRateLimiter();
  return globalThis.clusterwiseRateLimiter;
}

export type RateLimitOptions = {
  limit: number;
  windowMs: number;
  /**
   * Whose calls are counted together: `participant` (their own link; answers) or `address` (the caller's network
   * address; joining, where nobody has a link of their own yet). A room on one venue Wi-Fi shares an address,
   * so address limits must leave room for everyone joining at once.
   */
  by?: 'participant' | 'address';
  /** Plural noun for the message: "Too many answers in a short time; wait 4 seconds." */
  what?: string;
  /**
   * `every-call` (default), or `not-found`: only calls refused with NOT_FOUND count (wrong room codes), so a
   * tight limit stops guessing without slowing the people who typed a right code.
   */
  counts?: 'every-call' | 'not-found';
};

/**
 * Middleware factory: `participantProcedure.use(rateLimit('judgment', { limit: 30, windowMs: 10_000 }))`. Calls of
 * every procedure using the same bucket name share one budget. Refusals are RATE_LIMITED with the wait in the
 * message and in `data.appError.retryAfterSeconds`; a refused call is not counted.
 */
export function rateLimit(
  bucket: string,
  { limit, windowMs, by = 'participant', what = 'requests', counts = 'every-call' }: RateLimitOptions,
) {
  return experimental_standaloneMiddleware<{ ctx: InnerContext & { access?: SessionAccess } }>().create(
    async function rateLimit({ ctx, next }) {
      if (!ctx.rateLimiter) return next();
      const who =
        by === 'participant' && ctx.access?.role === 'participant'
          ? `participant:${ctx.access.participantId}`
          : `address:${ctx.clientAddress ?? 'unknown'}`;
      const key = `${bucket}/${who}`;
      const verdict = counts === 'every-call' ? ctx.rateLimiter.hit(key, limit, windowMs) : ctx.rateLimiter.check(key, limit, windowMs);
      if (!verdict.isAllowed) {
        const seconds = Math.ceil(verdict.retryAfterMs / 1000);
        throw new AppError(
          'RATE_LIMITED',
          `Too many ${what} in a short time; wait ${seconds} second${seconds === 1 ? '' : 's'}.`,
          { retryAfterMs: verdict.retryAfterMs },
        );
      }
      const result = await next();
      if (counts === 'not-found' && !result.ok) {
        const cause = result.error.cause;
        if (cause instanceof AppError && cause.code === 'NOT_FOUND') ctx.rateLimiter.hit(key, limit, windowMs);
      }
      return result;
    },
  );
}

/**
 * Joining (participant.join and workshop.joinByCode share it), per caller address. A room of 200 on one venue
 * Wi-Fi shares one address and joins within a minute or two, so the budget is wide; it still stops a script
 * from creating participants at speed (and maxParticipants caps each session).
 */
export const joinRateLimit = rateLimit('join', { limit: 300, windowMs: 60_000, by: 'address', what: 'join attempts' });

/**
 * Wrong room codes, per caller address: a person mistyping a code a few times is fine, a script trying codes
 * is stopped after 20 a minute (with about a billion codes, finding an open session's this way takes years).
 */
export const roomCodeMissLimit = rateLimit('room-code-miss', {
  limit: 20,
  windowMs: 60_000,
  by: 'address',
  what: 'wrong room codes',
  counts: 'not-found',
});
