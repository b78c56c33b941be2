'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';

/**
 * Anonymous mode from the cockpit: the same session setting as the set-up's (participantNames), switched in the
 * room. The server hides the names where it reads participants for the facilitator, so the table below, the
 * results and the exports follow by themselves.
 */
export function AnonymousToggle({ sessionId }: { sessionId: string }) {
  const t = useTranslations('workshop.participants.anonymous');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useServerErrorText();
  const id = useId();
  const session = useQuery(trpc.session.get.queryOptions({ sessionId }));
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.session.update.mutationOptions({
      onSuccess: () => {
        setError(null);
        void queryClient.invalidateQueries({ queryKey: trpc.session.get.queryKey({ sessionId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.workshop.dashboard.pathKey() });
      },
      onError: (failure) => setError(errorText(failure)),
    }),
  );
  if (!session.data) return null;
  const isHidden = session.data.settings.participantNames === 'hidden';
  return (
    <div>
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={isHidden}
          disabled={update.isPending || session.data.status === 'closed'}
          aria-describedby={`${id}-hint`}
          onChange={(event) =>
            update.mutate({ sessionId, expectedVersion: session.data.version, participantNames: event.target.checked ? 'hidden' : 'shown' })
          }
        />{' '}
        {t('label')}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('hint')}
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
