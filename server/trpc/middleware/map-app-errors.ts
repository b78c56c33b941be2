import 'server-only';
import { TRPCError, experimental_standaloneMiddleware } from '@trpc/server';
import { ZodError } from 'zod';
import { AppError, concealUnexpectedError, toTRPCError } from '~/server/errors';
import type { InnerContext } from '../context';

/** `nodeKey: Invalid input; position: Too big: expected number to be <=8`: the fields first, then why. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Outermost middleware of every procedure: turns a service's AppError into the matching TRPCError, gives
 * input validation errors a message that names the fields, and hides any other server error behind an error id
 * (concealUnexpectedError), for callers that never see the formatter too.
 */
export const mapAppErrors = experimental_standaloneMiddleware<{ ctx: InnerContext }>().create(
  async function mapAppErrors({ next, path }) {
    const result = await next();
    if (result.ok) return result;
    const cause = result.error.cause;
    if (cause instanceof AppError) throw toTRPCError(cause);
    if (cause instanceof ZodError && result.error.code === 'BAD_REQUEST') {
      throw new TRPCError({ code: 'BAD_REQUEST', message: describeZodError(cause), cause });
    }
    const concealed = concealUnexpectedError(result.error, path);
    if (concealed !== result.error) throw concealed;
    return result;
  },
);
