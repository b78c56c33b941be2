import type { Measure } from '../contracts/catalogue';
import { PROFILE_RATING_MAX, PROFILE_RATING_MIN, type ClusterProfile } from '../contracts/profile';

/**
 * From a computed strategy decision to a recommendation: the strategy to follow (with its margin, its
 * probability of ranking first and the nearest weight change that would overturn it) and the measures to start
 * with, each scored from four traceable parts:
 *
 *   criteria   how much of the stakeholders' criteria weight the measure serves: sum of w_c * r_mc over
 *              criteria c, with r_mc the measure's rating on c (0..1) when the session scored measures, else
 *              1 for each criterion the catalogue links it to; divided by the best measure's value (0..1).
 *   fit        the catalogue's fit of the measure with the recommended strategy (0..1).
 *   weakness   how much it strengthens the profile's weak factors: 1 - prod over answered factors of
 *              (1 - weakness_f), weakness_f = (5 - rating) / 4; a measure answering one very weak factor
 *              scores high, answering several moderate ones too (0..1).
 *   priority   the share of the region's priority weight it serves (0..1).
 *
 *   score = 0.4 criteria + 0.25 fit + 0.2 weakness + 0.15 priority  (RECOMMENDATION_WEIGHTS)
 *
 * Pure and deterministic: the same inputs give the same recommendation, and every number in a reason is an
 * input or a computed part of the score.
 */
export const RECOMMENDATION_WEIGHTS = { criteria: 0.4, fit: 0.25, weakness: 0.2, priority: 0.15 } as const;
export type RecommendationWeights = { criteria: number; fit: number; weakness: number; priority: number };

/** A factor rated at or below this counts as a weakness in the reasons. */
export const WEAK_RATING = 2;

export const DEFAULT_MEASURE_COUNT = 5;

/**
 * A lead below this (0.05 percentage points) shows as 0.0 points at the one decimal the UI prints, so the
 * first two strategies are reported as tied rather than one "ahead" by nothing.
 */
export const TIE_MARGIN = 0.0005;

export type StrategyOutcome = {
  /** Strategy key -> global priority (summing to 1). */
  scores: Record<string, number>;
  /** Strategy key -> probability of ranking first (Monte Carlo), when computed. */
  firstPlace?: Record<string, number> | null;
  /** Per criterion, the weights at which the top strategy would change (from the engine's robustness). */
  thresholds?: ReadonlyArray<{
    criterion: string;
    weight: number;
    lower: { weight: number; newTop: string } | null;
    upper: { weight: number; newTop: string } | null;
  }>;
};

/** What the recommendation reads of a measure: a session's own measures have names in one language only. */
export type RecommendableMeasure = Pick<Measure, 'key' | 'family' | 'criteria' | 'answersWeaknesses' | 'servesPriorities' | 'strategyFit'>;

export type RecommendInput = {
  strategy: StrategyOutcome;
  /** Criterion key -> global weight, for the criteria the catalogue refers to. */
  criteriaWeights: Record<string, number>;
  measures: readonly RecommendableMeasure[];
  profile: ClusterProfile | null;
  /** Optional ratings of measures against criteria (0..1), from the session's scoring step. */
  measureRatings?: Record<string, Record<string, number>>;
  count?: number;
  weights?: RecommendationWeights;
};

export type MeasureReason =
  | { kind: 'criteria'; criteria: Array<{ key: string; weight: number; rating: number }> }
  | { kind: 'strategy-fit'; strategy: string; fit: number }
  | { kind: 'weakness'; factors: Array<{ key: string; rating: number }> }
  | { kind: 'priority'; priorities: Array<{ key: string; weight: number }> };

export type MeasureRecommendation = {
  key: string;
  family: string;
  score: number;
  parts: { criteria: number; fit: number; weakness: number; priority: number };
  reasons: MeasureReason[];
};

export type StrategyRecommendation = {
  strategy: string;
  score: number;
  runnerUp: string | null;
  /** Score of the recommended strategy minus the runner-up's, in points of the 0..1 scale. */
  margin: number;
  /** The margin is below TIE_MARGIN: the first two are level for practical purposes. */
  isTie: boolean;
  probabilityFirst: number | null;
  /** Every strategy by descending score (ties by key), with its probability of ranking first when computed. */
  ranking: Array<{ key: string; score: number; probabilityFirst: number | null }>;
  /** The single criterion weight change closest to overturning the recommendation, if any can. */
  nearestThreshold: {
    criterion: string;
    weight: number;
    threshold: number;
    direction: 'rises' | 'falls';
    newTop: string;
  } | null;
};

export type Recommendation = {
  strategy: StrategyRecommendation;
  measures: MeasureRecommendation[];
  weights: RecommendationWeights;
};

export function recommend(input: RecommendInput): Recommendation {
  const weights = input.weights ?? RECOMMENDATION_WEIGHTS;
  const strategy = recommendStrategy(input.strategy);
  const criteriaRaw = input.measures.map((measure) => criteriaServed(measure, input));
  const bestCriteria = Math.max(0, ...criteriaRaw.map((entry) => entry.value));
  const totalPriority = Object.values(input.profile?.regionalPriorities ?? {}).reduce((sum, w) => sum + w, 0);

  const scored = input.measures.map((measure, index) => {
    const criteria = bestCriteria > 0 ? criteriaRaw[index]!.value / bestCriteria : 0;
    const fit = measure.strategyFit[strategy.strategy] ?? 0;
    const answered = measure.answersWeaknesses
      .map((key) => ({ key, rating: input.profile?.ratings[key] }))
      .filter((entry): entry is { key: string; rating: number } => entry.rating !== undefined);
    const weakness = 1 - answered.reduce((product, { rating }) => product * (1 - weaknessOf(rating)), 1);
    const served = measure.servesPriorities
      .map((key) => ({ key, weight: input.profile?.regionalPriorities[key] ?? 0 }))
      .filter((entry) => entry.weight > 0);
    const priority = totalPriority > 0 ? served.reduce((sum, entry) => sum + entry.weight, 0) / totalPriority : 0;
    const parts = { criteria, fit, weakness, priority };
    const score =
      weights.criteria * criteria + weights.fit * fit + weights.weakness * weakness + weights.priority * priority;
    const reasons: MeasureReason[] = [];
    const criteriaReason = criteriaRaw[index]!.served.filter((entry) => entry.weight > 0);
    if (criteriaReason.length) reasons.push({ kind: 'criteria', criteria: criteriaReason.sort((a, b) => b.weight * b.rating - a.weight * a.rating) });
    reasons.push({ kind: 'strategy-fit', strategy: strategy.strategy, fit });
    const weak = answered.filter((entry) => entry.rating <= WEAK_RATING).sort((a, b) => a.rating - b.rating);
    if (weak.length) reasons.push({ kind: 'weakness', factors: weak });
    if (served.length) reasons.push({ kind: 'priority', priorities: served.sort((a, b) => b.weight - a.weight) });
    return { key: measure.key, family: measure.family, score, parts, reasons };
  });
  // Ties broken by key so that the order never depends on the catalogue's order.
  scored.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return { strategy, measures: scored.slice(0, input.count ?? DEFAULT_MEASURE_COUNT), weights };
}

function weaknessOf(rating: number): number {
  return (PROFILE_RATING_MAX - rating) / (PROFILE_RATING_MAX - PROFILE_RATING_MIN);
}

function criteriaServed(measure: RecommendableMeasure, input: RecommendInput) {
  const ratings = input.measureRatings?.[measure.key];
  const keys = ratings ? Object.keys(ratings) : measure.criteria;
  const served = keys.map((key) => ({
    key,
    weight: input.criteriaWeights[key] ?? 0,
    rating: ratings ? ratings[key]! : 1,
  }));
  return { served, value: served.reduce((sum, entry) => sum + entry.weight * entry.rating, 0) };
}

export function recommendStrategy(outcome: StrategyOutcome): StrategyRecommendation {
  const ranked = Object.entries(outcome.scores).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [top, topScore] = ranked[0]!;
  const second = ranked[1];
  let nearest: StrategyRecommendation['nearestThreshold'] = null;
  let nearestDistance = Infinity;
  for (const threshold of outcome.thresholds ?? []) {
    for (const [bound, direction] of [
      [threshold.upper, 'rises'],
      [threshold.lower, 'falls'],
    ] as const) {
      if (!bound) continue;
      const distance = Math.abs(bound.weight - threshold.weight);
      if (distance < nearestDistance) {
        nearestDistance = distance;
        nearest = { criterion: threshold.criterion, weight: threshold.weight, threshold: bound.weight, direction, newTop: bound.newTop };
      }
    }
  }
  const margin = second ? topScore - second[1] : topScore;
  const probabilityOf = (key: string) => (outcome.firstPlace ? (outcome.firstPlace[key] ?? 0) : null);
  return {
    strategy: top,
    score: topScore,
    runnerUp: second ? second[0] : null,
    margin,
    isTie: second !== undefined && margin < TIE_MARGIN,
    probabilityFirst: probabilityOf(top),
    ranking: ranked.map(([key, score]) => ({ key, score, probabilityFirst: probabilityOf(key) })),
    nearestThreshold: nearest,
  };
}
