import 'server-only';
import type { WorkshopEventKind } from '~/core/contracts/workshop';
import type { Db } from '~/db/client';
import type { SessionRow, WorkshopRow } from '~/db/schema';
import type { WorkshopNotice } from '~/server/events/bus';
import type { FacilitatorContext } from '../context';
import { type SessionModel, loadModel } from '../shared/session-model';
import { assertNotClosed, lockSession } from '../shared/session-state';
import { type RoundInfo, currentRound, ensureWorkshop, raiseEvent } from '../shared/workshop-state';
import { type LiveState, forViewer, readLiveSnapshot } from './live-state';

type LiveChangeScope = { tx: Db; session: SessionRow; workshop: WorkshopRow; round: RoundInfo; model: SessionModel };

/** Returned by a change that turned out to change nothing (a step past the last item): no event is raised. */
export const UNCHANGED = Symbol('unchanged');

/**
 * The frame of a facilitator's workshop step: one transaction holding the session's exclusive lock (so answers,
 * which hold the shared one, are wholly before or after it), on an open session whose workshop row exists; the
 * event raised in the same transaction and published after the commit; then the state as the facilitator sees it.
 */
export async function changeLive<T>(
  ctx: FacilitatorContext,
  kind: WorkshopEventKind | ((result: T) => WorkshopEventKind),
  change: (scope: LiveChangeScope) => Promise<T | typeof UNCHANGED>,
): Promise<{ result: T | null; state: LiveState }> {
  const { result, notice } = await ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    assertNotClosed(session);
    const workshop = await ensureWorkshop(tx, session);
    const round = await currentRound(tx, session.id);
    const model = await loadModel(tx, session.id);
    const outcome = await change({ tx, session, workshop, round, model });
    if (outcome === UNCHANGED) return { result: null, notice: null as WorkshopNotice | null };
    const eventKind = typeof kind === 'function' ? kind(outcome) : kind;
    return { result: outcome, notice: await raiseEvent(tx, session.id, eventKind) };
  });
  if (notice) await ctx.events.publish(notice);
  const { state } = await readLiveSnapshot(ctx.db, ctx.access.sessionId);
  return { result, state: forViewer(state, 'facilitator') };
}
