import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { Participation } from '~/core/model';
import { describeParticipation } from '~/i18n/participation';

/** Where a participant stands in a result, in the UI language (the same words the exports use). */
export function useParticipationText(nodeName: (key: string) => string) {
  const t = useTranslations('common.participation');
  return useCallback((participation: Participation) => describeParticipation(t, participation, nodeName), [t, nodeName]);
}
