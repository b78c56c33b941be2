import 'server-only';
import { and, eq } from 'drizzle-orm';
import { accessTokens } from '~/db/schema';
import type { ServiceArgs, ServiceContext, SessionAccess } from '../context';
import { hashToken } from './tokens';

/**
 * What `token` may do in `sessionId`, or null when it opens nothing there. A token of another session and an
 * unknown token look the same to the caller, so a probe learns nothing about which sessions exist.
 */
export async function resolveAccess({
  ctx,
  input,
}: ServiceArgs<ServiceContext, { token: string; sessionId: string }>): Promise<SessionAccess | null> {
  const [row] = await ctx.db
    .select({ role: accessTokens.role, participantId: accessTokens.participantId })
    .from(accessTokens)
    .where(and(eq(accessTokens.tokenHash, hashToken(input.token)), eq(accessTokens.sessionId, input.sessionId)))
    .limit(1);
  if (!row) return null;
  if (row.role === 'participant') {
    return row.participantId ? { role: 'participant', sessionId: input.sessionId, participantId: row.participantId } : null;
  }
  return { role: row.role, sessionId: input.sessionId };
}
