import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '~/server/db';
import { createTRPCContext } from '~/server/trpc/context';
import { appRouter } from '~/server/trpc/root';

/**
 * Every request reads or writes the database, so nothing here may be prerendered or cached. The workshop
 * subscriptions (workshop.events, workshop.roomEvents) are long GET requests answered as a server-sent event
 * stream (Node.js runtime, the default, which the database drivers need too); each ends when the client's request is
 * aborted, which tRPC passes on to the subscription as its `signal`.
 * @see https://trpc.io/docs/server/subscriptions
 */
export const dynamic = 'force-dynamic';

/** Below this size a JSON answer is sent as it is; above it Next's gzip compresses it as usual. */
const COMPRESS_FROM_BYTES = 4096;

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

async function handler(req: Request) {
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, db: getDb() }),
    // Queries may come as POST so that inputs (such as the tokens given to session.list) stay out of URLs and logs.
    allowMethodOverride: true,
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '(unknown)'} failed:`, error.cause ?? error);
    },
  });
  return skipCompressionWhenSmall(response);
}

export { handler as GET, handler as POST };
