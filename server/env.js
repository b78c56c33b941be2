import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';

/**
 * The only reader of process.env. next.config.js imports this file, so a bad value stops the build instead of
 * failing on the first request.
 */
export const env = createEnv({
  server: {
    /**
     * postgres:// or postgresql:// selects PostgreSQL; memory:// an in-memory PGlite; any other value is a
     * PGlite data folder. Absent: the PGlite folder data/pglite.
     */
    DATABASE_URL: z.string().optional(),
    /** A PostgreSQL server the integration suites may create scratch databases on. */
    TEST_DATABASE_URL: z.string().optional(),
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  },
  client: {},
  runtimeEnv: {
    DATABASE_URL: process.env.DATABASE_URL,
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    NODE_ENV: process.env.NODE_ENV,
  },
  emptyStringAsUndefined: true,
});
