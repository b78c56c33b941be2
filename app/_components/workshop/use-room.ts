'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { serverErrorInfo } from '~/app/_components/use-error-text';
import { useTRPC, useTRPCClient } from '~/app/_trpc/client';
import type { RoomData } from './types';
import { type RoomEvent, useRoomEvents } from './use-room-events';

/** Kinds after which the room's own data (title, question, status, model) is read again; the live state comes with every event. */
const ROOM_KINDS = new Set(['session.changed', 'sync']);
/**
 * A slow safety net under the event stream: a screen left open for an hour re-reads the room now and then, so a
 * notice lost on the server side (a process restarted between the write and its publish) cannot leave it stale.
 */
const RESYNC_MS = 30_000;

/**
 * The room as the public views (projector, phone) show it: read by its code, then kept current by the room's
 * live events, each carrying the fresh state. A state never goes back: a read that started before an event and
 * ended after it keeps the newer live state (by the event sequence number).
 */
export function useRoom(roomCode: string | null, onEvent?: (event: RoomEvent) => void) {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  const queryKey = trpc.workshop.room.queryKey({ roomCode: roomCode ?? '' });
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
    queryClient.setQueryData<RoomData>(queryKey, (old) => (old && event.state.seq >= old.live.seq ? { ...old, live: event.state } : old));
    if (event.kinds.some((kind) => ROOM_KINDS.has(kind))) void queryClient.invalidateQueries({ queryKey, exact: true });
    onEvent?.(event);
  });
  return { room, connection };
}
