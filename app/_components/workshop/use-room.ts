'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { serverErrorInfo } from '~/app/_components/use-error-text';
import { useTRPC, useTRPCClient } from '~/app/_trpc/client';
import type { JoinedRoomData, LiveStateData, ParticipantLiveData, RoomData } from './types';
import { type RoomEvent, useRoomEvents } from './use-room-events';

/** Kinds after which the room's own data (title, question, status, model) is read again; the live state comes with every event. */
const ROOM_KINDS = new Set(['session.changed', 'sync']);
/**
 * A slow safety net under the event stream: a screen left open for an hour re-reads the room now and then, so a
 * notice lost on the server side (a process restarted between the write and its publish) cannot leave it stale.
 */
const RESYNC_MS = 30_000;

/**
 * The participant live states joins by room code gave, by session, until the vote page that follows takes its
 * own (useJoinedLive). In this module rather than the query cache: it is a hand-over from one page to the next,
 * read once, and must not stand in for the participant's state after that.
 */
const joinedLiveStates = new Map<string, ParticipantLiveData>();

/**
 * For the join form: puts what `workshop.joinByCode` answered where the vote page looks, so it shows the room at
 * once instead of reading the room and the participant's state again (a room of 300 joining within seconds).
 */
export function useSeedJoinedRoom() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (roomCode: string, joined: JoinedRoomData) => {
      queryClient.setQueryData<RoomData>(trpc.workshop.room.queryKey({ roomCode }), joined.room);
      joinedLiveStates.set(joined.sessionId, joined.live);
    },
    [queryClient, trpc],
  );
}

/**
 * The participant's live state from the join that led to this page (own answer and progress of someone who has
 * just joined), for the first read of their own state; undefined on any later visit, which reads it.
 */
export function useJoinedLive(sessionId: string): ParticipantLiveData | undefined {
  const [joined] = useState(() => joinedLiveStates.get(sessionId));
  useEffect(() => {
    joinedLiveStates.delete(sessionId);
  }, [sessionId]);
  return joined;
}

/** The round the own progress is counted in: the same number, status and questions. */
function isSameRound(a: LiveStateData, b: LiveStateData): boolean {
  return a.round.number === b.round.number && a.round.status === b.round.status && JSON.stringify(a.round.nodeKeys) === JSON.stringify(b.round.nodeKeys);
}

/**
 * The room as the public views (projector, phone) show it: read by its code, then kept current by the room's
 * live events, each carrying the fresh state. A state never goes back: a read that started before an event and
 * ended after it keeps the newer live state (by the event sequence number).
 *
 * After a join by room code (useSeedJoinedRoom) the room is in the cache already, read a moment ago with the new
 * participant's state. The stream's first event, a `sync`, then only brings the live state: when it is in the
 * same round, neither the room nor the participant's state (no answer yet, progress 0 of the round) can differ
 * from what the join gave, so it is not passed on as a sync (which makes the vote screen read its own state
 * again) and the room is not read again; a change of the room's own data in that moment waits for the resync.
 */
export function useRoom(roomCode: string | null, onEvent?: (event: RoomEvent) => void) {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  const queryKey = trpc.workshop.room.queryKey({ roomCode: roomCode ?? '' });
  const [joinedRoom] = useState(() => {
    const held = roomCode ? queryClient.getQueryData<RoomData>(queryKey) : undefined;
    return held && joinedLiveStates.has(held.sessionId) ? held : null;
  });
  const isFirstEvent = useRef(true);
  const room = useQuery({
    queryKey,
    queryFn: async () => {
      const fresh = await trpcClient.workshop.room.query({ roomCode: roomCode! });
      const held = queryClient.getQueryData<RoomData>(queryKey);
      return held && held.sessionId === fresh.sessionId && held.live.seq > fresh.live.seq ? { ...fresh, live: held.live } : fresh;
    },
    enabled: roomCode !== null,
    refetchInterval: RESYNC_MS,
    retry: (failures, error) => failures < 3 && !['NOT_FOUND', 'RATE_LIMITED'].includes(serverErrorInfo(error).code ?? ''),
  });
  const connection = useRoomEvents(room.data ? roomCode : null, (event) => {
    const isFirst = isFirstEvent.current;
    isFirstEvent.current = false;
    queryClient.setQueryData<RoomData>(queryKey, (old) => (old && event.state.seq >= old.live.seq ? { ...old, live: event.state } : old));
    const isJoinSync =
      isFirst && joinedRoom !== null && event.kinds.length === 1 && event.kinds[0] === 'sync' && isSameRound(joinedRoom.live, event.state);
    if (isJoinSync) return;
    if (event.kinds.some((kind) => ROOM_KINDS.has(kind))) void queryClient.invalidateQueries({ queryKey, exact: true });
    onEvent?.(event);
  });
  return { room, connection };
}
