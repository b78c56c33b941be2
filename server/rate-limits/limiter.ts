/**
 * A rate limiter counts calls per key in windows: the first counted call under a key opens a window of
 * `windowMs`, and at most `limit` calls are counted in it; the next call after it ends opens a new one. Every
 * call is counted before the work it stands for is done, in one atomic step, so a burst of simultaneous calls
 * cannot all pass a check that each of them makes before any of them is counted.
 */
export type RateLimitVerdict =
  | {
      isAllowed: true;
      /** Gives the call back: it does not count after all (a look-up that found a right room code). */
      undo(): Promise<void>;
    }
  | {
      isAllowed: false;
      retryAfterMs: number;
      /** The first refusal in this window: the one worth a line in the log. */
      isFirstRefusal: boolean;
    };

export type RateLimiter = {
  /** Where the counters are: `process` (this process only) or `postgres` (shared by every app instance). */
  store: 'process' | 'postgres';
  /** Counts a call under `key` when it fits the limit; a refused call is not counted and says how long to wait. */
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitVerdict>;
};

/** Expired windows are swept after this many calls, so the keys of callers gone idle do not pile up. */
const SWEEP_EVERY = 10_000;

/**
 * Counters in this process's memory: for PGlite, where this process is the only one on the database; a
 * JavaScript call runs to its end before the next starts, so counting is atomic. `now` is injectable for tests.
 */
export function createInProcessRateLimiter({ now = Date.now }: { now?: () => number } = {}): RateLimiter {
  const windows = new Map<string, { endsAt: number; hits: number; refusals: number }>();
  let sinceSweep = 0;
  return {
    store: 'process',
    async hit(key, limit, windowMs) {
      const at = now();
      if (++sinceSweep >= SWEEP_EVERY) {
        sinceSweep = 0;
        for (const [staleKey, stale] of windows) if (stale.endsAt <= at) windows.delete(staleKey);
      }
      let window = windows.get(key);
      if (!window || window.endsAt <= at) windows.set(key, (window = { endsAt: at + windowMs, hits: 0, refusals: 0 }));
      if (window.hits >= limit) {
        window.refusals += 1;
        return { isAllowed: false, retryAfterMs: Math.max(1, window.endsAt - at), isFirstRefusal: window.refusals === 1 };
      }
      window.hits += 1;
      const counted = window;
      return {
        isAllowed: true,
        async undo() {
          if (windows.get(key) === counted && counted.hits > 0) counted.hits -= 1;
        },
      };
    },
  };
}
