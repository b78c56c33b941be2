'use client';

import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '~/app/_trpc/client';
import type { LiveStateData } from './types';

/** What a live view is told: what changed (`sync` first, or after a gap) and the public state after it. */
export type RoomEvent = { seq: number; kinds: string[]; state: LiveStateData };

/** connecting: first connection; live: events arrive; reconnecting: the stream dropped and is being re-opened. */
export type LiveConnection = 'off' | 'connecting' | 'live' | 'reconnecting';

/** A refused stream (the room code was released, the server restarted mid-handshake) is tried again after this. */
const RETRY_AFTER_ERROR_MS = 5000;

/**
 * The room's live events over server-sent events (`workshop.roomEvents`, public by room code). The EventSource
 * reconnects by itself and tRPC sends the last event id back, so a dropped connection catches up with one `sync`
 * event carrying the current state. `onEvent` always sees the latest closure (kept in a ref), so callers need not
 * memoise it.
 */
export function useRoomEvents(roomCode: string | null, onEvent: (event: RoomEvent) => void): LiveConnection {
  const trpc = useTRPC();
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const [hasConnected, setConnected] = useState(false);
  const subscription = useSubscription(
    trpc.workshop.roomEvents.subscriptionOptions(roomCode ? { roomCode } : skipToken, {
      onStarted: () => setConnected(true),
      onData: (envelope) => handler.current(envelope.data as RoomEvent),
    }),
  );
  const { status, reset } = subscription;
  useEffect(() => {
    if (status !== 'error') return;
    const timer = setTimeout(reset, RETRY_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);

  if (!roomCode || status === 'idle') return 'off';
  if (status === 'pending') return 'live';
  return hasConnected ? 'reconnecting' : 'connecting';
}
