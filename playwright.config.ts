import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests run Debian's Chromium (browsers cannot be downloaded here) against the production build on a
 * fresh PGlite folder. `npm test` builds first; `E2E_DEV=1` runs `next dev` instead for quick local loops.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
/** Point at an already running server (e.g. a shared `next dev`) instead of starting one. */
const externalBaseUrl = process.env.E2E_BASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), 'clusterwise-e2e-'));
const isCi = Boolean(process.env.CI);
// server.mjs is what `npm start` serves with (client addresses from the socket, PORT and HOSTNAME).
const serve = process.env.E2E_DEV ? `npx next dev -p ${port}` : 'node server.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  forbidOnly: isCi,
  retries: isCi ? 1 : 0,
  // Two at a time: every test makes its own session (and servers of its own where it needs them), and the suite
  // must stay well inside CI's 20 minutes; E2E_WORKERS=1 runs them one by one.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `npm run db:setup && ${serve}`,
        url: `http://127.0.0.1:${port}`,
        // Browser tests answer far faster than people do; the rate limits have their own integration tests.
        env: { DATABASE_URL: dataDir, NEXT_TELEMETRY_DISABLED: '1', RATE_LIMITS: 'off', PORT: String(port), HOSTNAME: '127.0.0.1' },
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
