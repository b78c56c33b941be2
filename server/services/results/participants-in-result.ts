import 'server-only';
import { type Coverage, type Participation, type Scoring, computeProgress, effectiveWeight, NO_ANSWERS, participationIn } from '~/core/model';
import type { ParticipantRow } from '~/db/schema';
import type { AnswersByParticipant } from '../shared/load-answers';
import type { SessionModel } from '../shared/session-model';

export type ParticipantInResult = {
  key: string;
  displayName: string;
  stakeholderGroup: ParticipantRow['stakeholderGroup'];
  weight: number;
  groupWeight: number;
  /** weight x group weight: their weight in the group result. */
  effectiveWeight: number;
  isIncludedByFacilitator: boolean;
  progress: { answered: number; required: number; isComplete: boolean; isComputable: boolean; estimatedNodes: string[] };
  /** In the result (with the nodes estimated from incomplete answers) or out with the reason; null: no result yet. */
  participation: Participation | null;
};

/**
 * Each participant the reader may see, with their progress now and where they stand in `coverage` (a stored
 * result's, or the dashboard's live one): the one list the results page, the report, the exports and the dashboard
 * show, so all of them say the same about who is in and why.
 */
export function participantsInResult(
  model: SessionModel,
  settings: { alternativeScoring: Scoring; stakeholderWeights: Readonly<Partial<Record<string, number>>> },
  participants: readonly ParticipantRow[],
  answers: AnswersByParticipant,
  coverage: Coverage | null,
): ParticipantInResult[] {
  return participants.map((p) => {
    const progress = computeProgress(model, settings.alternativeScoring, answers.get(p.id) ?? NO_ANSWERS);
    return {
      key: p.key,
      displayName: p.displayName,
      stakeholderGroup: p.stakeholderGroup,
      weight: p.weight,
      groupWeight: settings.stakeholderWeights[p.stakeholderGroup] ?? 1,
      effectiveWeight: effectiveWeight(p, settings.stakeholderWeights),
      isIncludedByFacilitator: p.isIncluded,
      progress: {
        answered: progress.answered,
        required: progress.required,
        isComplete: progress.isComplete,
        isComputable: progress.isComputable,
        estimatedNodes: progress.estimatedNodes,
      },
      participation: coverage ? participationIn(coverage, p.key) : null,
    };
  });
}
