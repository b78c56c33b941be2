import 'server-only';
import { type Db, type DbHandle, createDb } from '~/db/client';
import { env } from './env.js';

declare global {
  // One per process, shared by every bundle Next loads this module in (a `var`, as only those join globalThis).
  var clusterwiseDb: DbHandle | undefined;
}

/**
 * The app's database, opened on first use (not at import, so `next build` never opens it). Cached on
 * globalThis in every mode, not only in development: Next may load this module in more than one bundle of the
 * same process, and a PGlite folder must be opened only once per process.
 */
export function getDb(): Db {
  globalThis.clusterwiseDb ??= createDb(env.DATABASE_URL);
  return globalThis.clusterwiseDb.db;
}
