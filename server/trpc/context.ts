import 'server-only';
import type { Db } from '~/db/client';
import { env } from '~/server/env.js';
import { type EventBus, eventBusFor } from '~/server/events';
import { type RateLimiter, rateLimiterFor } from '~/server/rate-limits';

export type InnerContext = {
  db: Db;
  /** The link token the caller sent, or null. */
  token: string | null;
  /** Where live views are told about changes: the bus of `db` (LISTEN/NOTIFY on PostgreSQL, in-process on PGlite). */
  events: EventBus;
  /** The caller's network address as the server sees it, or null (server-side callers, tests). */
  clientAddress: string | null;
  /**
   * The limiter the rate-limit middleware counts calls in; null turns limits off. HTTP requests get the
   * database's (createTRPCContext: PostgreSQL's shared counters, or this process's on PGlite); server-side
   * callers and tests get none unless they pass one.
   */
  rateLimiter: RateLimiter | null;
};

/** The part of the context tests build directly: a database and, optionally, the token of the caller. */
export function createInnerContext({
  db,
  token = null,
  clientAddress = null,
  rateLimiter = null,
}: {
  db: Db;
  token?: string | null;
  clientAddress?: string | null;
  rateLimiter?: RateLimiter | null;
}): InnerContext {
  return { db, token, events: eventBusFor(db), clientAddress, rateLimiter };
}

/** Reads `authorization: Bearer <token>`; anything else counts as no token. */
export function readBearerToken(headers: Headers): string | null {
  const value = headers.get('authorization');
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

declare global {
  /** Set by server.mjs: it replaced every request's client-address headers by the address its socket gave. */
  var clusterwiseClientAddressFromSocket: boolean | undefined;
  var clusterwiseClientAddressWarned: boolean | undefined;
}

/**
 * The caller's address, from X-Forwarded-For. Under `npm start` (server.mjs) that header is the one address
 * worked out from the socket and TRUST_PROXY, whatever the client sent. Without server.mjs (`next dev`, a bare
 * `next start`) nothing stands between the client and the header: Next fills it from the socket only when the
 * client sent none, so a client could choose its own address and dodge the per-address limits. That is fine for
 * development; a production process served that way says so once in the log.
 */
export function readClientAddress(headers: Headers): string | null {
  if (!globalThis.clusterwiseClientAddressFromSocket && env.NODE_ENV === 'production' && !globalThis.clusterwiseClientAddressWarned) {
    globalThis.clusterwiseClientAddressWarned = true;
    console.warn(
      'Served without server.mjs (npm start): client addresses come from X-Forwarded-For as the client sent it, so per-address rate limits can be dodged. Start the app with `npm start` or `node server.mjs`.',
    );
  }
  return headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || null;
}

/** Built the same way by the route handler and the RSC proxy: headers in, inner context out, limits on (RATE_LIMITS). */
export function createTRPCContext({ headers, db }: { headers: Headers; db: Db }): InnerContext {
  return createInnerContext({
    db,
    token: readBearerToken(headers),
    clientAddress: readClientAddress(headers),
    rateLimiter: env.RATE_LIMITS === 'off' ? null : rateLimiterFor(db),
  });
}
