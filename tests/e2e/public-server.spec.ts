import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type AppServer, setUpDatabase, startAppServer } from '../../bench/support/app-server';

/**
 * `npm start`'s own server (server.mjs, on the production build `npm test` makes) as a client on the network
 * meets it: rate limits on, a PGlite folder, no proxy in front. API only. The integration suites test the
 * limits and the lock in depth; this checks that the real server wires them: Next behind server.mjs sees the
 * socket's address whatever X-Forwarded-For says, and a second server on the same folder stops at once.
 */
test.describe('the server npm start runs', () => {
  test('limits wrong room codes by the socket despite forged X-Forwarded-For, and keeps a second server off its folder', async () => {
    test.setTimeout(120_000);
    const folder = mkdtempSync(join(tmpdir(), 'clusterwise-public-'));
    const appEnv = { ...process.env, DATABASE_URL: join(folder, 'data', 'pglite'), RATE_LIMITS: 'on', TRUST_PROXY: 'off' };
    let server: AppServer | null = null;
    try {
      await setUpDatabase(appEnv);
      server = await startAppServer({ env: appEnv });
      const statuses: number[] = [];
      for (let n = 0; n < 25; n++) {
        const input = encodeURIComponent(JSON.stringify({ json: { roomCode: `ZZZZ${'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[n]}2` } }));
        const response = await fetch(`${server.baseUrl}/api/trpc/workshop.room?input=${input}`, {
          headers: { 'x-forwarded-for': `198.51.100.${n + 1}`, 'x-real-ip': `192.0.2.${n + 1}`, forwarded: `for=203.0.113.${n + 1}` },
        });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      expect(statuses.filter((status) => status === 404)).toHaveLength(20);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);

      // Pages are served too.
      expect((await fetch(`${server.baseUrl}/`)).status).toBe(200);

      // A second server on the same folder exits before it serves anything.
      await expect(startAppServer({ env: appEnv, timeoutMs: 60_000 })).rejects.toThrow(/server\.mjs exited with 1/);
    } finally {
      await server?.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
