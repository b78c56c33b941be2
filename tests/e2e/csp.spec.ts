import { type Page, type Response, expect, test } from '@playwright/test';
import { callProcedure, createSession } from './fixtures/api';
import { answerAll, joinAs } from './fixtures/answers';

/**
 * Every kind of page under its Content-Security-Policy: the header is there, strict (a fresh nonce per request, no
 * 'unsafe-eval', no framing), and the page runs under it with no violation and no console error; the other
 * security headers are on pages, the API and static files alike.
 */

const SHOTS = 'test-results/screenshots';

type Violation = { directive: string; blocked: string; source: string };

/** Records CSP violations (the browser's own event) and console errors from before the page's first script. */
async function watch(page: Page): Promise<{ problems: () => Promise<string[]> }> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` }),
    );
  });
  return {
    problems: async () => {
      const violations = await page.evaluate(() => (window as unknown as { cspViolations?: Violation[] }).cspViolations ?? []);
      return [...violations.map((v) => `CSP ${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}`), ...consoleErrors];
    },
  };
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.split(/\s+/)[0]!, part.slice(part.indexOf(' ') + 1)] as [string, string]),
  );
}

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(headers[name], `${name} on ${what}`).toBe(value);
  expect(headers['permissions-policy'], `permissions-policy on ${what}`).toContain('camera=()');
  expect(headers['x-powered-by'], `x-powered-by on ${what}`).toBeUndefined();
}

/** The page's own CSP, checked: a nonce, scripts only by nonce, no eval, no framing. Returns the nonce. */
function expectStrictPolicy(response: Response | null, what: string): string {
  expect(response, what).not.toBeNull();
  const headers = response!.headers();
  expectCommonHeaders(headers, what);
  const policy = headers['content-security-policy'];
  expect(policy, `CSP on ${what}`).toBeDefined();
  const csp = directives(policy!);
  const script = csp.get('script-src') ?? '';
  const nonce = script.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  expect(nonce, `a nonce in script-src on ${what}`).toBeDefined();
  expect(script).not.toContain('unsafe-eval');
  expect(script).not.toContain('unsafe-inline');
  expect(csp.get('frame-ancestors')).toBe("'none'");
  expect(csp.get('object-src')).toBe("'none'");
  expect(csp.get('default-src')).toBe("'self'");
  return nonce!;
}

test('every page type sends a strict CSP and runs under it without a violation', async ({ browser, request }) => {
  const session = await createSession(request, { title: 'Sumgait chemical cluster', alternativeScoring: 'ratings', participantResults: 'own-and-group' });
  const people = [];
  for (const [seed, [name, group]] of [
    ['Aysel Mammadova', 'government'],
    ['Ivan Petrov', 'enterprises'],
  ].entries()) {
    const participant = await joinAs(request, session, name!, group!);
    await answerAll(request, session, participant, { importance: [4, 3, 2, 2, 1, 3], seed, scoring: 'ratings' });
    people.push(participant);
  }
  await callProcedure(request, 'result.compute', { sessionId: session.sessionId }, session.facilitator.token);
  const { roomCode } = await callProcedure<{ roomCode: string }>(request, 'workshop.openRoom', { sessionId: session.sessionId }, session.facilitator.token);
  const id = session.sessionId;
  const facilitatorKey = session.facilitator.token;

  const pages: Array<{ name: string; path: string; ready: (page: Page) => Promise<void>; before?: (page: Page) => Promise<void> }> = [
    { name: 'landing', path: '/', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
    { name: 'new session', path: '/new', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
    { name: 'set-up', path: `/s/${id}/setup#key=${facilitatorKey}`, ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
    { name: 'invite', path: session.invite.path, ready: (p) => expect(p.getByLabel('Your name')).toBeVisible() },
    {
      name: 'questionnaire',
      path: `/s/${id}/q#key=${people[0]!.token}`,
      // Made from the inline early-call script's answer (it needs the nonce) or the page's own call.
      ready: (p) => expect(p.getByRole('progressbar', { name: 'Your progress' })).toBeVisible(),
    },
    { name: 'results', path: `/s/${id}/results#key=${facilitatorKey}`, ready: (p) => expect(p.getByRole('heading', { level: 2, name: 'Ranking of the strategies' })).toBeVisible() },
    { name: 'report', path: `/s/${id}/report#key=${facilitatorKey}`, ready: (p) => expect(p.locator('main[data-report-ready="true"]')).toBeVisible() },
    {
      name: 'workshop dashboard',
      path: `/s/${id}/dashboard`,
      // The dashboard takes the link this browser holds: the facilitator's link is opened first, as in a workshop.
      before: async (p) => {
        await p.goto(session.facilitator.path);
        await p.waitForURL(/\/setup/);
      },
      ready: (p) => expect(p.getByRole('img', { name: /QR code of the join address/ })).toBeVisible() },
    { name: 'projector', path: `/w/${roomCode}/screen`, ready: (p) => expect(p.getByRole('img', { name: /QR code to join the workshop/ })).toBeVisible() },
    { name: 'room join', path: `/w/${roomCode}`, ready: (p) => expect(p.getByLabel('Your name')).toBeVisible() },
    { name: 'not found', path: '/no-such-page', ready: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible() },
  ];

  const nonces = new Set<string>();
  for (const { name, path, ready, before } of pages) {
    const context = await browser.newContext({ viewport: name === 'projector' ? { width: 1280, height: 720 } : { width: 1366, height: 900 } });
    const page = await context.newPage();
    const watcher = await watch(page);
    await before?.(page);
    const response = await page.goto(path);
    nonces.add(expectStrictPolicy(response, name));
    await ready(page);
    // The app's style sheet applied (a blocked one would leave the browser's serif default).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily), `styles on ${name}`).toContain('system-ui');
    await page.waitForTimeout(300);
    // The not-found page is answered with its own 404, which the browser logs; nothing else may fail.
    const problems = (await watcher.problems()).filter((problem) => !(name === 'not found' && /\b404\b/.test(problem)));
    expect(problems, name).toEqual([]);
    await context.close();
  }
  expect(nonces.size, 'a fresh nonce for every page').toBe(pages.length);

  // The phone's vote screen: joined through the room's own form, as a phone does.
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const phone = await phoneContext.newPage();
  const phoneWatcher = await watch(phone);
  await phone.goto(`/w/${roomCode}`);
  await phone.getByLabel('Your name').fill('Leyla Aliyeva');
  await phone.getByRole('radio', { name: 'Civil society' }).check();
  const voteResponse = phone.waitForResponse((r) => r.url().endsWith(`/w/${roomCode}/vote`) && r.request().resourceType() === 'document');
  await phone.getByRole('button', { name: 'Join' }).click();
  await phone.waitForURL(`**/w/${roomCode}/vote`);
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  // A client-side navigation fetches no document; load the vote screen itself to read its header.
  const reloaded = await Promise.all([voteResponse.catch(() => null), phone.reload()]).then(([, r]) => r);
  expectStrictPolicy(reloaded, 'phone vote screen');
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  await phone.waitForTimeout(300);
  expect(await phoneWatcher.problems(), 'phone vote screen').toEqual([]);
  await phone.screenshot({ path: `${SHOTS}/csp-phone-vote.png` });
  await phoneContext.close();

  // The report printed to PDF by the server's Chromium, which opens the report page under the same policy.
  const reportContext = await browser.newContext();
  const report = await reportContext.newPage();
  const reportWatcher = await watch(report);
  await report.goto(`/s/${id}/report#key=${facilitatorKey}`);
  await expect(report.locator('main[data-report-ready="true"]')).toBeVisible();
  const download = report.waitForEvent('download', { timeout: 120_000 });
  await report.getByRole('button', { name: 'Download as PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(await reportWatcher.problems(), 'report with its PDF').toEqual([]);
  await reportContext.close();
});

test('the API and static files get the same headers, without a CSP of their own', async ({ request, page }) => {
  const api = await request.post('/api/trpc/catalogue.models', { data: { json: null } });
  expectCommonHeaders(api.headers(), 'an API answer');
  const refused = await request.post('/api/trpc/session.create', {
    data: Buffer.alloc(3 * 1024 * 1024, 0x20),
    headers: { 'content-type': 'application/json' },
  });
  expect(refused.status()).toBe(413);
  expectCommonHeaders(refused.headers(), 'a refused body');

  await page.goto('/');
  const script = await page.locator('script[src*="/_next/static/"]').first().getAttribute('src');
  expect(script).toBeTruthy();
  const asset = await request.get(script!);
  expect(asset.ok()).toBe(true);
  expectCommonHeaders(asset.headers(), 'a static script');
  expect(asset.headers()['content-security-policy']).toBeUndefined();
});
