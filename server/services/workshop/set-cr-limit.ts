import 'server-only';
import type { SetCrLimitInput } from '~/core/contracts/workshop';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { findSession, recordChange } from '../shared/session-state';
import { UNCHANGED, changeLive } from './live-change';

/**
 * The CR limit of the group result: a participant whose consistency ratio on any node is above it is left out
 * by the engine (and named, with the reason, in the result); null keeps everyone. A session setting, so a new
 * session version; unlike session.update it needs no expectedVersion, being one value the facilitator sets live.
 */
export async function setCrLimit({ ctx, input }: ServiceArgs<FacilitatorContext, SetCrLimitInput>) {
  const { result } = await changeLive(ctx, 'session.changed', async ({ tx, session }) => {
    if (session.maxCr === input.maxCr) return UNCHANGED;
    return { version: await recordChange(tx, session, 'session.updated', { changed: ['maxCr'] }, { maxCr: input.maxCr }) };
  });
  const version = result?.version ?? (await findSession(ctx.db, ctx.access.sessionId)).version;
  return { maxCr: input.maxCr, version };
}
