import { env } from '../server/env.js';
import { openDbOrExit } from './client';
import { migrateDb } from './migrate';
import { describeSeedReport, seedReferenceData } from './seed';

/** `npm start` and `npm run dev` run this first: one process opens the database, migrates it and seeds it. */
const handle = openDbOrExit(env.DATABASE_URL);
try {
  await migrateDb(handle);
  console.log(`database ready (${handle.engine === 'pglite' ? `PGlite: ${handle.dataDir ?? 'memory'}` : 'PostgreSQL'})`);
  console.log(describeSeedReport(await seedReferenceData(handle.db)));
} finally {
  await handle.close();
}

