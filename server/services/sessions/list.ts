import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { ListSessionsInput } from '~/core/contracts/session';
import { accessTokens, sessions } from '~/db/schema';
import { hashToken } from '../access/tokens';
import type { ServiceArgs, ServiceContext } from '../context';
import { toSessionSummary } from '../sessions/views';

/**
 * Summaries of the sessions the given tokens open, one per token that opens something; unknown tokens are
 * ignored. The browser keeps its links, the server keeps no list of who holds what.
 */
export async function listSessions({ ctx, input }: ServiceArgs<ServiceContext, ListSessionsInput>) {
  if (input.tokens.length === 0) return [];
  const byHash = new Map(input.tokens.map((token) => [hashToken(token), token]));
  const rows = await ctx.db
    .select({ tokenHash: accessTokens.tokenHash, role: accessTokens.role, session: sessions })
    .from(accessTokens)
    .innerJoin(sessions, eq(sessions.id, accessTokens.sessionId))
    .where(inArray(accessTokens.tokenHash, [...byHash.keys()]));
  return rows
    .map((row) => ({ token: byHash.get(row.tokenHash) ?? '', role: row.role, ...toSessionSummary(row.session) }))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}
