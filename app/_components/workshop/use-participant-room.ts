'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPCClient } from '~/app/_trpc/client';
import type { LiveStateData } from './types';
import { useRoom } from './use-room';
import type { AnswerGateState } from '~/core/model';

/** Without a room code there is no event stream to follow: a room opened later is noticed by this slower read. */
const NO_ROOM_RESYNC_MS = 30_000;

/**
 * The workshop state a participant page (questionnaire, own result) follows: read once with the participant's
 * link, then, once the session has a room, kept current by the room's live events like the phones' vote screen.
 * Null while unknown or where the session has no workshop state to say (never read, link refused).
 */
export function useParticipantRoom(sessionId: string, token?: string): LiveStateData | null {
  const trpcClient = useTRPCClient();
  const first = useQuery({
    queryKey: ['workshop.live.participant-page', sessionId],
    // Without an explicit token the client sends the link this browser holds for the session.
    queryFn: () => trpcClient.workshop.live.query({ sessionId }, token ? { context: { token } } : undefined),
    retry: false,
    refetchOnWindowFocus: false,
    refetchInterval: (query) => (query.state.data?.roomCode ? false : NO_ROOM_RESYNC_MS),
  });
  const roomCode = first.data?.roomCode ?? null;
  const { room } = useRoom(roomCode);
  if (room.data && first.data && room.data.live.seq >= first.data.seq) return room.data.live;
  return first.data ?? null;
}

/** What a participant page may still take, as the server decides it (assertOpenForAnswers): the same reading everywhere. */
export type RoomGate =
  | { kind: 'open' }
  | { kind: 'live'; roomCode: string }
  | { kind: 'round-closed'; round: number }
  | { kind: 'session-closed' };

export function roomGate(live: LiveStateData | null, sessionStatus?: string): RoomGate {
  if (sessionStatus === 'closed' || live?.status === 'closed') return { kind: 'session-closed' };
  if (!live) return { kind: 'open' };
  if (live.round.status === 'closed') return { kind: 'round-closed', round: live.round.number };
  if (live.mode === 'live' && live.roomCode) return { kind: 'live', roomCode: live.roomCode };
  return { kind: 'open' };
}

/** core's answer gate read off the live state a page holds. */
export function gateStateOf(live: LiveStateData): AnswerGateState {
  return {
    mode: live.mode,
    currentItem: live.current,
    isRevealed: live.isRevealed,
    votingEndsAt: live.votingEndsAt ? Date.parse(live.votingEndsAt) : null,
    round: live.round,
  };
}
