import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** 256 bits: far beyond guessing, and the same length for every role so a token reveals nothing. */
const TOKEN_BYTES = 32;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh token and the hash that is the only thing stored. */
export function issueToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/**
 * Links carry the token in the fragment (after #), which browsers never send to the server or in a Referer,
 * so tokens stay out of access logs; the page reads it and sends it as `authorization: Bearer <token>`.
 */
export function facilitatorPath(sessionId: string, token: string): string {
  return `/s/${sessionId}#key=${token}`;
}

export function invitePath(sessionId: string, token: string): string {
  return `/join/${sessionId}#key=${token}`;
}

export function participantPath(sessionId: string, token: string): string {
  return `/s/${sessionId}#key=${token}`;
}
