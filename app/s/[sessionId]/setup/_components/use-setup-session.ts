'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppRouter } from '~/server/trpc/root';
import type { SaveStatus } from '../../../../_components/save-state';
import { isConflict, serverErrorInfo } from '../../../../_components/use-error-text';
import { useTRPC } from '../../../../_trpc/client';

export type SetupSessionData = inferRouterOutputs<AppRouter>['session']['get'];
export type CriterionView = SetupSessionData['model']['criteria'][number];
export type AlternativeView = SetupSessionData['model']['alternatives'][number];

/** Runs one change against the version it is given and returns the session's new version. */
export type Change<T extends { version: number }> = (expectedVersion: number) => Promise<T>;

/**
 * The session being set up, and `save`, through which every change goes. Every change names the version it was
 * made on (optimistic concurrency), and each one raises the version, so changes are queued one after another,
 * each sent with the version the previous one returned. On a CONFLICT (someone else changed the session) the
 * session is reloaded and `conflict` is raised so the screen can say so.
 */
export function useSetupSession(sessionId: string, { enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...trpc.session.get.queryOptions({ sessionId }),
    enabled,
    retry: (failures, error) => failures < 2 && !['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(serverErrorInfo(error).code ?? ''),
  });
  const versionRef = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Changes queued or running; the saved state shows only when none is left. */
  const waiting = useRef(0);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [lastError, setLastError] = useState<unknown>(null);
  const [hasConflict, setConflict] = useState(false);

  const loadedVersion = query.data?.version ?? 0;
  useEffect(() => {
    versionRef.current = Math.max(versionRef.current, loadedVersion);
  }, [loadedVersion]);

  const save = useCallback(
    <T extends { version: number }>(change: Change<T>): Promise<T> => {
      const queryKey = trpc.session.get.queryKey({ sessionId });
      const run = async () => {
        let failed = false;
        try {
          const result = await change(versionRef.current);
          versionRef.current = Math.max(versionRef.current, result.version);
          setConflict(false);
          // Reload once the queue is empty: reloading between queued changes would briefly undo the later ones.
          if (waiting.current === 1) await queryClient.invalidateQueries({ queryKey });
          void queryClient.invalidateQueries({ queryKey: trpc.session.list.pathKey() });
          return result;
        } catch (error) {
          failed = true;
          setLastError(error);
          if (isConflict(error)) {
            setConflict(true);
            const fresh = await queryClient.fetchQuery({ ...trpc.session.get.queryOptions({ sessionId }), staleTime: 0 });
            versionRef.current = fresh.version;
          } else {
            // Undo whatever the screen showed ahead of the server.
            void queryClient.invalidateQueries({ queryKey });
          }
          throw error;
        } finally {
          waiting.current -= 1;
          if (waiting.current === 0) setStatus(failed ? 'error' : 'saved');
        }
      };
      waiting.current += 1;
      setStatus('saving');
      const next = queue.current.catch(() => undefined).then(run);
      queue.current = next;
      return next;
    },
    [queryClient, sessionId, trpc],
  );

  /** Shows a change before the server has confirmed it (a reorder), so a second key press builds on the first. */
  const showAhead = useCallback(
    (change: (data: SetupSessionData) => SetupSessionData) =>
      queryClient.setQueryData(trpc.session.get.queryKey({ sessionId }), (data) => (data ? change(data) : data)),
    [queryClient, sessionId, trpc],
  );

  return { query, save, showAhead, status, lastError, hasConflict, dismissConflict: () => setConflict(false) };
}

export type SetupSession = ReturnType<typeof useSetupSession>;
