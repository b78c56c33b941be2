'use client';

import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '~/server/trpc/root';
import { fetchWithEarlyCall, TRPC_URL } from './early-call';
import { tokenFor } from './link-tokens';
import { makeQueryClient } from './query-client';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

function sessionIdOf(input: unknown): string | null {
  if (input && typeof input === 'object' && 'sessionId' in input && typeof input.sessionId === 'string') {
    return input.sessionId;
  }
  return null;
}

/**
 * One request per call (httpLink, not batching) because each call carries the token of its own session in
 * `authorization`; an explicit `context.token` wins (joining sends the invite token). Queries go as POST so
 * no input lands in a URL.
 *
 * Subscriptions go over server-sent events (httpSubscriptionLink: the browser's EventSource, which reconnects by
 * itself and sends the last tracked event id back as `lastEventId`). An EventSource cannot send headers, and the
 * server reads a link token only from `authorization`, so live views subscribe to the public
 * `workshop.roomEvents` (by room code) and refetch their authorised queries when an event arrives.
 * @see https://trpc.io/docs/client/links/httpSubscriptionLink
 */
function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: TRPC_URL, transformer: superjson }),
        false: httpLink({
          url: TRPC_URL,
          transformer: superjson,
          methodOverride: 'POST',
          // The page's first call may already be on its way, started by the page's inline script (early-call.ts).
          fetch: fetchWithEarlyCall,
          headers({ op }) {
            const explicit = typeof op.context.token === 'string' ? op.context.token : null;
            const sessionId = sessionIdOf(op.input);
            const token = explicit ?? (sessionId ? tokenFor(sessionId) : null);
            return token ? { authorization: `Bearer ${token}` } : {};
          },
        }),
      }),
    ],
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(createClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
