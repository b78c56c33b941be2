import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

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
  /** The workshop round is closed: its answers are frozen until the facilitator opens the next one. */
  ROUND_CLOSED: 'PRECONDITION_FAILED',
  /** Not open for answers now: live mode is on another item, the item is revealed, or the round does not ask it. */
  VOTING_CLOSED: 'PRECONDITION_FAILED',
  /** Too many calls in a short time; `retryAfterMs` says when the next one is accepted. */
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  /** A shared resource is taken (the PDF printer's line is full, or the caller already has a job in it); `retryAfterMs` says when to try again. */
  BUSY: 'SERVICE_UNAVAILABLE',
  /** Something this installation cannot do (no Chromium for server-side PDFs); the message says what is missing. */
  UNAVAILABLE: 'NOT_IMPLEMENTED',
  /** The server's Chromium could not print a report (it timed out or failed); the message has an error id, never the link. */
  PRINT_FAILED: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<string, TRPCError['code']>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field the error is about, as a dotted path (`profile.ratings.cooperation-level`). */
  readonly field: string | undefined;
  /** RATE_LIMITED: how long until the call is accepted again. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { field?: string; cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The one place AppError becomes a TRPCError; the AppError stays the cause so the formatter can read it. */
export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: APP_ERROR_CODES[error.code], message: error.message, cause: error });
}

/**
 * What stands in for an error nobody planned for (a failed query, a bug) on its way to the client: a fixed message
 * and the id under which the server logged the real error. SQL text, parameters, stack traces and tokens stay in
 * the log.
 */
export class UnexpectedError extends Error {
  readonly errorId: string;

  constructor(errorId: string) {
    super(`Something went wrong on the server (error id ${errorId}). Try again; if it keeps happening, give this id to whoever runs the server.`);
    this.name = 'UnexpectedError';
    this.errorId = errorId;
  }
}

const concealed = new WeakMap<TRPCError, TRPCError>();

/**
 * `error` as the client may see it: a 5xx that is not one of the services' own AppErrors becomes UnexpectedError's
 * message, and the real error is logged once with its id (`[error 3f9c2a7d41b0] tRPC session.import failed: ...`).
 * Anything else is returned as it is.
 */
export function concealUnexpectedError(error: TRPCError, where: string): TRPCError {
  if (error.cause instanceof AppError || error.cause instanceof UnexpectedError) return error;
  if (getHTTPStatusCodeFromError(error) < 500) return error;
  const known = concealed.get(error);
  if (known) return known;
  const errorId = randomBytes(6).toString('hex');
  console.error(`[error ${errorId}] tRPC ${where} failed:`, error.cause ?? error);
  const standIn = new UnexpectedError(errorId);
  const replacement = new TRPCError({ code: error.code, message: standIn.message, cause: standIn });
  concealed.set(error, replacement);
  return replacement;
}
