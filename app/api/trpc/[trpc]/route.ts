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

function handler(req: Request) {
  return fetchRequestHandler({
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
}

export { handler as GET, handler as POST };
