'use client';

import { keyInFragment } from '~/app/_trpc/stored-links';

/**
 * Reads the token of a link (`...#key=<token>`) from the address bar and takes it out again, so it is neither
 * left on screen nor kept in the browser history; the token never reaches the server in a URL.
 */
export function takeKeyFromFragment(): string | null {
  if (typeof window === 'undefined') return null;
  const key = keyInFragment(window.location.hash);
  if (!key) return null;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return key;
}
