/**
 * Clusterwise's decision engine: pure TypeScript, no I/O, no clock, no global randomness. The CLI, the tRPC
 * API and the browser all call `evaluate` with the same `Problem` contract.
 */
export { evaluate, evaluateHierarchy, evaluateGroupHierarchy, NoParticipantLeftError, DEFAULT_MONTE_CARLO } from './evaluate';
export type {
  ConsistencySource,
  CrAboveLimit,
  EvaluateResult,
  NodeResult,
  GroupHierarchyResult,
  GroupMatrixResult,
  HierarchyResult,
  MatrixResult,
  SingleMatrixResult,
  ConsensusBelowZero,
} from './evaluate';
export { Problem, ProblemValidationError, formatPath, type ProblemIssue } from './contracts/problem';
export { analyzeMatrix, isDisconnected, CR_THRESHOLD, type MatrixAnalysis } from './ahp/analyze-matrix';
export { computePriorities } from './ahp/priorities';
export { fromRows, toRows, emptyMatrix, setJudgment, type ComparisonMatrix } from './ahp/matrix';
export { randomIndex, RANDOM_INDEX_TABLES } from './ahp/random-index';
export { positionToRatio, ratioToNearestPosition, scaleMaximum, scaleRatios, SCALE_DEFINITIONS, VERBAL_POSITION_KEYS } from './ahp/scale';
export { completeMatrix } from './ahp/incomplete';
export { aggregateJudgments, aggregatePriorities, judgmentDispersion } from './group/aggregate';
export { consensusIndicator, consensusLevel, storedConsensusFormula } from './group/consensus';
export { createNodeAccumulator } from './group/accumulator';
export { synthesize, rankByScore } from './synthesis/synthesize';
export { GOAL_NODE_ID } from './model/decision-model';
export { weightThresholds, pairReversals } from './sensitivity/weight-thresholds';
export { rankProbability } from './sensitivity/rank-probability';
export { whatIfModel, scoresAtWeight, type WhatIfModel, type StoredHierarchy } from './sensitivity/what-if';
export {
  gradient,
  rebalance,
  dynamicScores,
  weightedNodes,
  performance,
  headToHead,
  type Gradient,
  type FirstPlaceChange,
  type PerformanceRow,
  type HeadToHead,
  type HeadToHeadRow,
} from './sensitivity/graphs';
export { createRng, type Rng } from './random';
export {
  recommend,
  recommendStrategy,
  RECOMMENDATION_WEIGHTS,
  TIE_MARGIN,
  WEAK_RATING,
  type Recommendation,
  type MeasureRecommendation,
  type MeasureReason,
} from './recommend/recommend';
export { explain, type ExplanationSentence } from './recommend/explain';
export { diagnoseProfile, STRONG_RATING, type ProfileDiagnosis } from './recommend/diagnose';
