import 'server-only';
import { initTRPC } from '@trpc/server';
import { ZodError, z } from 'zod';
import { AppError, UnexpectedError, concealUnexpectedError } from '~/server/errors';
import type { InnerContext } from './context';
import { mapAppErrors } from './middleware/map-app-errors';
import { transformer } from './transformer';
import { requireSessionAccess } from './middleware/require-session-access';

const t = initTRPC.context<InnerContext>().create({
  transformer,
  /**
   * Workshop subscriptions run over server-sent events. The ping keeps proxies from closing a quiet stream, and a
   * client that hears nothing (not even a ping) for twice the interval reconnects, resuming from its last event id.
   * @see https://trpc.io/docs/server/subscriptions
   */
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
  /**
   * Forms read `data.zodError.fieldErrors` (or `data.appError.field`) to put the message on the right field. An
   * unexpected server error (one that did not pass through mapAppErrors: a failing context, a subscription that
   * broke mid-stream) is hidden here too, and no shape carries a stack trace, in development either.
   */
  errorFormatter({ shape, error, path }) {
    const shown = concealUnexpectedError(error, path ?? '(unknown procedure)');
    const cause = shown.cause;
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: shown.message,
      data: {
        ...data,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        appError:
          cause instanceof AppError
            ? {
                code: cause.code,
                field: cause.field ?? null,
                ...(cause.retryAfterMs === undefined ? {} : { retryAfterSeconds: Math.ceil(cause.retryAfterMs / 1000) }),
              }
            : null,
        /** Set for an unexpected server error: the id the server logged the real error under. */
        errorId: cause instanceof UnexpectedError ? cause.errorId : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone: create or import a session, list the sessions of the links one holds, read the catalogue. */
export const publicProcedure = t.procedure.use(mapAppErrors);
/** Any link of the session, including an invite not yet used: read the session's summary. */
export const sessionProcedure = publicProcedure.concat(requireSessionAccess(['facilitator', 'participant', 'invite']));
/** The facilitator's or a participant's link: profile and results, each seeing what their role may. */
export const memberProcedure = publicProcedure.concat(requireSessionAccess(['facilitator', 'participant']));
/** The invite link: join. */
export const inviteProcedure = publicProcedure.concat(requireSessionAccess(['invite']));
/** A participant's own link: answer and read one's own answers and progress. */
export const participantProcedure = publicProcedure.concat(requireSessionAccess(['participant']));
/** The facilitator's link: the whole session. */
export const facilitatorProcedure = publicProcedure.concat(requireSessionAccess(['facilitator']));
