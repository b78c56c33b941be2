import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, createDb } from '~/db/client';
import { rateLimitWindows } from '~/db/schema';
import { addressGroupOf } from '~/server/client-address.js';
import { type RateLimiter, createInProcessRateLimiter, createPostgresRateLimiter, rateLimiterFor } from '~/server/rate-limits';
import { JOINS_PER_ADDRESS, WRONG_ROOM_CODES_PER_ADDRESS, WRONG_ROOM_CODES_PER_PREFIX } from '~/server/trpc/middleware/rate-limit';
import { createRoom, limitedCallerFor } from './fixtures/workshop';
import { type HttpApp, httpMutation, httpQuery, startHttpApp } from './fixtures/http-app';
import { callerFor, describeOnEveryEngine, hasPostgres, openTestDatabase, type TestDatabase } from './harness';

/** Room codes' alphabet (core/contracts/workshop.ts: no I, O, 0 or 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The n-th of a run of well-formed codes, all different, none of them `avoid`; prefixes vary fastest. */
function wrongCode(n: number, avoid: string, prefix?: string): string {
  const digits = (value: number, length: number) =>
    Array.from({ length }, (_, i) => ALPHABET[Math.floor(value / ALPHABET.length ** i) % ALPHABET.length]).join('');
  const code = prefix ? `${prefix}${digits(n, 4)}` : `${digits(n, 2)}${digits(n + 7919, 4)}`;
  return code === avoid ? wrongCode(n + 100_000, avoid, prefix) : code;
}

function tally(answers: Array<{ status: number; code: string | null }>) {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = answer.status === 200 ? 'OK' : (answer.code ?? String(answer.status));
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describeOnEveryEngine('rate limits over HTTP', (database) => {
  const db = () => database().handle.db;
  const apps: HttpApp[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  /** Counters of their own for one test: a new in-process limiter, or the PostgreSQL table emptied. */
  async function freshLimiter(): Promise<RateLimiter> {
    if (database().engine === 'pglite') return createInProcessRateLimiter();
    const handle = database().handle;
    if (handle.engine !== 'postgres') throw new Error('not PostgreSQL');
    await handle.db.delete(rateLimitWindows);
    return createPostgresRateLimiter(handle);
  }

  async function serve(trustProxy = 'off', rateLimiter?: RateLimiter) {
    const app = await startHttpApp({ db: db(), rateLimiter: rateLimiter ?? (await freshLimiter()), trustProxy });
    apps.push(app);
    return app;
  }

  it('counts the HTTP API in PostgreSQL when it runs on PostgreSQL, in the process on PGlite', () => {
    expect(rateLimiterFor(db()).store).toBe(database().engine === 'pglite' ? 'process' : 'postgres');
  });

  it('counts a window the same way in either store: the limit, refusals not counted, a call given back, a new window', async () => {
    const limiter = await freshLimiter();
    const hit = () => limiter.hit('test/window', 3, 1_500);
    const first = await hit();
    expect((await Promise.all([hit(), hit()])).map((v) => v.isAllowed)).toEqual([true, true]);
    const refused = await hit();
    expect(refused).toMatchObject({ isAllowed: false, isFirstRefusal: true });
    expect(refused.isAllowed ? 0 : refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.isAllowed ? Infinity : refused.retryAfterMs).toBeLessThanOrEqual(1_500);
    expect(await hit()).toMatchObject({ isAllowed: false, isFirstRefusal: false });
    if (!first.isAllowed) throw new Error('the first call was refused');
    await first.undo();
    expect((await hit()).isAllowed).toBe(true);
    expect((await hit()).isAllowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await hit()).isAllowed).toBe(true);
    // Giving back a call of a window that has ended takes nothing from the new one.
    await first.undo();
    expect((await Promise.all([hit(), hit(), hit()])).map((v) => v.isAllowed)).toEqual([true, true, false]);
  });

  it('limits 40 wrong room codes from one socket however X-Forwarded-For rotates, with TRUST_PROXY off', async () => {
    const { roomCode } = await createRoom(db(), { count: 0 });
    const app = await serve('off');
    const answers = [];
    for (let n = 0; n < 40; n++) {
      answers.push(await httpQuery(app, 'workshop.room', { roomCode: wrongCode(n, roomCode) }, { 'x-forwarded-for': `198.51.100.${n + 1}`, 'x-real-ip': `192.0.2.${n + 1}` }));
    }
    expect(tally(answers)).toEqual({ NOT_FOUND: WRONG_ROOM_CODES_PER_ADDRESS, RATE_LIMITED: 40 - WRONG_ROOM_CODES_PER_ADDRESS });
    expect(answers.at(-1)).toMatchObject({ status: 429, message: expect.stringMatching(/^Too many wrong room codes in a short time; wait \d+ seconds?\.$/) });

    // Behind one trusted proxy the same header names the client: forty callers, each with one wrong code.
    const behindProxy = await serve('1');
    const proxied = [];
    for (let n = 0; n < 40; n++) {
      proxied.push(await httpQuery(behindProxy, 'workshop.room', { roomCode: wrongCode(n, roomCode) }, { 'x-forwarded-for': `203.0.113.9, 198.51.100.${n + 1}` }));
    }
    expect(tally(proxied)).toEqual({ NOT_FOUND: 40 });
  });

  it('lets at most the limit of 300 simultaneous wrong room codes through', async () => {
    const { roomCode } = await createRoom(db(), { count: 0 });
    const app = await serve('off');
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, n) => httpQuery(app, 'workshop.room', { roomCode: wrongCode(n, roomCode) }, { 'x-forwarded-for': `198.51.100.${n % 250}` })),
    );
    const counts = tally(answers);
    expect(counts.NOT_FOUND).toBeLessThanOrEqual(WRONG_ROOM_CODES_PER_ADDRESS);
    // Nothing else went wrong: every other look-up was refused by the limit, and the limit was all used.
    expect(counts).toEqual({ NOT_FOUND: WRONG_ROOM_CODES_PER_ADDRESS, RATE_LIMITED: 300 - WRONG_ROOM_CODES_PER_ADDRESS });
  });

  it('still lets the right code in, to look the room up and to join, after 20 wrong codes from the same address', async () => {
    const { roomCode, sessionId } = await createRoom(db(), { count: 0, title: 'Venue' });
    const app = await serve('off');
    for (let n = 0; n < WRONG_ROOM_CODES_PER_ADDRESS; n++) {
      expect((await httpQuery(app, 'workshop.room', { roomCode: wrongCode(n, roomCode) })).code).toBe('NOT_FOUND');
    }
    expect((await httpQuery(app, 'workshop.room', { roomCode: wrongCode(99, roomCode) })).code).toBe('RATE_LIMITED');

    const room = await httpQuery(app, 'workshop.room', { roomCode: roomCode.toLowerCase() });
    expect(room).toMatchObject({ status: 200, data: { sessionId, title: 'Venue' } });
    for (let phone = 1; phone <= 3; phone++) {
      const joined = await httpMutation(app, 'workshop.joinByCode', { roomCode, displayName: `Phone ${phone}`, stakeholderGroup: 'government' });
      expect(joined).toMatchObject({ status: 200, data: { participantKey: `p${phone}` } });
    }
    // Right codes never counted: the address is still at its limit of wrong ones, not past it.
    expect((await httpMutation(app, 'workshop.joinByCode', { roomCode: wrongCode(100, roomCode), displayName: 'Typo', stakeholderGroup: 'government' })).code).toBe(
      'RATE_LIMITED',
    );
    expect((await callerFor(db()).workshop.room({ roomCode })).sessionId).toBe(sessionId);
  });

  it('lets a venue room of 300 in from one address, and refuses a burst past the venue allowance however X-Forwarded-For rotates', async () => {
    const { roomCode } = await createRoom(db(), { count: 0 });
    const app = await serve('off');
    // Every phone of the venue comes from one socket address (its NAT); the headers each claims change nothing.
    const claimed = (n: number) => ({ 'x-forwarded-for': `198.51.100.${n % 250}`, 'x-real-ip': `192.0.2.${n % 250}` });
    const join = (n: number) =>
      httpMutation(app, 'workshop.joinByCode', { roomCode, displayName: `Phone ${n + 1}`, stakeholderGroup: 'government' }, claimed(n));
    // The room at once, each phone looking the room up first as the join page does.
    const room = await Promise.all(Array.from({ length: 300 }, (_, n) => httpQuery(app, 'workshop.room', { roomCode }, claimed(n)).then(() => join(n))));
    expect(tally(room)).toEqual({ OK: 300 });
    // A burst of 250 more from the same address: the rest of the allowance gets in, not one more.
    const burst = await Promise.all(Array.from({ length: 250 }, (_, n) => join(300 + n)));
    expect(JOINS_PER_ADDRESS).toBeLessThan(550);
    expect(tally(burst)).toEqual({ OK: JOINS_PER_ADDRESS - 300, RATE_LIMITED: 550 - JOINS_PER_ADDRESS });
    expect(burst.find((answer) => answer.code === 'RATE_LIMITED')).toMatchObject({
      status: 429,
      message: expect.stringMatching(/^Too many join attempts in a short time; wait \d+ seconds?\.$/),
    });
    expect((await callerFor(db()).workshop.room({ roomCode })).live.participantCount).toBe(JOINS_PER_ADDRESS);
    // 550 joins: a few seconds on a quiet machine, longer on a busy one.
  }, 90_000);

  it('limits wrong codes that share a prefix across addresses, and never the right code of that prefix', async () => {
    const { roomCode } = await createRoom(db(), { count: 0 });
    const prefix = roomCode.slice(0, 2);
    const app = await serve('1');
    const answers = [];
    // Each address stays under its own limit (one code each): only the prefix's limit can stop them.
    for (let n = 0; n < WRONG_ROOM_CODES_PER_PREFIX + 10; n++) {
      answers.push(await httpQuery(app, 'workshop.room', { roomCode: wrongCode(n, roomCode, prefix) }, { 'x-forwarded-for': `10.${n >> 8}.${n & 255}.7` }));
    }
    expect(tally(answers)).toEqual({ NOT_FOUND: WRONG_ROOM_CODES_PER_PREFIX, RATE_LIMITED: 10 });
    expect(await httpQuery(app, 'workshop.room', { roomCode }, { 'x-forwarded-for': '10.99.0.1' })).toMatchObject({ status: 200 });
    // Another prefix is not affected.
    const otherPrefix = wrongCode(3, roomCode).startsWith(prefix) ? wrongCode(4, roomCode) : wrongCode(3, roomCode);
    expect((await httpQuery(app, 'workshop.room', { roomCode: otherPrefix }, { 'x-forwarded-for': '10.99.0.2' })).code).toBe('NOT_FOUND');
  });

  it('limits anonymous session creation per address, duplication included, and imports and saved templates', async () => {
    const app = await serve('1');
    const from = (address: string) => ({ 'x-forwarded-for': address });
    let created: { sessionId: string; facilitator: { token: string } } | undefined;
    for (let n = 0; n < 60; n++) {
      const answer = await httpMutation(app, 'session.create', { title: `Flood ${n}` }, from('192.0.2.80'));
      expect(answer.status).toBe(200);
      created ??= answer.data as typeof created;
    }
    expect(await httpMutation(app, 'session.create', { title: 'One more' }, from('192.0.2.80'))).toMatchObject({
      status: 429,
      message: expect.stringMatching(/^Too many new sessions in a short time; wait \d+ seconds\.$/),
    });
    expect(
      (await httpMutation(app, 'session.duplicate', { sessionId: created!.sessionId }, { ...from('192.0.2.80'), authorization: `Bearer ${created!.facilitator.token}` })).code,
    ).toBe('RATE_LIMITED');
    expect((await httpMutation(app, 'session.create', { title: 'Elsewhere' }, from('192.0.2.81'))).status).toBe(200);
    // Addresses in one IPv6 /64 are one caller.
    expect(addressGroupOf('2001:db8:1:2:aaaa::1')).toBe(addressGroupOf('2001:db8:1:2:bbbb::9'));

    const limiter = createInProcessRateLimiter();
    const exported = await callerFor(db(), created!.facilitator.token).session.export({ sessionId: created!.sessionId });
    const importer = limitedCallerFor(db(), null, limiter, '192.0.2.90');
    for (let n = 0; n < 20; n++) await importer.session.import({ data: exported });
    await expect(importer.session.import({ data: exported })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Too many imports/) });

    const saver = limitedCallerFor(db(), created!.facilitator.token, limiter, '192.0.2.91');
    const template = (n: number) => ({ sessionId: created!.sessionId, name: `Template ${n}`, locale: 'en' as const });
    for (let n = 0; n < 30; n++) await saver.template.save(template(n));
    await expect(saver.template.save(template(30))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Too many saved templates/) });
  });
});

describe.skipIf(!hasPostgres)(`two app instances on one PostgreSQL database share one limit${hasPostgres ? '' : ' [PostgreSQL: skipped, TEST_DATABASE_URL is not set]'}`, () => {
  let database: TestDatabase;
  let second: DbHandle;
  const apps: HttpApp[] = [];
  beforeAll(async () => {
    database = await openTestDatabase('postgresql');
    second = createDb(database.url);
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await second?.close();
    await database?.close();
  });

  it('refuses the 21st wrong code from one address whichever instance each went to, simultaneous or not', async () => {
    const { roomCode } = await createRoom(database.handle.db, { count: 0 });
    // Each instance with its own database handle (its own pool) and the limiter the app gives it.
    for (const handle of [database.handle, second]) apps.push(await startHttpApp({ db: handle.db, rateLimiter: rateLimiterFor(handle.db), trustProxy: 'off' }));
    const [first, other] = apps as [HttpApp, HttpApp];
    const answers = [];
    for (let n = 0; n < 30; n++) answers.push(await httpQuery(n % 2 ? other : first, 'workshop.room', { roomCode: wrongCode(n, roomCode) }));
    expect(tally(answers)).toEqual({ NOT_FOUND: WRONG_ROOM_CODES_PER_ADDRESS, RATE_LIMITED: 30 - WRONG_ROOM_CODES_PER_ADDRESS });
    expect(await httpQuery(other, 'workshop.room', { roomCode })).toMatchObject({ status: 200 });

    // A burst split over both instances: one window in PostgreSQL, so still at most the limit in all.
    await database.handle.db.delete(rateLimitWindows);
    const burst = await Promise.all(Array.from({ length: 200 }, (_, n) => httpQuery(n % 2 ? other : first, 'workshop.room', { roomCode: wrongCode(n + 500, roomCode) })));
    expect(tally(burst)).toEqual({ NOT_FOUND: WRONG_ROOM_CODES_PER_ADDRESS, RATE_LIMITED: 200 - WRONG_ROOM_CODES_PER_ADDRESS });
  });
});
