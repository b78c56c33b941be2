import 'server-only';
import { eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { NO_ANSWERS } from '~/core/model';
import { evaluateIndividual } from '~/core/model/evaluate-session';
import { participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { ParticipantContext, ServiceArgs } from '../context';
import { loadAnswers } from '../shared/load-answers';
import { loadModel } from '../shared/session-model';
import { findSession } from '../shared/session-state';
import { describeExclusion } from './not-computable';
import { computationSettings, storeResult } from './store-result';
import { toResultView } from './views';

/** The model, the participants and their answers are read as of one instant, on PostgreSQL too. */
const SNAPSHOT = { isolationLevel: 'repeatable read' } as const;

/**
 * The participant's own result from their own answers, when the facilitator lets participants see it, stored with
 * the nodes estimated from incomplete answers in its coverage.
 */
export async function computeMyResult({ ctx }: ServiceArgs<ParticipantContext, SessionRef>) {
  return ctx.db.transaction(async (tx) => {
    const session = await findSession(tx, ctx.access.sessionId);
    if (session.participantResults === 'none') {
      throw new AppError('FORBIDDEN', 'The facilitator has not shared results with participants in this session.');
    }
    const [participant] = await tx.select().from(participants).where(eq(participants.id, ctx.access.participantId));
    if (!participant) throw new AppError('NOT_FOUND', 'You are no longer a participant of this session.');
    const model = await loadModel(tx, session.id);
    const settings = computationSettings(session);
    const answers = (await loadAnswers(tx, { participantId: participant.id })).get(participant.id) ?? NO_ANSWERS;
    const evaluation = evaluateIndividual(model, settings, { key: participant.key, answers });
    if (!evaluation.isComputed) {
      const [excluded] = evaluation.coverage.excluded;
      throw new AppError('NOT_COMPUTABLE', `Your result cannot be computed yet: ${excluded ? describeExclusion(excluded.exclusion) : 'no answers'}.`);
    }
    const stored = await storeResult(tx, {
      sessionId: session.id,
      scope: 'individual',
      participantKey: participant.key,
      settings,
      sessionVersion: session.version,
      result: evaluation.result,
      coverage: evaluation.coverage,
    });
    return toResultView(stored, { isStale: false });
  }, SNAPSHOT);
}
