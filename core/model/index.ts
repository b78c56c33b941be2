/**
 * The domain's one home: the decision model and its comparison nodes, the question agenda, pair identity,
 * progress, who is in a result and why, and the engine problem built from a session's answers. The server builds
 * the model from its rows, the browser from `session.get`, an import from its file; everything else reads it.
 *
 * Nothing exported here loads zod or the engine, so the browser can take it whole. The engine problem and the
 * session's evaluation are in ./evaluate-session (server and CLI).
 */
export {
  GOAL_NODE_ID,
  ModelSpecError,
  buildDecisionModel,
  findModelSpecIssues,
  subtreeHeight,
  subtreeKeys,
  type AlternativesNode,
  type AnyCriterion,
  type ComparisonNode,
  type CriteriaNode,
  type CriterionShape,
  type DecisionModel,
  type ElementSpec,
  type ModelCriterion,
  type ModelSpec,
} from './decision-model';
export { flipPosition, indexPairs, pairKey, positionAs } from './pairs';
export { deriveKey } from './keys';
export { countingAnswers, type AnswersByParticipant } from './counting';
export {
  askableNodes,
  buildAgenda,
  isSameItem,
  itemKey,
  itemNodeId,
  nodeAnswerKind,
  type AgendaItem,
  type PairItem,
  type RatingItem,
  type Scoring,
} from './agenda';
export {
  NO_ANSWERS,
  computeProgress,
  missingItems,
  type JudgmentAnswer,
  type NodeProgress,
  type ParticipantAnswers,
  type Progress,
  type RatingAnswer,
} from './progress';
export {
  assessParticipant,
  byParticipantNumber,
  completeCoverage,
  effectiveWeight,
  participantNumber,
  participationIn,
  type Coverage,
  type Estimation,
  type ExcludedParticipant,
  type Exclusion,
  type ExclusionCode,
  type IncludedParticipant,
  type Participation,
} from './participation';
export { answerRefusal, roundAsks, type AnswerGateState, type AnswerRefusal } from './answer-gate';
export {
  roundAnswersOf,
  roundProgress,
  withAcknowledged,
  type AcknowledgedAnswer,
  type RoundAnswer,
  type RoundAnswers,
} from './round-answers';
export {
  isGroupResult,
  summarizeResult,
  upgradeStoredResult,
  type GroupParticipantResult,
  type GroupSessionResult,
  type LegacyCoverage,
  type LegacySessionResult,
  type GroupResultSummary,
  type ResultSummary,
  type SessionResult,
  type StoredCoverage,
  type StoredResult,
} from './stored-result';
export type {
  GroupDisagreement,
  Places,
  ResultDistance,
  StakeholderGroupComparison,
  StakeholderGroupResult,
} from '../group/stakeholder-groups';
export { comparisonMatrixView, type ComparisonMatrixView, type MatrixViewCell } from './comparison-matrix';
