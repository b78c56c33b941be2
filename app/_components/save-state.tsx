'use client';

import { useTranslations } from 'next-intl';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/** The save state of a form that saves through one mutation. */
export function mutationSaveStatus(mutation: { isPending: boolean; isError: boolean; isSuccess: boolean }): SaveStatus {
  return mutation.isPending ? 'saving' : mutation.isError ? 'error' : mutation.isSuccess ? 'saved' : 'idle';
}

/** The visible "saved" state next to a form: announced politely to screen readers, never colour alone. */
export function SaveState({ status, error }: { status: SaveStatus; error?: string | null }) {
  const t = useTranslations('common.actions');
  const text =
    status === 'saving' ? t('saving') : status === 'saved' ? t('saved') : status === 'error' ? t('saveFailed', { reason: error ?? '' }) : '';
  return (
    <span className="save-state" data-state={status} role="status" aria-live="polite">
      {text}
    </span>
  );
}
