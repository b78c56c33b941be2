import { fileURLToPath, pathToFileURL } from 'node:url';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { env } from '../server/env.js';
import { type DbHandle, openDbOrExit } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Any constant works; it only has to be the same for every app instance sharing the database. */
const MIGRATION_LOCK_ID = 727_001;

/**
 * Applies db/migrations with the migrator of the handle's engine. On PostgreSQL several app instances may
 * start together, so the migration runs under an advisory lock and the later ones find nothing left to do.
 */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.engine === 'pglite') {
    await migratePglite(handle.pglite, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const lockHolder = await handle.pool.connect();
  try {
    await lockHolder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migrateNodePostgres(handle.nodePostgres, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockHolder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    lockHolder.release();
  }
}

export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl === pathToFileURL(entry).href;
}

if (isMainModule(import.meta.url)) {
  const handle = openDbOrExit(env.DATABASE_URL);
  await migrateDb(handle);
  await handle.close();
  console.log(`migrations applied (${handle.engine}${handle.engine === 'pglite' ? `: ${handle.dataDir}` : ''})`);
}
