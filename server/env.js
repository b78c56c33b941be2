import { createEnv } from '@t3-oss/env-nextjs';
import { z } from 'zod';
import { trustProxyProblem } from './client-address.js';

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
     * `off` turns the rate limits of HTTP calls off (server/trpc/middleware/rate-limit.ts): only for test
     * set-ups that answer whole questionnaires over HTTP in a second. Never in production.
     */
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
    /**
     * The folder `next build` writes to and `next start` serves from, relative to the project. Another one than
     * `.next` lets a benchmark keep a production build of its own (`npm run bench:workshop` uses `.next-bench`)
     * while `next dev` or another build uses `.next` at the same time.
     */
    NEXT_DIST_DIR: z
      .string()
      .regex(/^\.next[a-z0-9-]*$/, 'a folder name starting with .next, such as .next-bench')
      .default('.next'),
    /** Where the server's own Chromium is, for reports printed to PDF on the server. Absent: /usr/bin/chromium. */
    CHROMIUM_PATH: z.string().optional(),
    /**
     * The address at which the server's Chromium opens this app's report page to print it to PDF, such as
     * http://127.0.0.1:3000. Absent: this process's own port on 127.0.0.1 (Next sets PORT when it starts).
     */
    REPORT_PDF_ORIGIN: z.url().optional(),
    /**
     * How long the server's Chromium may take to print one report, in seconds; a print that takes longer is given
     * up and the next one in line starts. The line behind it waits two and a half times this at most.
     */
    REPORT_PDF_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    /**
     * The port `npm start` (server.mjs) listens on; absent: 3000. `next dev` and `next start` set it to theirs.
     */
    PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    /**
     * The address `npm start` listens on, such as 127.0.0.1 (this machine only) or 0.0.0.0; absent: every
     * interface, so phones on the venue network reach it. Shells and containers often export HOSTNAME as the
     * machine's own name: that value is ignored (server.mjs), as if absent.
     */
    HOSTNAME: z.string().optional(),
    /**
     * Which proxies in front of the app may say who the client is (X-Forwarded-For), with Express's
     * `trust proxy` meanings. `off` (default, as `npm start` serves with no proxy): the socket's address is the
     * client's, and any X-Forwarded-For a client sends is dropped. A number N: that many proxies in front
     * (1 for one nginx or Caddy); the client is the address the farthest of them saw. Or the proxies'
     * addresses, CIDR ranges or `loopback`, `linklocal`, `uniquelocal`, comma-separated. Read by server.mjs.
     */
    TRUST_PROXY: z
      .string()
      .default('off')
      .superRefine((value, context) => {
        const problem = trustProxyProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
  },
  client: {},
  runtimeEnv: {
    DATABASE_URL: process.env.DATABASE_URL,
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    NODE_ENV: process.env.NODE_ENV,
    WORKSHOP_EVENTS_CHANNEL: process.env.WORKSHOP_EVENTS_CHANNEL,
    RATE_LIMITS: process.env.RATE_LIMITS,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR,
    CHROMIUM_PATH: process.env.CHROMIUM_PATH,
    REPORT_PDF_ORIGIN: process.env.REPORT_PDF_ORIGIN,
    REPORT_PDF_TIMEOUT_SECONDS: process.env.REPORT_PDF_TIMEOUT_SECONDS,
    PORT: process.env.PORT,
    HOSTNAME: process.env.HOSTNAME,
    TRUST_PROXY: process.env.TRUST_PROXY,
  },
  emptyStringAsUndefined: true,
});
