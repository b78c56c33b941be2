import { getDb } from '~/server/db';
import { createTRPCContext } from '~/server/trpc/context';
import { handleTrpcRequest } from '~/server/trpc/http';

/**
 * Every request reads or writes the database, so nothing here may be prerendered or cached. The workshop
 * subscriptions (workshop.events, workshop.roomEvents) are long GET requests answered as a server-sent event
 * stream (Node.js runtime, the default, which the database drivers need too); each ends when the client's request is
 * aborted, which tRPC passes on to the subscription as its `signal`. Bodies are bounded in handleTrpcRequest.
 * @see https://trpc.io/docs/server/subscriptions
 */
export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return handleTrpcRequest(req, (request) => createTRPCContext({ headers: request.headers, db: getDb() }));
}

export { handler as GET, handler as POST };
