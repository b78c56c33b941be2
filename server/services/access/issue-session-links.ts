import 'server-only';
import type { Db } from '~/db/client';
import { accessTokens } from '~/db/schema';
import { facilitatorPath, invitePath, issueToken } from './tokens';

export type SessionLinks = {
  sessionId: string;
  facilitator: { token: string; path: string };
  invite: { token: string; path: string };
};

/** A new session (created, duplicated or imported) gets its own facilitator and invite links, never copied ones. */
export async function issueSessionLinks(tx: Db, sessionId: string): Promise<SessionLinks> {
  const facilitator = issueToken();
  const invite = issueToken();
  await tx.insert(accessTokens).values([
    { sessionId, role: 'facilitator', tokenHash: facilitator.tokenHash },
    { sessionId, role: 'invite', tokenHash: invite.tokenHash },
  ]);
  return {
    sessionId,
    facilitator: { token: facilitator.token, path: facilitatorPath(sessionId, facilitator.token) },
    invite: { token: invite.token, path: invitePath(sessionId, invite.token) },
  };
}
