'use client';

import { LINKS_STORAGE_KEY, parseLinks, type StoredLink } from './stored-links';

export type { StoredLink };

/**
 * The links this browser holds, kept in localStorage: the server keeps no list of who holds what, so this is
 * how a browser finds its sessions again (session.list takes these tokens).
 */
export function readLinks(): StoredLink[] {
  if (typeof window === 'undefined') return [];
  try {
    return parseLinks(window.localStorage.getItem(LINKS_STORAGE_KEY));
  } catch {
    return [];
  }
}

export function rememberLink(link: StoredLink): void {
  const others = readLinks().filter((l) => !(l.sessionId === link.sessionId && l.role === link.role));
  window.localStorage.setItem(LINKS_STORAGE_KEY, JSON.stringify([link, ...others]));
}

/** Forgets every link of a session this browser holds (after the session is deleted). */
export function forgetSession(sessionId: string): void {
  const others = readLinks().filter((l) => l.sessionId !== sessionId);
  window.localStorage.setItem(LINKS_STORAGE_KEY, JSON.stringify(others));
}

const ROLE_PREFERENCE: StoredLink['role'][] = ['facilitator', 'participant', 'invite'];

/** The strongest link held for a session: what a call about that session is sent with. */
export function tokenFor(sessionId: string): string | null {
  const links = readLinks().filter((l) => l.sessionId === sessionId);
  for (const role of ROLE_PREFERENCE) {
    const found = links.find((l) => l.role === role);
    if (found) return found.token;
  }
  return null;
}
