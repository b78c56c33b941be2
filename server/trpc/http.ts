import 'server-only';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import type { InnerContext } from './context';
import { appRouter } from './root';

/** The most any tRPC request body may hold; the largest ordinary input (a model edit, a template) is a few kilobytes. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
/**
 * What `session.import` may take: a whole exported session with its answers, results and audit log. Bounded so that
 * one request cannot hold the server (parsing, checking and writing) for minutes.
 */
export const MAX_IMPORT_REQUEST_BYTES = 16 * 1024 * 1024;

const IMPORT_PATH = 'session.import';

/** Below this size a JSON answer is sent as it is; above it Next's gzip compresses it as usual. */
const COMPRESS_FROM_BYTES = 4096;

/** The procedure paths of a request: `/api/trpc/a.b,c.d?batch=1` names two. */
function procedurePaths(url: URL, endpoint: string): string[] {
  const raw = url.pathname.slice(endpoint.length + 1);
  try {
    return decodeURIComponent(raw).split(',');
  } catch {
    // A malformed escape names no procedure: tRPC refuses it (400) after the ordinary cap.
    return raw.split(',');
  }
}

function bodyLimitFor(paths: string[]): number {
  return paths.every((path) => path === IMPORT_PATH) ? MAX_IMPORT_REQUEST_BYTES : MAX_REQUEST_BYTES;
}

const TOO_LARGE = Symbol('too large');

/**
 * The body, read up to `limit` bytes: refused at once when Content-Length already says more, and while reading
 * when the header is missing (chunked) or understates it.
 */
async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | typeof TOO_LARGE> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return TOO_LARGE;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A 413 in the shape tRPC clients read (one entry per call of a batch), with a message that says the limit. */
function payloadTooLarge(url: URL, paths: string[], limit: number): Response {
  const megabytes = limit / (1024 * 1024);
  const error = new TRPCError({
    code: 'PAYLOAD_TOO_LARGE',
    message:
      paths.every((path) => path === IMPORT_PATH)
        ? `The file is too large to import: at most ${megabytes} MB is accepted.`
        : `The request is too large: at most ${megabytes} MB is accepted.`,
  });
  const config = appRouter._def._config;
  const entries = paths.map((path) => ({
    error: config.transformer.output.serialize(getErrorShape({ config, error, type: 'unknown', path, input: undefined, ctx: undefined })),
  }));
  const body = url.searchParams.get('batch') === '1' ? entries : entries[0];
  return new Response(JSON.stringify(body), {
    status: 413,
    // The rest of an oversized body is not read: the connection cannot carry another request after it.
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' },
  });
}

/**
 * Next gzips every streamed response, however small, and cannot be told per route. For an answer's
 * acknowledgment (a few hundred bytes, about 100 a second from a room of 200) that cost more CPU than anything
 * else in a save: a deflate stream, a thread-pool round trip and four socket writes instead of one. So a small
 * JSON answer says `no-transform`, which the compression middleware honours; large ones such as the dashboard
 * are still compressed, and event streams pass through untouched.
 */
async function skipCompressionWhenSmall(response: Response): Promise<Response> {
  const isWholeJson = response.headers.get('content-type')?.startsWith('application/json') && !response.headers.has('transfer-encoding');
  if (!isWholeJson || !response.body) return response;
  const body = await response.arrayBuffer();
  if (body.byteLength >= COMPRESS_FROM_BYTES) return new Response(body, response);
  const headers = new Headers(response.headers);
  headers.set('cache-control', 'no-store, no-transform');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

export const TRPC_ENDPOINT = '/api/trpc';

/**
 * The whole of `/api/trpc`: the body bounded (MAX_REQUEST_BYTES, MAX_IMPORT_REQUEST_BYTES for an import), then
 * tRPC. The route handler and the HTTP-level tests both call this.
 */
export async function handleTrpcRequest(request: Request, createContext: (request: Request) => InnerContext): Promise<Response> {
  const url = new URL(request.url);
  let req = request;
  if (request.body) {
    const paths = procedurePaths(url, TRPC_ENDPOINT);
    const limit = bodyLimitFor(paths);
    const body = await readBoundedBody(request, limit);
    if (body === TOO_LARGE) return payloadTooLarge(url, paths, limit);
    req = new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
  }
  const response = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: () => createContext(req),
    // Queries may come as POST so that inputs (such as the tokens given to session.list) stay out of URLs and logs.
    allowMethodOverride: true,
  });
  return skipCompressionWhenSmall(response);
}
