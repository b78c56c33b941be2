import 'server-only';
import type { SessionRef } from '~/core/contracts/session';
import { evaluateGroup } from '~/core/model/evaluate-session';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { readGroupMembers } from '../shared/group-members';
import { loadModel } from '../shared/session-model';
import { findSession } from '../shared/session-state';
import { groupNotComputableMessage } from './not-computable';
import { computationSettings, storeResult } from './store-result';
import { toResultView } from './views';

/** The model, the participants and their answers are read as of one instant, on PostgreSQL too. */
const SNAPSHOT = { isolationLevel: 'repeatable read' } as const;

/**
 * The group result (core/model evaluateGroup: who is included, how they are weighted, the CR limit), stored with
 * its coverage and the settings that produced it. Each participant's own result comes with it (the engine's
 * `participants`). NOT_COMPUTABLE when nobody's answers can enter it.
 */
export async function computeGroupResult({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  return ctx.db.transaction(async (tx) => {
    const session = await findSession(tx, ctx.access.sessionId);
    const model = await loadModel(tx, session.id);
    const settings = computationSettings(session);
    const evaluation = evaluateGroup(model, settings, await readGroupMembers(tx, session.id));
    if (!evaluation.isComputed) throw new AppError('NOT_COMPUTABLE', groupNotComputableMessage(evaluation.coverage));
    const stored = await storeResult(tx, {
      sessionId: session.id,
      scope: 'group',
      participantKey: null,
      settings,
      sessionVersion: session.version,
      result: evaluation.result,
      coverage: evaluation.coverage,
    });
    return toResultView(stored, { isStale: false });
  }, SNAPSHOT);
}
