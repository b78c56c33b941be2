import 'server-only';
import type { SessionRef } from '~/core/contracts/session';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { loadHierarchy } from '../shared/hierarchy';
import { findSession } from '../shared/session-state';
import { buildGroupProblem } from './group-problem';
import { evaluateAndStore } from './store-result';
import { toResultView } from './views';

/** The model, the participants and their answers are read as of one instant, on PostgreSQL too. */
const SNAPSHOT = { isolationLevel: 'repeatable read' } as const;

/**
 * The group result: every included participant whose answers can be computed, weighted by their own weight
 * times their stakeholder group's weight, aggregated as the session's settings say (group-problem.ts). Each
 * participant's own result comes with it (the engine's `participants`).
 */
export async function computeGroupResult({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  return ctx.db.transaction(async (tx) => {
    const session = await findSession(tx, ctx.access.sessionId);
    const hierarchy = await loadHierarchy(tx, session.id);
    const { problem, settings, coverage } = await buildGroupProblem(tx, session, hierarchy);
    const stored = await evaluateAndStore(
      tx,
      { sessionId: session.id, scope: 'group', participantKey: null, settings, sessionVersion: session.version, coverage },
      problem,
    );
    return toResultView(stored, { isStale: false });
  }, SNAPSHOT);
}
