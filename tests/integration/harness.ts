import { readFile } from 'node:fs/promises';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createScratchPostgres } from '~/bench/support/scratch-postgres';
import { type Db, type DbHandle, MEMORY_URL, createDb } from '~/db/client';
import { env } from '~/server/env.js';
import { type InnerContext, createInnerContext, readBearerToken } from '~/server/trpc/context';
import { handleTrpcRequest } from '~/server/trpc/http';
import { appRouter, createCaller } from '~/server/trpc/root';
import { recordServerErrorLeaks } from './server-error-leaks';

export { serverInternalsIn } from './server-error-leaks';

export type EngineName = 'pglite' | 'postgresql';

/** A migrated and seeded database of its own for one test file, and its URL for child processes. */
export type TestDatabase = { engine: EngineName; url: string; handle: DbHandle; close(): Promise<void> };

/**
 * Opens a copy of the database the global set-up migrated and seeded (tests/integration/global-setup.ts), so a
 * suite starts from the same state without paying for initdb, migrations and seeding again.
 */
export async function openTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = createDb(MEMORY_URL, { loadDataDir: await pgliteSnapshot() });
    return { engine, url: MEMORY_URL, handle, close: () => handle.close() };
  }
  const template = inject('postgresTemplate');
  if (!env.TEST_DATABASE_URL || !template) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchPostgres(env.TEST_DATABASE_URL, { template });
  const handle = createDb(scratch.url);
  return {
    engine,
    url: scratch.url,
    handle,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}

let snapshot: Promise<Blob> | undefined;
function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= readFile(inject('pgliteSnapshotPath')).then((bytes) => new Blob([bytes]));
  return snapshot;
}

export const hasPostgres = Boolean(env.TEST_DATABASE_URL);

/**
 * Defines the same suite on in-memory PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL; without it
 * the PostgreSQL copy shows up as skipped, with the reason in its name.
 */
export function describeOnEveryEngine(title: string, define: (database: () => TestDatabase) => void): void {
  for (const engine of ['pglite', 'postgresql'] as const) {
    if (engine === 'postgresql' && !hasPostgres) {
      describe.skip(`${title} [PostgreSQL: skipped, TEST_DATABASE_URL is not set]`, () => define(() => unreachable()));
      continue;
    }
    describe(`${title} [${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(engine);
      });
      afterAll(async () => {
        await database?.close();
      });
      define(() => database ?? unreachable());
    });
  }
}

function unreachable(): never {
  throw new Error('the test database is not open');
}

/** The JSON a browser would receive for `error` from `path`: tRPC's error shape through the app's formatter. */
function clientShapeOf(error: TRPCError, path: string, ctx: InnerContext | undefined): string {
  const config = appRouter._def._config;
  return JSON.stringify(config.transformer.output.serialize(getErrorShape({ config, error, type: 'unknown', path, input: undefined, ctx })));
}

/** A caller over `ctx` whose every 5xx is checked for server internals, as the browser would receive it. */
export function checkedCaller(ctx: InnerContext) {
  return createCaller(ctx, {
    onError({ error, path }) {
      recordServerErrorLeaks(path ?? '(unknown)', getHTTPStatusCodeFromError(error), clientShapeOf(error, path ?? '', ctx));
    },
  });
}

/** A tRPC caller as a browser holding `token` (or none) would be. */
export function callerFor(db: Db, token?: string | null) {
  return checkedCaller(createInnerContext({ db, token: token ?? null }));
}

/**
 * One HTTP request through the app's own `/api/trpc` handler (body limits, input checks, the error formatter), with
 * a 5xx's body checked for server internals like every caller's. Returns the status and the body as text.
 */
export async function requestOverHttp(db: Db, request: Request): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await handleTrpcRequest(request, (req) => createInnerContext({ db, token: readBearerToken(req.headers) }));
  const text = await response.text();
  recordServerErrorLeaks(new URL(request.url).pathname, response.status, text);
  return { status: response.status, text, headers: response.headers };
}

