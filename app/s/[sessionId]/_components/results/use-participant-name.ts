'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { ParticipantInResult } from './result-model';

/**
 * A participant's display name by key, from the participants a result page lists (a participant's lists only themselves); one left without a
 * name is told by its key. Null when there is no list to look names up in.
 */
export function useParticipantName(participants: readonly ParticipantInResult[] | null): ((key: string) => string) | null {
  const t = useTranslations('results');
  return useMemo(() => {
    if (!participants) return null;
    const byKey = new Map(participants.map((p) => [p.key, p.displayName]));
    return (key: string) => byKey.get(key) || t('participants.anonymous', { key });
  }, [participants, t]);
}
