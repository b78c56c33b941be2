import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { accessTokens } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { invitePath, issueToken } from './tokens';

/**
 * A new participant link, for a facilitator on another device (the server keeps only hashes, so the old link
 * cannot be shown again) or after a link leaked. The old invite stops working; people who already joined keep
 * their own personal links.
 */
export async function renewInvite({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  const { sessionId } = ctx.access;
  return ctx.db.transaction(async (tx) => {
    await tx.delete(accessTokens).where(and(eq(accessTokens.sessionId, sessionId), eq(accessTokens.role, 'invite')));
    const { token, tokenHash } = issueToken();
    await tx.insert(accessTokens).values({ sessionId, role: 'invite', tokenHash });
    return { sessionId, token, path: invitePath(sessionId, token) };
  });
}
