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
    /**
     * The PostgreSQL LISTEN/NOTIFY channel of workshop events. Every app instance of one deployment must use the
     * same one; give two deployments that share a database different ones.
     */
    WORKSHOP_EVENTS_CHANNEL: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _, starting with a letter or _')
      .default('clusterwise_workshop_events'),
    /**
     * `off` turns the per-process rate limits of HTTP calls off (server/trpc/middleware/rate-limit.ts): only for
     * test set-ups that answer whole questionnaires over HTTP in a second. Never in production.
     */
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  },
  client: {},
  runtimeEnv: {
    DATABASE_URL: process.env.DATABASE_URL,
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    NODE_ENV: process.env.NODE_ENV,
    WORKSHOP_EVENTS_CHANNEL: process.env.WORKSHOP_EVENTS_CHANNEL,
    RATE_LIMITS: process.env.RATE_LIMITS,
  },
  emptyStringAsUndefined: true,
});
