import { createServer, type Server, type Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { results } from '~/db/schema';
import { PDF_QUEUE_LENGTH, findChromium } from '~/server/services/exports/report-pdf';
import { type TestDatabase, openTestDatabase } from './harness';
import { createAnsweredSession } from './fixtures/flow';

/**
 * The server's Chromium is pointed at an address that accepts connections and never answers, as a report page
 * stuck on a broken result would: every print runs into its (shortened) time limit.
 */
const HANGING_PORT = 3221;
vi.hoisted(() => {
  process.env.REPORT_PDF_ORIGIN = 'http://127.0.0.1:3221';
  process.env.REPORT_PDF_TIMEOUT_SECONDS = '3';
});

let hanging: Server;
const sockets = new Set<Socket>();
beforeAll(async () => {
  hanging = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => hanging.listen(HANGING_PORT, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => hanging.close(resolve));
});

const hasChromium = (() => {
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
})();

/** Settles `call` and reports how: the value, or the error's code and message. */
async function outcome(call: Promise<unknown>): Promise<{ ok: true } | { ok: false; code: string; message: string; appCode: string | undefined }> {
  try {
    await call;
    return { ok: true };
  } catch (error) {
    const e = error as { code: string; message: string; cause?: { code?: string } };
    return { ok: false, code: e.code, message: e.message, appCode: e.cause?.code };
  }
}

// The print line is one per process and does not depend on the database engine; run on both engines in one file,
// the first engine's last print (still timing out) would occupy the line when the second engine's tests begin.
describe('server-side PDFs [PGlite]', () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });
  const db = () => database!.handle.db;

  it.runIf(hasChromium)('give one caller one print at a time, refuse a damaged result at once, and never show the link', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const first = await createAnsweredSession(db(), { count: 1 });
    await first.facilitator.result.compute({ sessionId: first.sessionId });
    const broken = await createAnsweredSession(db(), { count: 1 });
    await broken.facilitator.result.compute({ sessionId: broken.sessionId });
    await db()
      .update(results)
      .set({ result: { kind: 'hierarchy', nodes: 'garbage' } as never })
      .where(eq(results.sessionId, broken.sessionId));

    let settled = false;
    const printing = outcome(first.facilitator.export.reportPdf({ sessionId: first.sessionId, locale: 'en' })).finally(() => (settled = true));
    const again = await outcome(first.facilitator.export.reportPdf({ sessionId: first.sessionId, locale: 'en' }));
    expect(again).toMatchObject({ ok: false, appCode: 'BUSY', message: expect.stringContaining('already being printed for you') });
    // The damaged result is refused by its contract while the printer is still busy: it never joined the line.
    const damaged = await outcome(broken.facilitator.export.reportPdf({ sessionId: broken.sessionId, locale: 'en' }));
    expect(settled).toBe(false);
    expect(damaged).toMatchObject({ ok: false, appCode: 'NOT_COMPUTABLE', message: expect.stringMatching(/^The stored result is damaged \(result/) });

    const failed = await printing;
    expect(failed).toMatchObject({ ok: false, appCode: 'PRINT_FAILED', message: expect.stringMatching(/\(error id [0-9a-f]{12}\): it was not ready within 3 s\./) });
    const token = first.created.facilitator.token;
    const { message } = failed as { message: string };
    for (const secret of [token, '#key', '127.0.0.1', String(HANGING_PORT)]) expect(message).not.toContain(secret);
    const errorId = message.match(/error id ([0-9a-f]{12})/)![1];
    const line = logged.mock.calls.map((call) => String(call[0])).find((text) => text.includes(`[error ${errorId}]`));
    expect(line, 'the log has the real error under the id').toMatch(/Timeout|timed out/);
    expect(line).not.toContain(token);
  });

  it.runIf(hasChromium)(`keep at most ${PDF_QUEUE_LENGTH} prints waiting behind the running one`, async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const readers = [];
    for (let i = 0; i < PDF_QUEUE_LENGTH + 2; i++) {
      const session = await createAnsweredSession(db(), { count: 1, title: `Queue ${i}` });
      await session.facilitator.result.compute({ sessionId: session.sessionId });
      readers.push(session);
    }
    const inLine = readers.slice(0, PDF_QUEUE_LENGTH + 1).map((r) => outcome(r.facilitator.export.reportPdf({ sessionId: r.sessionId, locale: 'en' })));
    const last = readers.at(-1)!;
    const refused = await outcome(last.facilitator.export.reportPdf({ sessionId: last.sessionId, locale: 'en' }));
    expect(refused).toMatchObject({ ok: false, code: 'SERVICE_UNAVAILABLE', appCode: 'BUSY', message: expect.stringContaining('busy printing other reports') });
    const outcomes = await Promise.all(inLine);
    // Each print runs into its 3 s limit; a waiting one gives up after 7.5 s, so the line's tail is told "busy".
    expect(outcomes[0]).toMatchObject({ appCode: 'PRINT_FAILED' });
    expect(outcomes[1]).toMatchObject({ appCode: 'PRINT_FAILED' });
    for (const later of outcomes) expect(['PRINT_FAILED', 'BUSY']).toContain((later as { appCode: string }).appCode);
    expect(outcomes.at(-1)).toMatchObject({ appCode: 'BUSY' });
  }, 60_000);
});
