import 'server-only';
import { TRPCError, initTRPC } from '@trpc/server';
import { SessionRef } from '~/core/contracts/session';
import { AppError } from '~/server/errors';
import { resolveAccess } from '~/server/services/access/resolve-access';
import type { AccessRole, SessionAccess } from '~/server/services/context';
import type { InnerContext } from '../context';

const ROLE_NAMES: Record<AccessRole, string> = {
  facilitator: "the facilitator's link",
  participant: "a participant's own link (join with the invite link first)",
  invite: 'the invite link',
};

/** A procedure builder of its own, joined to the app's procedures with `.concat()` (tRPC's way to reuse middleware). */
const plugin = initTRPC.context<InnerContext>().create();

/**
 * Lets the call through only with a token that opens the input's `sessionId` in one of `roles`, and puts what
 * it may do on `ctx.access`. Runs before the input contract, so it checks `sessionId` itself.
 */
export function requireSessionAccess<R extends AccessRole>(roles: readonly R[]) {
  return plugin.procedure.use(async function requireSessionAccess({ ctx, next, getRawInput }) {
    const parsed = SessionRef.safeParse(await getRawInput());
    if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
    if (!ctx.token) {
      throw new AppError('UNAUTHORIZED', 'This needs a session link: send its token as "authorization: Bearer <token>".');
    }
    const access = await resolveAccess({ ctx, input: { token: ctx.token, sessionId: parsed.data.sessionId } });
    if (!access) throw new AppError('FORBIDDEN', 'This link does not open that session.');
    if (!(roles as readonly AccessRole[]).includes(access.role)) {
      throw new AppError('FORBIDDEN', `This needs ${roles.map((role) => ROLE_NAMES[role]).join(' or ')}.`);
    }
    return next({ ctx: { ...ctx, access: access as Extract<SessionAccess, { role: R }> } });
  });
}
