import 'server-only';
import { isGroupResult } from '~/core/model';
import { diagnoseProfile } from '~/core/recommend/diagnose';
import { explain } from '~/core/recommend/explain';
import { recommend } from '~/core/recommend/recommend';
import { storedMonteCarloModel } from '~/core/sensitivity/rank-probability';
import { whatIfModel } from '~/core/sensitivity/what-if';
import type { SessionSnapshot } from '../shared/session-snapshot';
import type { ResultView } from './views';

/**
 * The recommendation drawn from a stored result, the session's measures and its cluster profile, all from one
 * snapshot, with the profile's diagnosis. The diagnosis is drawn here, on read, not stored with the result: the
 * measures are ranked by the profile as it is now, and the diagnosis must quote the same ratings they do. Nothing is drawn at random here: the probability of ranking first is the engine's Monte Carlo stored
 * with the result (its seed is returned), so the same stored result, measures and profile always give the same
 * recommendation. `whatIf` is what the browser needs to replay the one-criterion sensitivity with core's
 * scoresAtWeight.
 */
export function recommendationOf(snapshot: SessionSnapshot, view: ResultView, measureCount: number) {
  const { result } = view;
  const isGroup = isGroupResult(result);
  const includedCount = view.counts.included;
  // One person's answers have no spread between people to vary: every trial would crown the same strategy.
  const hasSpread = isGroup && includedCount >= 2;
  const rankProbability = hasSpread ? result.robustness.rankProbability : null;
  const thresholds = result.robustness.thresholds;
  const profile = snapshot.profile ? { ratings: snapshot.profile.ratings, regionalPriorities: snapshot.profile.regionalPriorities } : null;
  const recommendation = recommend({
    strategy: { scores: result.alternatives, firstPlace: rankProbability?.firstPlace ?? null, thresholds },
    criteriaWeights: Object.fromEntries(Object.entries(result.criteria).map(([key, { global }]) => [key, global])),
    measures: snapshot.measures,
    profile,
    count: measureCount,
  });
  const explanation = explain({
    recommendation,
    consensus: isGroup && hasSpread ? { value: result.overallConsensus, level: result.consensusLevel } : null,
    nodeConsensus: isGroup && hasSpread ? result.consensus : null,
    monteCarloModel: rankProbability ? storedMonteCarloModel(rankProbability) : null,
  });
  const diagnosis = snapshot.profileDefinition
    ? diagnoseProfile({ definition: snapshot.profileDefinition, profile, strategies: recommendation.strategy.ranking.map((entry) => entry.key) })
    : null;
  return {
    scope: view.scope === 'group' ? ('group' as const) : ('own' as const),
    computedAt: view.computedAt,
    isStale: view.isStale,
    isGroup,
    includedCount,
    strategy: recommendation.strategy,
    /** How the probabilities of ranking first were estimated; null when there is no spread to vary. */
    rankProbability: rankProbability
      ? { samples: rankProbability.samples, seed: rankProbability.seed, model: storedMonteCarloModel(rankProbability) }
      : null,
    thresholds,
    measures: recommendation.measures,
    /** How many measures the session has, of which `measures` are the best. */
    measureTotal: snapshot.measures.length,
    /** The weights of a measure's four score parts (criteria, fit, weakness, priority). */
    measureWeights: recommendation.weights,
    hasProfile: profile !== null,
    /** The cluster profile's diagnosis (core/recommend diagnoseProfile), from the same profile the measures are ranked by. */
    diagnosis,
    explanation,
    whatIf: whatIfModel(result),
  };
}

export type RecommendationView = ReturnType<typeof recommendationOf>;
