'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

type ErrorShape = {
  message?: string;
  data?: { code?: string; appError?: { code?: string } | null } | null;
};

/** What the server said went wrong (its AppError code), or why the request never got an answer. */
export function errorCode(error: unknown): string {
  const shaped = error as ErrorShape | null;
  const code = shaped?.data?.appError?.code ?? shaped?.data?.code;
  if (code) return code;
  return 'OFFLINE';
}

/** A translated sentence for a failed call; the server's own (English) message only as a last resort. */
export function useErrorMessage() {
  const t = useTranslations('questionnaire.errors');
  return useCallback(
    (error: unknown) => {
      switch (errorCode(error)) {
        case 'SESSION_CLOSED':
          return t('closed');
        case 'FORBIDDEN':
        case 'UNAUTHORIZED':
          return t('forbidden');
        case 'NOT_FOUND':
          return t('notFound');
        case 'LIMIT_REACHED':
          return t('full');
        case 'RATE_LIMITED':
        case 'TOO_MANY_REQUESTS':
          return t('rateLimited');
        case 'OFFLINE':
          return t('offline');
        default:
          return t('other', { message: (error as ErrorShape | null)?.message ?? '' });
      }
    },
    [t],
  );
}
