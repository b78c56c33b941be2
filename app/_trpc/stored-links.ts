/**
 * How a browser keeps its links (localStorage) and finds a link's key in the address bar, as pure functions.
 * Not a client module: the questionnaire page inlines the source of `parseLinks` and `keyInFragment` into its
 * HTML (see early-call.ts), so both must stay self-contained — no imports, no outside names, no helpers.
 */
export const LINKS_STORAGE_KEY = 'clusterwise.links';

export type StoredLink = { sessionId: string; token: string; role: 'facilitator' | 'participant' | 'invite' };

/** The links stored under LINKS_STORAGE_KEY; anything unreadable counts as none. Self-contained (inlined). */
export function parseLinks(raw: string | null): StoredLink[] {
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(parsed) ? (parsed as StoredLink[]) : [];
  } catch {
    return [];
  }
}

/** The token of a link opened as `...#key=<token>`, or null. Self-contained (inlined). */
export function keyInFragment(hash: string): string | null {
  const match = /(?:^#|&)key=([A-Za-z0-9_-]+)/.exec(hash);
  return match?.[1] ?? null;
}
