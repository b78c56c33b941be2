import { TRPCError } from '@trpc/server';

/**
 * The codes services may throw. Each says what went wrong from the caller's side, so the UI can react without
 * parsing messages.
 */
export const APP_ERROR_CODES = {
  /** Input that passed its contract but does not fit the session (an unknown criterion, a title mismatch). */
  INVALID_INPUT: 'BAD_REQUEST',
  /** No link token was sent. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** The token does not open this session, or not for this action. */
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  /** A stale expectedVersion, or a unique key already taken. */
  CONFLICT: 'CONFLICT',
  SESSION_CLOSED: 'PRECONDITION_FAILED',
  /** Model edits need a draft session. */
  NOT_DRAFT: 'PRECONDITION_FAILED',
  LIMIT_REACHED: 'PRECONDITION_FAILED',
  /** Not enough answers yet for the engine to compute a result. */
  NOT_COMPUTABLE: 'PRECONDITION_FAILED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
} as const satisfies Record<string, TRPCError['code']>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field the error is about, as a dotted path (`profile.ratings.cooperation-level`). */
  readonly field: string | undefined;

  constructor(code: AppErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
  }
}

/** The one place AppError becomes a TRPCError; the AppError stays the cause so the formatter can read it. */
export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: APP_ERROR_CODES[error.code], message: error.message, cause: error });
}
