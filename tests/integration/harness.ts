import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createScratchPostgres } from '~/bench/support/scratch-postgres';
import { type Db, type DbHandle, MEMORY_URL, createDb } from '~/db/client';
import { env } from '~/server/env.js';
import { createInnerContext } from '~/server/trpc/context';
import { createCaller } from '~/server/trpc/root';

export type EngineName = 'pglite' | 'postgresql';

/** A migrated and seeded database of its own for one test file, and its URL for child processes. */
export type TestDatabase = { engine: EngineName; url: string; handle: DbHandle; close(): Promise<void> };

/**
 * Opens a copy of the database the global set-up migrated and seeded (tests/integration/global-setup.ts), so a
 * suite starts from the same state without paying for initdb, migrations and seeding again.
 */
export async function openTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = createDb(MEMORY_URL, { loadDataDir: await pgliteSnapshot() });
    return { engine, url: MEMORY_URL, handle, close: () => handle.close() };
  }
  const template = inject('postgresTemplate');
  if (!env.TEST_DATABASE_URL || !template) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchPostgres(env.TEST_DATABASE_URL, { template });
  const handle = createDb(scratch.url);
  return {
    engine,
    url: scratch.url,
    handle,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}

let snapshot: Promise<Blob> | undefined;
function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= readFile(inject('pgliteSnapshotPath')).then((bytes) => new Blob([bytes]));
  return snapshot;
}

export const hasPostgres = Boolean(env.TEST_DATABASE_URL);

/**
 * Defines the same suite on in-memory PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL; without it
 * the PostgreSQL copy shows up as skipped, with the reason in its name.
 */
export function describeOnEveryEngine(title: string, define: (database: () => TestDatabase) => void): void {
  for (const engine of ['pglite', 'postgresql'] as const) {
    if (engine === 'postgresql' && !hasPostgres) {
      describe.skip(`${title} [PostgreSQL: skipped, TEST_DATABASE_URL is not set]`, () => define(() => unreachable()));
      continue;
    }
    describe(`${title} [${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(engine);
      });
      afterAll(async () => {
        await database?.close();
      });
      define(() => database ?? unreachable());
    });
  }
}

function unreachable(): never {
  throw new Error('the test database is not open');
}

/** A tRPC caller as a browser holding `token` (or none) would be. */
export function callerFor(db: Db, token?: string | null) {
  return createCaller(createInnerContext({ db, token: token ?? null }));
}
