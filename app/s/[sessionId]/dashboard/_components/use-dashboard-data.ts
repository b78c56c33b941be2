'use client';

import { type QueryKey, keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { serverErrorInfo } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import type { RoomEvent } from '~/app/_components/workshop/use-room-events';
import { useRoomEvents } from '~/app/_components/workshop/use-room-events';

/** Events that change nothing the dashboard's tables show (only the live panel, which has its own query, or the reasons, which have theirs). */
const LIVE_ONLY_KINDS = new Set(['item.changed', 'item.revealed', 'item.hidden', 'mode.changed', 'comment.saved']);
const ROUND_KINDS = new Set(['round.closed', 'round.opened', 'item.revote', 'sync']);
const COMMENT_KINDS = new Set(['comment.saved', 'participant.removed', 'session.changed', 'sync']);
/** A slow safety net under the event stream, as on the public screens (app/w/_components/use-room.ts). */
const RESYNC_MS = 60_000;
/** How many of the widest judgment spreads the dashboard lists. */
export const TOP_DISAGREEMENTS = 5;

/**
 * Refetches one query, never more than one request at a time: a burst of events while a request is running
 * asks for one more afterwards, so a room of 200 answering at once costs the dashboard two requests, not 200.
 */
function useCoalescedRefetch(queryKey: QueryKey) {
  const queryClient = useQueryClient();
  const state = useRef({ isRunning: false, isAgain: false });
  const keyRef = useRef(queryKey);
  useEffect(() => {
    keyRef.current = queryKey;
  });
  return useCallback(async () => {
    const s = state.current;
    if (s.isRunning) {
      s.isAgain = true;
      return;
    }
    s.isRunning = true;
    try {
      do {
        s.isAgain = false;
        await queryClient.refetchQueries({ queryKey: keyRef.current, exact: true });
      } while (s.isAgain);
    } finally {
      s.isRunning = false;
    }
  }, [queryClient]);
}

const noRetryOn = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'];
const retry = (failures: number, error: unknown) => failures < 2 && !noRetryOn.includes(serverErrorInfo(error).code ?? '');

/**
 * The dashboard's data, sent with the facilitator's stored link: the session (model names), the live state (with
 * the tally before it is revealed), the dashboard figures and the rounds. The facilitator's link cannot go over
 * an EventSource, so the dashboard follows the room's public event stream and refetches these on each event.
 */
export function useDashboardData(sessionId: string, { enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const session = useQuery({ ...trpc.session.get.queryOptions({ sessionId }), enabled, retry });
  const live = useQuery({ ...trpc.workshop.live.queryOptions({ sessionId }), enabled, retry, refetchInterval: RESYNC_MS });
  const dashboard = useQuery({
    ...trpc.workshop.dashboard.queryOptions({ sessionId, topDisagreements: TOP_DISAGREEMENTS }),
    enabled,
    retry,
    refetchInterval: RESYNC_MS,
    placeholderData: keepPreviousData,
  });
  const rounds = useQuery({ ...trpc.workshop.rounds.queryOptions({ sessionId }), enabled, retry, placeholderData: keepPreviousData });
  const comments = useQuery({
    ...trpc.judgment.comments.queryOptions({ sessionId }),
    enabled,
    retry,
    refetchInterval: RESYNC_MS,
    placeholderData: keepPreviousData,
  });

  const refetchLive = useCoalescedRefetch(trpc.workshop.live.queryKey({ sessionId }));
  const refetchDashboard = useCoalescedRefetch(trpc.workshop.dashboard.queryKey({ sessionId, topDisagreements: TOP_DISAGREEMENTS }));
  const refetchRounds = useCoalescedRefetch(trpc.workshop.rounds.queryKey({ sessionId }));
  const refetchSession = useCoalescedRefetch(trpc.session.get.queryKey({ sessionId }));
  const refetchComments = useCoalescedRefetch(trpc.judgment.comments.queryKey({ sessionId }));

  const connection = useRoomEvents(live.data?.roomCode ?? null, (event: RoomEvent) => {
    void refetchLive();
    if (event.kinds.some((kind) => !LIVE_ONLY_KINDS.has(kind))) void refetchDashboard();
    if (event.kinds.some((kind) => ROUND_KINDS.has(kind))) void refetchRounds();
    if (event.kinds.includes('session.changed')) void refetchSession();
    // A reason changes nothing else; a removed participant or a model edit may take reasons away.
    if (event.kinds.some((kind) => COMMENT_KINDS.has(kind))) void refetchComments();
  });

  const refreshAll = useCallback(() => {
    void refetchLive();
    void refetchDashboard();
    void refetchRounds();
    void refetchComments();
  }, [refetchLive, refetchDashboard, refetchRounds, refetchComments]);

  return { session, live, dashboard, rounds, comments, connection, refreshAll };
}
