import 'server-only';
import { eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { ParticipantContext, ServiceArgs } from '../context';
import { loadHierarchy } from '../shared/hierarchy';
import { loadAnswers } from '../shared/load-answers';
import { findSession } from '../shared/session-state';
import { buildComparisons, computationSettings, problemFrame, whyNotComputable } from './build-problem';
import { evaluateAndStore } from './store-result';
import { toResultView } from './views';

/** The model, the participants and their answers are read as of one instant, on PostgreSQL too. */
const SNAPSHOT = { isolationLevel: 'repeatable read' } as const;

/** The participant's own result from their own answers, when the facilitator lets participants see it. */
export async function computeMyResult({ ctx }: ServiceArgs<ParticipantContext, SessionRef>) {
  return ctx.db.transaction(async (tx) => {
    const session = await findSession(tx, ctx.access.sessionId);
    if (session.participantResults === 'none') {
      throw new AppError('FORBIDDEN', 'The facilitator has not shared results with participants in this session.');
    }
    const [participant] = await tx.select().from(participants).where(eq(participants.id, ctx.access.participantId));
    if (!participant) throw new AppError('NOT_FOUND', 'You are no longer a participant of this session.');
    const hierarchy = await loadHierarchy(tx, session.id);
    const settings = computationSettings(session);
    const own = (await loadAnswers(tx, { participantId: participant.id })).get(participant.id) ?? {
      judgments: [],
      ratings: [],
    };
    const reason = whyNotComputable(hierarchy, settings.alternativeScoring, own);
    if (reason) throw new AppError('NOT_COMPUTABLE', `Your result cannot be computed yet: ${reason}.`);
    const problem = {
      ...problemFrame(hierarchy, settings),
      comparisons: buildComparisons(hierarchy, settings.alternativeScoring, own),
    };
    const stored = await evaluateAndStore(
      tx,
      {
        sessionId: session.id,
        scope: 'individual',
        participantKey: participant.key,
        settings,
        sessionVersion: session.version,
        coverage: { included: [participant.key], skipped: [] },
      },
      problem,
    );
    return toResultView(stored, { isStale: false });
  }, SNAPSHOT);
}
