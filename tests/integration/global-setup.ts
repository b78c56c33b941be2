import { env } from '../../server/env.js';

/** Says once per run, before any test, whether the PostgreSQL half of the integration suites will run. */
export default function announceDatabases(): void {
  if (env.TEST_DATABASE_URL) {
    console.log('Integration suites run on PGlite (in memory) and on PostgreSQL (TEST_DATABASE_URL).');
  } else {
    console.warn(
      '\n*** PostgreSQL integration suites SKIPPED: TEST_DATABASE_URL is not set. Only PGlite was tested. ***\n' +
        '    Set TEST_DATABASE_URL=postgres://user@host:5432/db (a role that may CREATE DATABASE) to run them.\n',
    );
  }
}
