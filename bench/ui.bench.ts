/**
 * UI benchmark: `npm run bench:ui` (tsx bench/ui.bench.ts), against the PRODUCTION build. Run `npm run build`
 * first: this script does not build, it checks that .next/BUILD_ID exists and warns when sources are newer.
 *
 * It starts server.mjs (what `npm start` runs) on a free port with a fresh PGlite folder (migrated and seeded by db/setup.ts with the
 * same DATABASE_URL), creates a session and a participant over HTTP, and reports for the questionnaire page:
 *
 *   (a) first-load JavaScript: the sum of the gzip sizes (node:zlib, default level) of every JavaScript file the
 *       page loads in headless Chromium, recorded from its responses until the network is idle;
 *   (b) time to the first comparison being answerable: from navigation start (the page's performance.now()
 *       origin) until the first option of the comparison's verbal scale (or its slider) is visible and enabled,
 *       polled every animation frame. The participant has already answered the last pair of criteria, so the
 *       questionnaire resumes on the first comparison instead of the cluster-profile step. One warm-up load,
 *       then the median of RUNS loads, each in a fresh browser context (empty cache and storage).
 *
 * Targets: < 200 KB gzip and < 1 s. A benchmark reports; it exits 0 on a missed target and 1 only if it crashes.
 * The server is stopped and its data folder removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import superjson from 'superjson';
import { buildState } from '../scripts/build-if-changed.mjs';
import { type AppServer, setUpDatabase, startAppServer } from './support/app-server';

const RUNS = 7;
const TARGET_GZIP_BYTES = 200 * 1024;
const TARGET_MS = 1000;

function checkBuild(): void {
  const state = buildState('.next');
  if (state === 'missing') {
    throw new Error('No production build: .next/BUILD_ID is missing. Run `npm run build` first, then `npm run bench:ui`.');
  }
  if (state === 'changed') {
    console.warn('warning: the sources changed after the last build; run `npm run build` for current figures.');
  }
}

async function callProcedure<T>(baseUrl: string, path: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${path} failed (${response.status}): ${JSON.stringify(body.error)}`);
  return superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]) as T;
}

type Prepared = { sessionId: string; token: string };

/** A session from the default model and one participant who answered only the last pair of criteria. */
async function prepareParticipant(baseUrl: string): Promise<Prepared> {
  const session = await callProcedure<{ sessionId: string; invite: { token: string } }>(baseUrl, 'session.create', {
    title: 'UI benchmark',
    alternativeScoring: 'ratings',
  });
  const joined = await callProcedure<{ token: string }>(
    baseUrl,
    'participant.join',
    { sessionId: session.sessionId, displayName: 'Bench participant', stakeholderGroup: 'enterprises' },
    session.invite.token,
  );
  const got = await callProcedure<{ model: { criteria: Array<{ key: string }> } }>(
    baseUrl,
    'session.get',
    { sessionId: session.sessionId },
    joined.token,
  );
  const keys = got.model.criteria.map((c) => c.key);
  const [a, b] = keys.slice(-2);
  if (!a || !b) throw new Error('the default model has fewer than two criteria');
  await callProcedure(baseUrl, 'judgment.save', { sessionId: session.sessionId, nodeKey: 'goal', a, b, position: 2 }, joined.token);
  return { sessionId: session.sessionId, token: joined.token };
}

type Phases = { firstByteMs: number; domContentLoadedMs: number; apiCalls: number; lastApiEndMs: number };
type Measurement = { answerableMs: number; phases: Phases; scripts: Array<{ url: string; raw: number; gzip: number }> };

/** In the page: the first option of the comparison's scale (or its slider), once visible and enabled. */
function isComparisonAnswerable(): number | false {
  const candidates = document.querySelectorAll<HTMLElement>('[role="radiogroup"]:not(fieldset) [role="radio"], input[type="range"]');
  for (const element of candidates) {
    const box = element.getBoundingClientRect();
    const isVisible = box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    const isEnabled = !element.hasAttribute('disabled') && element.getAttribute('aria-disabled') !== 'true';
    if (isVisible && isEnabled) return performance.now();
  }
  return false;
}

async function measure(browser: Browser, baseUrl: string, prepared: Prepared): Promise<Measurement> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    // The browser already holds the participant's link, as after opening the invite: the page reads it from here.
    await context.addInitScript(
      ({ sessionId, token }) => {
        window.localStorage.setItem('clusterwise.links', JSON.stringify([{ sessionId, token, role: 'participant' }]));
      },
      { sessionId: prepared.sessionId, token: prepared.token },
    );
    const page = await context.newPage();
    const bodies: Array<Promise<{ url: string; raw: number; gzip: number } | null>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      bodies.push(
        response
          .body()
          .then((body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body).length }))
          .catch(() => null),
      );
    });
    await page.goto(`${baseUrl}/s/${prepared.sessionId}/q`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(isComparisonAnswerable, undefined, { polling: 'raf', timeout: 30_000 });
    const answerableMs = (await handle.jsonValue()) as number;
    await page.waitForLoadState('networkidle');
    // Where the time went: the HTML, the scripts (DOMContentLoaded waits for them), then the API calls the page makes.
    const phases = await page.evaluate((until): Phases => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (entry) => entry.name.includes('/api/trpc/') && entry.responseEnd <= until,
      );
      return {
        firstByteMs: navigation?.responseStart ?? 0,
        domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? 0,
        apiCalls: api.length,
        lastApiEndMs: Math.max(0, ...api.map((entry) => entry.responseEnd)),
      };
    }, answerableMs);
    const scripts = (await Promise.all(bodies)).filter((entry): entry is NonNullable<typeof entry> => entry !== null);
    return { answerableMs, phases, scripts };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (isMet: boolean) => (isMet ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  checkBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'clusterwise-bench-ui-'));
  const env = { ...process.env, DATABASE_URL: dataDir };
  let server: AppServer | null = null;
  let browser: Browser | null = null;
  try {
    await setUpDatabase(env);
    server = await startAppServer({ env });
    const baseUrl = server.baseUrl;
    const prepared = await prepareParticipant(baseUrl);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });

    await measure(browser, baseUrl, prepared); // warm-up: the server's first render of the route
    const runs: Measurement[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, baseUrl, prepared));

    const first = runs[0]!;
    const totalGzip = first.scripts.reduce((sum, s) => sum + s.gzip, 0);
    const totalRaw = first.scripts.reduce((sum, s) => sum + s.raw, 0);
    const times = runs.map((r) => r.answerableMs);
    const timeMedian = median(times);

    console.log(`Clusterwise UI benchmark: production build, server.mjs on ${baseUrl}, headless Chromium`);
    console.log(`Questionnaire page: /s/<session>/q, resuming on the first comparison\n`);
    console.log(`(a) first-load JavaScript: ${first.scripts.length} files, ${kb(totalGzip)} gzip (${kb(totalRaw)} uncompressed)`);
    for (const script of [...first.scripts].sort((a, b) => b.gzip - a.gzip)) {
      console.log(`      ${kb(script.gzip).padStart(9)}  ${new URL(script.url).pathname}`);
    }
    console.log(`    target < ${kb(TARGET_GZIP_BYTES)} gzip: ${verdict(totalGzip < TARGET_GZIP_BYTES)}\n`);
    console.log(
      `(b) navigation -> first comparison answerable: median ${timeMedian.toFixed(0)} ms of ${RUNS} runs ` +
        `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; fresh context each, after one warm-up)`,
    );
    console.log(`    runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    const phase = (pick: (p: Phases) => number) => median(runs.map((r) => pick(r.phases))).toFixed(0);
    console.log(
      `    medians: first byte ${phase((p) => p.firstByteMs)} ms, DOMContentLoaded ${phase((p) => p.domContentLoadedMs)} ms, ` +
        `${phase((p) => p.apiCalls)} API calls done by ${phase((p) => p.lastApiEndMs)} ms`,
    );
    const [load1, load5] = loadavg();
    console.log(`    machine: ${cpus().length} CPUs, load average ${load1!.toFixed(1)} (1 min), ${load5!.toFixed(1)} (5 min)`);
    console.log(`    target < ${TARGET_MS} ms: ${verdict(timeMedian < TARGET_MS)}`);
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
