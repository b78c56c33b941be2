'use client';

import { useCallback, useEffect, useState } from 'react';
import { readLinks } from '~/app/_trpc/link-tokens';
import { takeKeyFromFragment } from '~/app/_trpc/link-fragment';

type ParticipantLink =
  | { status: 'reading' }
  /** A link opened with its key in the fragment: which role it has is asked of the server first. */
  | { status: 'checking'; token: string }
  | { status: 'ready'; token: string }
  | { status: 'missing'; inviteToken: string | null };

/**
 * The participant token of this session, from the links this browser keeps. The questionnaire always sends it
 * explicitly: the same browser may also hold the facilitator's link, which the client would otherwise prefer.
 */
export function useParticipantLink(sessionId: string) {
  const [link, setLink] = useState<ParticipantLink>({ status: 'reading' });

  const reread = useCallback(() => {
    const links = readLinks().filter((l) => l.sessionId === sessionId);
    const participant = links.find((l) => l.role === 'participant');
    setLink(
      participant
        ? { status: 'ready', token: participant.token }
        : { status: 'missing', inviteToken: links.find((l) => l.role === 'invite')?.token ?? null },
    );
  }, [sessionId]);

  useEffect(() => {
    const fromFragment = takeKeyFromFragment();
    if (fromFragment) setLink({ status: 'checking', token: fromFragment });
    else reread();
  }, [reread]);

  return { link, reread };
}
