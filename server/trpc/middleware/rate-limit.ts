import 'server-only';
import { experimental_standaloneMiddleware } from '@trpc/server';
import { RoomCode } from '~/core/contracts/workshop';
import { addressGroupOf } from '~/server/client-address.js';
import { AppError } from '~/server/errors';
import type { SessionAccess } from '~/server/services/context';
import type { RateLimitVerdict } from '~/server/rate-limits';
import type { InnerContext } from '../context';

type LimitedContext = InnerContext & { access?: SessionAccess };

export type RateLimitOptions = {
  limit: number;
  windowMs: number;
  /**
   * Whose calls are counted together: `participant` (their own link; answers) or `address` (the caller's network
   * address, an IPv6 one by its /64; joining, where nobody has a link of their own yet). A room on one venue
   * Wi-Fi shares an address, so address limits must leave room for everyone joining at once.
   */
  by?: 'participant' | 'address';
  /** Plural noun for the message: "Too many answers in a short time; wait 4 seconds." */
  what?: string;
};

function addressKey(ctx: InnerContext): string {
  return `address:${ctx.clientAddress ? addressGroupOf(ctx.clientAddress) : 'unknown'}`;
}

/**
 * One line in the log per full window (its first refusal), not one per refused call: a flood must not flood the
 * log too. The key names the bucket and the caller (address or participant id).
 */
function logRefusal(key: string, verdict: Extract<RateLimitVerdict, { isAllowed: false }>, limit: number, windowMs: number) {
  if (!verdict.isFirstRefusal) return;
  console.warn(
    `rate limit reached: ${key} (${limit} in ${windowMs / 1000} s); refusing for ${Math.ceil(verdict.retryAfterMs / 1000)} s, further refusals in this window not logged`,
  );
}

function rateLimited(what: string, retryAfterMs: number): AppError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return new AppError('RATE_LIMITED', `Too many ${what} in a short time; wait ${seconds} second${seconds === 1 ? '' : 's'}.`, {
    retryAfterMs,
  });
}

/**
 * Middleware factory: `participantProcedure.use(rateLimit('judgment', { limit: 30, windowMs: 10_000 }))`. Calls of
 * every procedure using the same bucket name share one budget. The call is counted before the procedure runs;
 * refusals are RATE_LIMITED with the wait in the message and in `data.appError.retryAfterSeconds`, and are not
 * counted. The counters are the context's limiter: PostgreSQL's when the app runs on it, so they hold across
 * app instances (server/rate-limits).
 */
export function rateLimit(bucket: string, { limit, windowMs, by = 'participant', what = 'requests' }: RateLimitOptions) {
  return experimental_standaloneMiddleware<{ ctx: LimitedContext }>().create(async function rateLimit({ ctx, next }) {
    if (!ctx.rateLimiter) return next();
    const who = by === 'participant' && ctx.access?.role === 'participant' ? `participant:${ctx.access.participantId}` : addressKey(ctx);
    const key = `${bucket}/${who}`;
    const verdict = await ctx.rateLimiter.hit(key, limit, windowMs);
    if (!verdict.isAllowed) {
      logRefusal(key, verdict, limit, windowMs);
      throw rateLimited(what, verdict.retryAfterMs);
    }
    return next();
  });
}

/** Wrong room codes per caller address a minute. */
export const WRONG_ROOM_CODES_PER_ADDRESS = 20;
/** Wrong room codes a minute that start with the same two characters, from all addresses together. */
export const WRONG_ROOM_CODES_PER_PREFIX = 60;
const ROOM_CODE_PREFIX_LENGTH = 2;
const WRONG_ROOM_CODE_WINDOW_MS = 60_000;

/**
 * Wrong room codes, limited per caller address and per code prefix (the first two characters, across every
 * address, against guessing spread over many addresses). Only wrong codes count, and only wrong codes are
 * refused: a look-up that finds its room counts nowhere here, and past a limit a wrong code gets RATE_LIMITED
 * instead of NOT_FOUND while a right code still gets in. So one mistyping phone never locks out the venue it
 * shares an address with, and a room of 300 opening its phones costs no counter writes here (on PostgreSQL
 * each is a write to one row every phone of the venue shares). A miss is counted once the look-up said so, not
 * before: a refusal tells a guesser that the code was wrong either way (a right code is never refused), so what
 * bounds a guesser is the procedures' own per-address limits, counted before they run (room look-ups 1,000 a
 * minute): with about a billion codes and a handful of rooms open, months of guessing per room found, from one
 * address (an IPv6 /64 counts as one).
 */
export const wrongRoomCodeLimit = experimental_standaloneMiddleware<{ ctx: LimitedContext }>().create(async function wrongRoomCodeLimit({
  ctx,
  next,
  getRawInput,
}) {
  const raw = await getRawInput();
  const code = RoomCode.safeParse(typeof raw === 'object' && raw !== null ? (raw as { roomCode?: unknown }).roomCode : undefined);
  // A code of the wrong shape is refused by the input contract and looks nothing up.
  if (!ctx.rateLimiter || !code.success) return next();
  const limiter = ctx.rateLimiter;
  const result = await next();
  const cause = result.ok ? null : result.error.cause;
  if (!(cause instanceof AppError && cause.code === 'NOT_FOUND')) return result;
  const buckets = [
    { key: `room-code-miss/${addressKey(ctx)}`, limit: WRONG_ROOM_CODES_PER_ADDRESS },
    { key: `room-code-miss/prefix:${code.data.slice(0, ROOM_CODE_PREFIX_LENGTH)}`, limit: WRONG_ROOM_CODES_PER_PREFIX },
  ];
  const verdicts = await Promise.all(buckets.map(({ key, limit }) => limiter.hit(key, limit, WRONG_ROOM_CODE_WINDOW_MS)));
  let refusal: Extract<RateLimitVerdict, { isAllowed: false }> | undefined;
  for (const [n, verdict] of verdicts.entries()) {
    if (verdict.isAllowed) continue;
    logRefusal(buckets[n]!.key, verdict, buckets[n]!.limit, WRONG_ROOM_CODE_WINDOW_MS);
    refusal ??= verdict;
  }
  if (refusal) throw rateLimited('wrong room codes', refusal.retryAfterMs);
  return result;
});

/**
 * Joins per caller address a minute: the venue allowance. A room of 300 on one venue Wi-Fi (one address behind
 * its NAT) joins within seconds, and late comers, second devices and retries come on top, so the budget is wide;
 * it still stops a script from creating participants at speed (and maxParticipants caps each session). The
 * address is the socket's (server.mjs replaces any X-Forwarded-For the client sent), so a burst cannot be
 * spread over made-up addresses.
 */
export const JOINS_PER_ADDRESS = 500;

/** Joining (participant.join and workshop.joinByCode share it), per caller address. */
export const joinRateLimit = rateLimit('join', { limit: JOINS_PER_ADDRESS, windowMs: 60_000, by: 'address', what: 'join attempts' });

/**
 * New sessions per address: session.create and session.duplicate share it (anyone may create a session and so
 * hold a facilitator's link to duplicate). A class of 30 on one school address, each starting a questionnaire,
 * fits; a script filling the database does not.
 */
export const sessionCreationRateLimit = rateLimit('session-create', { limit: 60, windowMs: 10 * 60_000, by: 'address', what: 'new sessions' });

/** Imports per address: each can write thousands of rows. */
export const importRateLimit = rateLimit('session-import', { limit: 20, windowMs: 10 * 60_000, by: 'address', what: 'imports' });

/** Saved model templates per address (a facilitator's link is enough to save one, and anyone can get one). */
export const templateSaveRateLimit = rateLimit('template-save', { limit: 30, windowMs: 10 * 60_000, by: 'address', what: 'saved templates' });
