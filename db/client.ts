import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { type NodePgDatabase, drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { type PgliteDatabase, drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { MEMORY_URL, PgliteFolderError, isPostgresUrl, lockPgliteFolder, pgliteFolderOf } from './pglite-folder.js';
import * as schema from './schema';

export { DEFAULT_DATA_DIR, MEMORY_URL, PgliteFolderError, isPostgresUrl, pgliteFolderOf } from './pglite-folder.js';

export type Schema = typeof schema;

/** The one database type services see, whichever engine is underneath; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbEngine = 'pglite' | 'postgres';

type HandleLifecycle = {
  /** Runs `hook` before the database closes (the workshop event bus closes its LISTEN connection this way). */
  onClose(hook: () => Promise<void>): void;
  close(): Promise<void>;
};

/** The typed client per engine travels along so db/migrate.ts can pick the matching migrator. */
export type DbHandle =
  | ({
      engine: 'pglite';
      db: Db;
      pglite: PgliteDatabase<Schema>;
      /** The PGlite instance itself, for what drizzle does not cover (a dump of the data folder). */
      client: PGlite;
      /** The PGlite folder, or null in memory. */
      dataDir: string | null;
    } & HandleLifecycle)
  | ({
      engine: 'postgres';
      db: Db;
      nodePostgres: NodePgDatabase<Schema>;
      pool: pg.Pool;
      /** For connections outside the pool, such as the one that LISTENs for workshop events. */
      url: string;
    } & HandleLifecycle);

/**
 * On globalThis, not in this module: Next may load this module in more than one bundle of one process, and
 * every copy must find the handle of the one database object server/db.ts caches there.
 */
declare global {
  var clusterwiseDbHandles: WeakMap<Db, DbHandle> | undefined;
}
const handlesByDb = (globalThis.clusterwiseDbHandles ??= new WeakMap<Db, DbHandle>());

/** The handle a `Db` came from, so code that only holds the `Db` can tell the engine and reach its connections. */
export function handleOf(db: Db): DbHandle | undefined {
  return handlesByDb.get(db);
}

function lifecycle(closeClient: () => Promise<void>): HandleLifecycle {
  const hooks: Array<() => Promise<void>> = [];
  return {
    onClose: (hook) => void hooks.push(hook),
    async close() {
      for (const hook of hooks.splice(0)) await hook().catch(() => undefined);
      await closeClient();
    },
  };
}

function register<H extends DbHandle>(handle: H): H {
  handlesByDb.set(handle.db, handle);
  return handle;
}

/**
 * Opens the database `url` names: a PostgreSQL URL gets a node-postgres pool; `memory://` an in-memory
 * PGlite; anything else (or nothing) a PGlite folder, created if missing because PGlite does not create
 * parent folders. A PGlite folder is opened by one process at a time: its lock (db/pglite-folder.js) is taken
 * first, and a PgliteFolderError names the process holding it, or says the folder cannot be written.
 * `loadDataDir`: an in-memory PGlite starts from this dump of another one (`dumpDataDir()`), skipping initdb (the
 * test suites load one migrated and seeded database per file this way).
 */
export function createDb(url?: string, { loadDataDir }: { loadDataDir?: Blob } = {}): DbHandle {
  if (url !== undefined && isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection can fail (server restart, admin termination); the pool drops it and connects anew on
    // the next query. Without a listener that 'error' event would crash the process.
    pool.on('error', (error) => console.warn(`an idle PostgreSQL connection failed and was dropped: ${error.message}`));
    const db = drizzleNodePostgres({ client: pool, schema, casing: 'snake_case' });
    return register({ engine: 'postgres', db, nodePostgres: db, pool, url, ...lifecycle(() => pool.end()) });
  }
  if (url === MEMORY_URL) {
    const client = new PGlite(loadDataDir ? { loadDataDir } : undefined);
    const db = drizzlePglite({ client, schema, casing: 'snake_case' });
    return register({ engine: 'pglite', db, pglite: db, client, dataDir: null, ...lifecycle(() => client.close()) });
  }
  const dataDir = pgliteFolderOf(url)!;
  const lock = lockPgliteFolder(dataDir);
  let client: PGlite;
  try {
    client = new PGlite(dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, casing: 'snake_case' });
  return register({
    engine: 'pglite',
    db,
    pglite: db,
    client,
    dataDir,
    ...lifecycle(async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    }),
  });
}

/**
 * createDb for command-line scripts (db/setup.ts, db/migrate.ts): a folder held by another process or not
 * writable is the user's to fix, so its message is printed without a stack trace and the script exits 1.
 */
export function openDbOrExit(url: string | undefined): DbHandle {
  try {
    return createDb(url);
  } catch (error) {
    if (!(error instanceof PgliteFolderError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
