import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '~/server/db';
import { createTRPCContext } from '~/server/trpc/context';
import { appRouter } from '~/server/trpc/root';

/** Every request reads or writes the database, so nothing here may be prerendered or cached. */
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
