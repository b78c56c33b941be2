import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createScratchPostgres } from '../../bench/support/scratch-postgres';
import { MEMORY_URL, createDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { seedReferenceData } from '../../db/seed';
import { env } from '../../server/env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of an in-memory PGlite, migrated and seeded (tests/integration/harness.ts loads one per suite). */
    pgliteSnapshotPath: string;
    /** A migrated and seeded PostgreSQL database the suites copy (`create database ... template`); null without TEST_DATABASE_URL. */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates and seeds once per run, not once per suite: PGlite's initdb alone takes about 2.5 s on this machine,
 * loading a dump about 0.5 s; on PostgreSQL copying a template skips the migrations.
 */
export default async function setUpDatabases(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), 'clusterwise-vitest-'));
  const memory = createDb(MEMORY_URL);
  await migrateDb(memory);
  await seedReferenceData(memory.db);
  if (memory.engine !== 'pglite') throw new Error('memory:// should open PGlite');
  const snapshot = await memory.client.dumpDataDir('none');
  await memory.close();
  const pgliteSnapshotPath = path.join(folder, 'migrated-and-seeded.tar');
  writeFileSync(pgliteSnapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('pgliteSnapshotPath', pgliteSnapshotPath);

  let template: Awaited<ReturnType<typeof createScratchPostgres>> | null = null;
  if (env.TEST_DATABASE_URL) {
    console.log('Integration suites run on PGlite (in memory) and on PostgreSQL (TEST_DATABASE_URL).');
    template = await createScratchPostgres(env.TEST_DATABASE_URL, { prefix: 'clusterwise_template' });
    const handle = createDb(template.url);
    await migrateDb(handle);
    await seedReferenceData(handle.db);
    await handle.close();
  } else {
    console.warn(
      '\n*** PostgreSQL integration suites SKIPPED: TEST_DATABASE_URL is not set. Only PGlite was tested. ***\n' +
        '    Set TEST_DATABASE_URL=postgres://user@host:5432/db (a role that may CREATE DATABASE) to run them.\n',
    );
  }
  project.provide('postgresTemplate', template?.name ?? null);

  return async () => {
    await template?.drop();
    rmSync(folder, { recursive: true, force: true });
  };
}
