import 'server-only';
import { eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import type { ResultCoverage } from '~/core/contracts/session-export';
import { participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { loadHierarchy } from '../shared/hierarchy';
import { loadAnswers } from '../shared/load-answers';
import { findSession } from '../shared/session-state';
import { buildComparisons, computationSettings, problemFrame, whyNotComputable } from './build-problem';
import { evaluateAndStore } from './store-result';
import { toResultView } from './views';

/** The model, the participants and their answers are read as of one instant, on PostgreSQL too. */
const SNAPSHOT = { isolationLevel: 'repeatable read' } as const;

const participantNumber = (key: string) => Number(key.slice(1));

/**
 * The group result: every participant whose answers can be computed, weighted by their own weight times their
 * stakeholder group's weight, aggregated as the session's settings say. Each participant's own result comes
 * with it (the engine's `participants`).
 */
export async function computeGroupResult({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  return ctx.db.transaction(async (tx) => {
    const session = await findSession(tx, ctx.access.sessionId);
    const hierarchy = await loadHierarchy(tx, session.id);
    const settings = computationSettings(session);
    const participantRows = (await tx.select().from(participants).where(eq(participants.sessionId, session.id))).sort(
      (a, b) => participantNumber(a.key) - participantNumber(b.key),
    );
    const answers = await loadAnswers(tx, { sessionId: session.id });
    const coverage: ResultCoverage = { included: [], skipped: [] };
    const problemParticipants = [];
    for (const participant of participantRows) {
      const own = answers.get(participant.id) ?? { judgments: [], ratings: [] };
      const weight = participant.weight * (settings.stakeholderWeights[participant.stakeholderGroup] ?? 1);
      const reason =
        weight <= 0 ? 'weight 0 (theirs or their stakeholder group\'s)' : whyNotComputable(hierarchy, settings.alternativeScoring, own);
      if (reason) {
        coverage.skipped.push({ participantKey: participant.key, reason });
        continue;
      }
      coverage.included.push(participant.key);
      problemParticipants.push({
        id: participant.key,
        weight,
        comparisons: buildComparisons(hierarchy, settings.alternativeScoring, own),
      });
    }
    if (problemParticipants.length === 0) {
      throw new AppError(
        'NOT_COMPUTABLE',
        participantRows.length === 0
          ? 'Nobody has joined yet.'
          : `No participant has answered enough yet (${participantRows.length} joined).`,
      );
    }
    const problem = {
      ...problemFrame(hierarchy, settings),
      ...(settings.maxCr !== null ? { maxCr: settings.maxCr } : {}),
      participants: problemParticipants,
    };
    const stored = await evaluateAndStore(
      tx,
      { sessionId: session.id, scope: 'group', participantKey: null, settings, sessionVersion: session.version, coverage },
      problem,
    );
    return toResultView(stored, { isStale: false });
  }, SNAPSHOT);
}
