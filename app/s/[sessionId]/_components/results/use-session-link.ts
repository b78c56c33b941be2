'use client';

import { useEffect, useState } from 'react';
import { useTRPCClient } from '~/app/_trpc/client';
import { rememberLink, tokenFor } from '~/app/_trpc/link-tokens';

type LinkState = 'checking' | 'ready' | 'missing';

/**
 * Whether this browser holds a link for the session. A link opened straight onto this page (`…/results#key=…`)
 * is first stored under the role the server gives it, then the fragment is dropped from the address bar so
 * the token is not left on screen or in a screenshot.
 */
export function useSessionLink(sessionId: string): LinkState {
  const client = useTRPCClient();
  const [state, setState] = useState<LinkState>('checking');
  useEffect(() => {
    let isCurrent = true;
    const key = new URLSearchParams(window.location.hash.slice(1)).get('key');
    if (!key) {
      setState(tokenFor(sessionId) ? 'ready' : 'missing');
      return;
    }
    client.session.get
      .query({ sessionId }, { context: { token: key } })
      .then((session) => {
        rememberLink({ sessionId, token: key, role: session.access.role });
        // Keep the router's own history state: Next.js keeps its tree there.
        window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
        if (isCurrent) setState('ready');
      })
      .catch(() => {
        if (isCurrent) setState(tokenFor(sessionId) ? 'ready' : 'missing');
      });
    return () => {
      isCurrent = false;
    };
  }, [client, sessionId]);
  return state;
}
