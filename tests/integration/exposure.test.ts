import { count } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import type { SessionExport } from '~/core/contracts/session-export';
import { auditLog, criteria, judgments, participants, results, sessions, workshopRounds } from '~/db/schema';
import { createInnerContext } from '~/server/trpc/context';
import { MAX_INPUT_DEPTH } from '~/server/trpc/input-guard';
import { MAX_IMPORT_REQUEST_BYTES, MAX_REQUEST_BYTES, handleTrpcRequest } from '~/server/trpc/http';
import { callerFor, describeOnEveryEngine, requestOverHttp, serverInternalsIn } from './harness';
import { createAnsweredSession } from './fixtures/flow';

const MB = 1024 * 1024;

/** A tRPC error answer as the browser's client reads it (superjson envelope, non-batched call). */
type ErrorBody = { error: { json: { message: string; data: { code: string; httpStatus: number; appError: { field: string | null } | null; errorId: string | null } } } };

function post(path: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** `bytes` of JSON-looking filler, sent in 64 KB chunks without a Content-Length (as a chunked upload is). */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

const input = (json: unknown, token?: string): [string, Record<string, string>] => [
  JSON.stringify({ json }),
  token ? { authorization: `Bearer ${token}` } : {},
];

function parsed(text: string): ErrorBody['error']['json'] {
  return (JSON.parse(text) as ErrorBody).error.json;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describeOnEveryEngine('bodies are bounded', (database) => {
  const db = () => database().handle.db;

  it('refuses a 20 MB body with 413 from its Content-Length, before reading it', async () => {
    const body = new Uint8Array(20 * MB).fill(0x20);
    const started = performance.now();
    const refused = await requestOverHttp(db(), post('session.create', body, { 'content-length': String(body.byteLength) }));
    expect(refused.status).toBe(413);
    expect(parsed(refused.text)).toMatchObject({ message: 'The request is too large: at most 2 MB is accepted.', data: { code: 'PAYLOAD_TOO_LARGE' } });
    const importRefused = await requestOverHttp(db(), post('session.import', body, { 'content-length': String(body.byteLength) }));
    expect(importRefused.status).toBe(413);
    expect(parsed(importRefused.text).message).toBe('The file is too large to import: at most 16 MB is accepted.');
    // Reported, not asserted as a limit: the refusal does not depend on how fast this machine is.
    console.info(`two 20 MB bodies refused in ${Math.round(performance.now() - started)} ms`);
  });

  it('refuses a body past the cap while reading it when there is no Content-Length, or when it understates the body', async () => {
    const chunked = await requestOverHttp(db(), post('session.create', chunkedBody(MAX_REQUEST_BYTES + 64 * 1024)));
    expect(chunked.status).toBe(413);
    const understated = await requestOverHttp(
      db(),
      post('session.create', chunkedBody(MAX_REQUEST_BYTES + 64 * 1024), { 'content-length': '100' }),
    );
    expect(understated.status).toBe(413);
    const batched = await requestOverHttp(
      db(),
      new Request('http://localhost/api/trpc/session.create,session.import?batch=1', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunkedBody(MAX_REQUEST_BYTES + 64 * 1024),
        duplex: 'half',
      } as RequestInit),
    );
    // An import batched with anything else gets the ordinary cap, and each call of the batch its own answer.
    expect(batched.status).toBe(413);
    expect((JSON.parse(batched.text) as unknown[]).length).toBe(2);
  });

  it('passes bodies under the cap on to the contract, and an import up to its larger cap', async () => {
    const [body] = input({ title: 'x'.repeat(MB) });
    const large = await requestOverHttp(db(), post('session.create', body));
    expect(large.status).toBe(400);
    expect(parsed(large.text).message).toMatch(/^title: /);
    const [importBody] = input({ data: { format: 'clusterwise.session', padding: 'x'.repeat(4 * MB) } });
    expect(importBody.length).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(importBody.length).toBeLessThan(MAX_IMPORT_REQUEST_BYTES);
    const importing = await requestOverHttp(db(), post('session.import', importBody));
    expect(importing.status).toBe(400);
    // A malformed escape in the procedure path is refused (tRPC: 400), not a server error.
    const malformed = await requestOverHttp(db(), post('session.%E0%A4%A', '{}'));
    expect(malformed.status).toBe(400);
  });
});

describeOnEveryEngine('text and keys are checked before any contract', (database) => {
  const db = () => database().handle.db;

  it('refuses null bytes, lone surrogates and prototype keys with 400 naming the field', async () => {
    const { sessionId, created } = await createAnsweredSession(db(), { count: 0 });
    const token = created.facilitator.token;
    const cases: Array<[string, unknown, string]> = [
      ['session.create', { title: 'Chemicals\u0000 cluster' }, 'title'],
      ['session.create', { title: 'Chemicals', region: 'Sumgait\ud800' }, 'region'],
      ['model.addCriterion', { sessionId, expectedVersion: 1, parentKey: null, name: { en: 'Half \udc00 a pair' } }, 'name.en'],
      ['model.updateMeasure', { sessionId, expectedVersion: 1, key: 'any', strategyFit: { ['__proto__']: 0.5 } }, 'strategyFit.__proto__'],
      ['model.updateMeasure', { sessionId, expectedVersion: 1, key: 'any', strategyFit: { constructor: 0.5 } }, 'strategyFit.constructor'],
      ['profile.save', { sessionId, profile: { ratings: { prototype: 3 }, regionalPriorities: {} } }, 'profile.ratings.prototype'],
    ];
    for (const [path, json, field] of cases) {
      const [body, headers] = input(json, token);
      const answer = await requestOverHttp(db(), post(path, body, headers));
      expect(answer.status, `${path} ${field}`).toBe(400);
      const error = parsed(answer.text);
      expect(error.data.appError?.field, path).toBe(field);
      expect(error.message.startsWith(`${field}: `), error.message).toBe(true);
    }
    // A query sent as GET is checked the same way.
    const query = await requestOverHttp(
      db(),
      new Request(`http://localhost/api/trpc/session.get?input=${encodeURIComponent(JSON.stringify({ json: { sessionId: `${sessionId}\u0000` } }))}`),
    );
    expect(query.status).toBe(400);
    expect(parsed(query.text).data.appError?.field).toBe('sessionId');
    const after = await callerFor(db(), token).session.get({ sessionId });
    expect(after.version).toBe(1);
  });

  it(`refuses nesting deeper than ${MAX_INPUT_DEPTH} levels without overflowing the stack`, async () => {
    // Written as text: JSON.stringify itself overflows on such an object.
    const deep = `${'{"children":['.repeat(4000)}"bottom"${']}'.repeat(4000)}`;
    const answer = await requestOverHttp(db(), post('session.create', `{"json":{"title":"Deep","region":${deep}}}`));
    expect(answer.status).toBe(400);
    expect(parsed(answer.text).message).toMatch(new RegExp(`^region(\\.children(\\.0)?)+: nests deeper than ${MAX_INPUT_DEPTH} levels\\.$`));
  });
});

describeOnEveryEngine('a hostile import', (database) => {
  const db = () => database().handle.db;

  const totals = async () => {
    const rows = async (table: typeof sessions | typeof criteria | typeof participants | typeof judgments | typeof results | typeof workshopRounds | typeof auditLog) =>
      (await db().select({ n: count() }).from(table))[0]?.n;
    return {
      sessions: await rows(sessions),
      criteria: await rows(criteria),
      participants: await rows(participants),
      judgments: await rows(judgments),
      results: await rows(results),
      rounds: await rows(workshopRounds),
      audit: await rows(auditLog),
    };
  };

  it('is refused with the field and nothing is written, while the genuine file imports', async () => {
    const { sessionId, facilitator } = await createAnsweredSession(db(), { count: 2 });
    await facilitator.result.compute({ sessionId });
    const genuine = await facilitator.session.export({ sessionId });
    expect(genuine.results.length).toBeGreaterThan(0);
    const hostile = (change: (data: SessionExport & Record<string, unknown>) => void): unknown => {
      const copy = structuredClone(genuine) as SessionExport & Record<string, unknown>;
      change(copy);
      return copy;
    };
    let deep: unknown = {};
    for (let i = 0; i < 4000; i++) deep = { nested: deep };
    const firstNode = () => Object.keys((genuine.results[0]!.result as { nodes: object }).nodes)[0]!;
    const corpus: Array<[string, unknown, RegExp]> = [
      ['not an export', { format: 'something-else' }, /^data\.format: /],
      ['session as text', hostile((d) => ((d as Record<string, unknown>).session = 'x')), /^data\.session: /],
      ['participants as an object', hostile((d) => ((d as Record<string, unknown>).participants = { p1: {} })), /^data\.participants: /],
      ['4,000 levels in an audit entry', hostile((d) => (d.auditLog[0]!.detail = { deep })), /^data\.auditLog\.0\.detail(\.deep)?(\.nested)+: nests deeper than/],
      ['4,000 levels of criteria', hostile((d) => (d.model.criteria[0]!.children = [deep as never])), /^data\.model\.criteria\.0\.children\.0(\.nested)+: nests deeper than/],
      ['criteria nested past the model limit', hostile((d) => {
        let node = d.model.criteria[0]!;
        for (let level = 0; level < 6; level++) {
          const child = { key: `deeper-${level}`, name: { en: `Deeper ${level}` }, description: {}, children: [] };
          node.children = [child];
          node = child;
        }
      }), /^data\.model\.criteria\.0\.children/],
      ['an answer about a node the model lacks', hostile((d) => (d.participants[0]!.judgments[0]!.nodeKey = 'nowhere')), /^data\.participants\.0\.judgments\.0\.nodeKey: The model has no node "nowhere"/],
      ['a round asking a node the model lacks', hostile((d) => {
        d.rounds = [{ number: 1, status: 'open', nodeKeys: ['goal', 'nowhere'], openedAt: d.exportedAt, closedAt: null, resultError: null }];
      }), /^data\.rounds\.0\.nodeKeys\.1: The model has no node "nowhere"/],
      ['a result of no known shape', hostile((d) => ((d.results[0] as Record<string, unknown>).result = { kind: 'hierarchy', nodes: 'garbage' })), /^data\.results\.0\.result/],
      ['a result with text for a weight', hostile((d) => {
        const nodes = (d.results[0]!.result as unknown as { nodes: Record<string, { weights: Record<string, unknown> }> }).nodes;
        const weights = nodes[firstNode()]!.weights;
        weights[Object.keys(weights)[0]!] = 'NaN';
      }), /^data\.results\.0\.result/],
      ['a result with an infinite lambda', hostile((d) => {
        (d.results[0]!.result as unknown as { nodes: Record<string, { lambdaMax: unknown }> }).nodes[firstNode()]!.lambdaMax = '1e999';
      }), /^data\.results\.0\.result/],
      ['a prototype key in the profile', hostile((d) => (d.profile = { definitionVersion: 1, ratings: { ['__proto__']: 3 } as never, regionalPriorities: {}, updatedAt: d.exportedAt })), /^data\.profile\.ratings\.__proto__: "__proto__" is not allowed/],
      ['a null byte in the title', hostile((d) => (d.session.title = 'Imported\u0000')), /^data\.session\.title: contains a null byte/],
      ['a lone surrogate in a criterion name', hostile((d) => (d.model.criteria[0]!.name = { en: 'Economic \ud83d growth' })), /^data\.model\.criteria\.0\.name\.en: contains a lone surrogate/],
    ];
    const before = await totals();
    for (const [name, data, message] of corpus) {
      const answer = await requestOverHttp(db(), post('session.import', JSON.stringify({ json: { data } })));
      expect(answer.status, name).toBe(400);
      const error = parsed(answer.text);
      // Contract issues name their field in the message; the service's reference checks send it as appError.field.
      const field = error.data.appError?.field;
      expect(field && !error.message.startsWith(field) ? `${field}: ${error.message}` : error.message, name).toMatch(message);
    }
    expect(await totals()).toEqual(before);

    const accepted = await requestOverHttp(db(), post('session.import', JSON.stringify({ json: { data: genuine } })));
    expect(accepted.status).toBe(200);
    expect((await totals()).sessions).toBe(before.sessions! + 1);
  });
});

describeOnEveryEngine('unexpected errors', (database) => {
  const db = () => database().handle.db;

  it('reach the client as a generic message and an error id; the log has the real error under that id', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Server-side callers skip the HTTP input check, so a null byte reaches SQL and the database refuses it.
    const failing = callerFor(db()).session.create({ title: 'Chemicals\u0000 cluster' });
    const error = await failing.then(
      () => {
        throw new Error('the null byte was stored');
      },
      (e: unknown) => e as Error & { code: string },
    );
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    const errorId = error.message.match(/\(error id ([0-9a-f]{12})\)/)?.[1];
    expect(error.message).toMatch(/^Something went wrong on the server \(error id [0-9a-f]{12}\)/);
    expect(serverInternalsIn(error.message)).toEqual([]);
    const line = logged.mock.calls.find((call) => String(call[0]).includes(`[error ${errorId}]`));
    expect(line, 'the log names the id').toBeDefined();
    expect(String(line![0])).toContain('session.create');
    // The log keeps what the client must not see: the failed statement.
    expect(serverInternalsIn(String((line![1] as Error).message ?? line![1]))).toContain('a failed query');
  });

  it('are hidden when they happen outside a procedure too, with no stack trace in development', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await handleTrpcRequest(new Request('http://localhost/api/trpc/catalogue.models'), () => {
      throw new Error('connect ECONNREFUSED: select * from "sessions" where "token" = $1');
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(serverInternalsIn(text)).toEqual([]);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.json.data).not.toHaveProperty('stack');
    expect(body.error.json.data.errorId).toMatch(/^[0-9a-f]{12}$/);
    expect(logged.mock.calls.some((call) => String(call[0]).includes(`[error ${body.error.json.data.errorId}]`))).toBe(true);
    // The inner context is what the real route builds; a working one answers.
    const working = await handleTrpcRequest(new Request('http://localhost/api/trpc/catalogue.models'), () => createInnerContext({ db: db() }));
    expect(working.status).toBe(200);
  });
});
