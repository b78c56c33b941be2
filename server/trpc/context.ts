import 'server-only';
import type { Db } from '~/db/client';
import { env } from '~/server/env.js';
import { type EventBus, eventBusFor } from '~/server/events';
import { type RateLimiter, processRateLimiter } from './middleware/rate-limit';

export type InnerContext = {
  db: Db;
  /** The link token the caller sent, or null. */
  token: string | null;
  /** Where live views are told about changes: the bus of `db` (LISTEN/NOTIFY on PostgreSQL, in-process on PGlite). */
  events: EventBus;
  /** The caller's network address as the server sees it, or null (server-side callers, tests). */
  clientAddress: string | null;
  /**
   * The limiter the rateLimit middleware counts calls in; null turns limits off. HTTP requests get the process's
   * limiter (createTRPCContext); server-side callers and tests get none unless they pass one.
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

/**
 * The caller's address: the last hop of X-Forwarded-For, which is what the nearest proxy saw (Next's own server
 * sets the header to the socket's address when no proxy did). Behind a proxy that only passes the header on
 * unchanged, a client could choose its own key, so run the app behind one that sets or appends it.
 */
export function readClientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || headers.get('x-real-ip')?.trim() || null;
}

/** Built the same way by the route handler and the RSC proxy: headers in, inner context out, limits on (RATE_LIMITS). */
export function createTRPCContext({ headers, db }: { headers: Headers; db: Db }): InnerContext {
  return createInnerContext({
    db,
    token: readBearerToken(headers),
    clientAddress: readClientAddress(headers),
    rateLimiter: env.RATE_LIMITS === 'off' ? null : processRateLimiter(),
  });
}
