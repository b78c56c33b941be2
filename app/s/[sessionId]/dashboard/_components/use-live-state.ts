'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '~/app/_trpc/client';
import type { LiveStateData } from '~/app/_components/workshop/types';

/** Shows the state a facilitator's step returned at once, before the room's event brings it round again. */
export function useSetLiveState(sessionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    (state: LiveStateData) =>
      queryClient.setQueryData(trpc.workshop.live.queryKey({ sessionId }), (old) =>
        old && old.seq > state.seq ? old : { ...state, myAnswers: null, myRound: null },
      ),
    [queryClient, sessionId, trpc],
  );
}
