'use client';

import { TRPCClientError } from '@trpc/client';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { FieldError } from 'react-hook-form';
import type { AppRouter } from '~/server/trpc/root';

/** The parts of a failed tRPC call a screen reacts to: the AppError code and field when the server sent one. */
type ServerErrorInfo = {
  /** The AppError code (CONFLICT, NOT_DRAFT, LIMIT_REACHED…), else the tRPC code, else null (network). */
  code: string | null;
  field: string | null;
  message: string;
  /** Zod field errors of the input contract, when the server's validation refused the call. */
  fieldErrors: Record<string, string[] | undefined>;
  /** An unexpected server error: the id the server logged it under (its details stay in the log). */
  errorId: string | null;
};

export function serverErrorInfo(error: unknown): ServerErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    return {
      code: data?.appError?.code ?? data?.code ?? null,
      field: data?.appError?.field ?? null,
      message: error.message,
      fieldErrors: (data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined) ?? {},
      errorId: data?.errorId ?? null,
    };
  }
  return { code: null, field: null, message: error instanceof Error ? error.message : String(error), fieldErrors: {}, errorId: null };
}

/** The code of a failed call (serverErrorInfo), or OFFLINE when no answer came. */
export function errorCode(error: unknown): string {
  return serverErrorInfo(error).code ?? 'OFFLINE';
}

export function isConflict(error: unknown): boolean {
  const info = serverErrorInfo(error);
  return info.code === 'CONFLICT' && info.field === 'expectedVersion';
}

/**
 * Error text in the UI language. Services write their messages in English for API callers, so the screens say
 * what happened from the code; the server's own words are shown only for refusals no screen anticipates.
 */
export function useServerErrorText() {
  const t = useTranslations('common.errors');
  return useCallback(
    (error: unknown): string => {
      const info = serverErrorInfo(error);
      if (info.errorId) return t('unexpected', { id: info.errorId });
      switch (info.code) {
        case null:
          return t('offline');
        case 'UNAUTHORIZED':
        case 'FORBIDDEN':
          return t('forbidden');
        case 'NOT_FOUND':
          return t('notFoundBody');
        case 'CONFLICT':
          return info.field === 'expectedVersion' ? t('conflict') : t('refused', { reason: info.message });
        case 'SESSION_CLOSED':
          return t('sessionClosed');
        case 'NOT_DRAFT':
          return t('notDraft');
        case 'LIMIT_REACHED':
          return t('limitReached');
        case 'RATE_LIMITED':
        case 'TOO_MANY_REQUESTS':
          return t('rateLimited');
        default:
          return t('refused', { reason: info.message });
      }
    },
    [t],
  );
}

/**
 * A failed call as a participant reads it (the questionnaire, joining, voting): the same codes, told for someone
 * answering rather than setting up; the server's own (English) message only as a last resort.
 */
export function useParticipantErrorText() {
  const t = useTranslations('questionnaire.errors');
  return useCallback(
    (error: unknown) => {
      const info = serverErrorInfo(error);
      if (info.errorId) return t('unexpected', { id: info.errorId });
      switch (info.code ?? 'OFFLINE') {
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
          return t('other', { message: info.message });
      }
    },
    [t],
  );
}

type ZodIssueLike = { code?: string; minimum?: unknown; maximum?: unknown; origin?: string };

/**
 * Localized validation messages for forms built on the shared contracts. `issueText` is the per-parse error map
 * handed to zodResolver; `fieldText` turns an RHF FieldError into the text shown under the field. Contracts may
 * carry English messages of their own (they outrank a per-parse map), so "missing" issues are mapped by type.
 */
export function useValidationText() {
  const t = useTranslations('common.validation');
  const issueText = useCallback(
    (issue: ZodIssueLike): string => {
      if (issue.code === 'too_small') {
        const min = Number(issue.minimum);
        return issue.origin === 'string' && min > 1 ? t('tooShort', { min }) : t('required');
      }
      if (issue.code === 'too_big' && issue.origin === 'string') return t('tooLong', { max: Number(issue.maximum) });
      return t('invalid');
    },
    [t],
  );
  const fieldText = useCallback(
    (error: FieldError | undefined): string | undefined => {
      if (!error) return undefined;
      if (error.type === 'too_small' || error.type === 'custom') return t('required');
      return error.message || t('invalid');
    },
    [t],
  );
  return { issueText, fieldText };
}
