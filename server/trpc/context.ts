import 'server-only';
import type { Db } from '~/db/client';

export type InnerContext = {
  db: Db;
  /** The link token the caller sent, or null. */
  token: string | null;
};

/** The part of the context tests build directly: a database and, optionally, the token of the caller. */
export function createInnerContext({ db, token = null }: { db: Db; token?: string | null }): InnerContext {
  return { db, token };
}

/** Reads `authorization: Bearer <token>`; anything else counts as no token. */
export function readBearerToken(headers: Headers): string | null {
  const value = headers.get('authorization');
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

/** Built the same way by the route handler and the RSC proxy: headers in, inner context out. */
export function createTRPCContext({ headers, db }: { headers: Headers; db: Db }): InnerContext {
  return createInnerContext({ db, token: readBearerToken(headers) });
}
