import { TRPCClientError, createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import type { AppRouter } from '~/server/trpc/root';

/**
 * The app's API from Node, linked as the browser's client links it (app/_trpc/client.tsx): one HTTP request per
 * call with the link token as `authorization: Bearer`, queries sent as POST, superjson; subscriptions over
 * server-sent events. Node 20 has no EventSource, so the `eventsource` package supplies one.
 */
export function createApiClient(baseUrl: string, token: string | null = null) {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, EventSource }),
        false: httpLink({
          url: `${baseUrl}/api/trpc`,
          transformer: superjson,
          methodOverride: 'POST',
          headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
        }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The AppError code of a refused call (RATE_LIMITED, NOT_FOUND...), the tRPC code otherwise, or the error's name. */
export function errorCodeOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { appError?: { code?: string } | null; code?: string } | undefined;
    return data?.appError?.code ?? data?.code ?? 'NETWORK';
  }
  return error instanceof Error ? error.name : 'UNKNOWN';
}
