import 'server-only';
import { eq } from 'drizzle-orm';
import type { Problem } from '~/core/contracts/problem';
import type { ComputationSettings, ResultCoverage } from '~/core/contracts/session-export';
import type { Db } from '~/db/client';
import { type ParticipantRow, type SessionRow, participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { Hierarchy } from '../shared/hierarchy';
import { type AnswersByParticipant, loadAnswers } from '../shared/load-answers';
import { buildComparisons, computationSettings, problemFrame, whyNotComputable } from './build-problem';
import { participantNumber } from '../shared/keys';

/** A participant's weight in the group: their own times their stakeholder group's (a missing group weighs 1). */
export function effectiveWeight(participant: Pick<ParticipantRow, 'weight' | 'stakeholderGroup'>, settings: Pick<ComputationSettings, 'stakeholderWeights'>) {
  return participant.weight * (settings.stakeholderWeights[participant.stakeholderGroup] ?? 1);
}

export type GroupProblem = {
  problem: Problem;
  settings: ComputationSettings;
  coverage: ResultCoverage;
  participantRows: ParticipantRow[];
  answers: AnswersByParticipant;
};

/**
 * The group problem handed to the engine: every participant the facilitator has not left out, whose weight is
 * above 0 and whose answers can be computed, weighted by effectiveWeight, with the session's method settings and
 * CR limit. `upToRound`: the answers as that workshop round froze them; `answers` and `participantRows`: what the
 * caller has already read in the same transaction. Throws NOT_COMPUTABLE when nobody is left.
 */
export async function buildGroupProblem(
  db: Db,
  session: SessionRow,
  hierarchy: Hierarchy,
  {
    upToRound,
    monteCarlo,
    answers: loaded,
    participantRows: loadedParticipants,
  }: { upToRound?: number; monteCarlo?: false; answers?: AnswersByParticipant; participantRows?: ParticipantRow[] } = {},
): Promise<GroupProblem> {
  const settings = computationSettings(session);
  const participantRows = [...(loadedParticipants ?? (await db.select().from(participants).where(eq(participants.sessionId, session.id))))].sort(
    (a, b) => participantNumber(a.key) - participantNumber(b.key),
  );
  const answers = loaded ?? (await loadAnswers(db, { sessionId: session.id }, { upToRound }));
  const coverage: ResultCoverage = { included: [], skipped: [] };
  const problemParticipants = [];
  for (const participant of participantRows) {
    const own = answers.get(participant.id) ?? { judgments: [], ratings: [] };
    const weight = effectiveWeight(participant, settings);
    const reason = !participant.isIncluded
      ? 'left out by the facilitator'
      : weight <= 0
        ? "weight 0 (theirs or their stakeholder group's)"
        : whyNotComputable(hierarchy, settings.alternativeScoring, own);
    if (reason) {
      coverage.skipped.push({ participantKey: participant.key, reason });
      continue;
    }
    coverage.included.push(participant.key);
    problemParticipants.push({ id: participant.key, weight, comparisons: buildComparisons(hierarchy, settings.alternativeScoring, own) });
  }
  if (problemParticipants.length === 0) {
    throw new AppError(
      'NOT_COMPUTABLE',
      participantRows.length === 0
        ? 'Nobody has joined yet.'
        : `No included participant has answered enough yet (${participantRows.length} joined).`,
    );
  }
  const problem: Problem = {
    ...problemFrame(hierarchy, settings),
    ...(settings.maxCr !== null ? { maxCr: settings.maxCr } : {}),
    ...(monteCarlo === false ? { monteCarlo: false } : {}),
    participants: problemParticipants,
  };
  return { problem, settings, coverage, participantRows, answers };
}
