import type { ClusterProfile, ProfileFactorGroup } from '../contracts/profile';
import { PROFILE_RATING_MAX, PROFILE_RATING_MIN } from '../contracts/profile';
import { WEAK_RATING } from './recommend';

/** A factor rated at or above this counts as a strength (4 = "strong" on the 1..5 scale). */
export const STRONG_RATING = 4;

export type DiagnosisFactor = { key: string; group: ProfileFactorGroup; rating: number };

export type StrategyDependence = {
  strategy: string;
  /** The factors the strategy leans on, in the definition's order; `rating` is null where the factor is not rated. */
  leansOn: Array<{ factor: string; rating: number | null; isWeak: boolean }>;
};

/**
 * The paper's diagnosis of a cluster, read off its profile: what is strong, what is weak, which key success
 * factors are missing, the region's priorities by share, and for each strategy the factors it leans on.
 */
export type ProfileDiagnosis = {
  /** The ordinal scale and the two cut-offs every word of the diagnosis comes from. */
  scale: { min: number; max: number; weakAtOrBelow: number; strongAtOrAbove: number };
  /** The definition version the profile was rated with. */
  definitionVersion: number;
  strengths: DiagnosisFactor[];
  weaknesses: DiagnosisFactor[];
  /** Key success factors rated weak: the paper's preconditions the cluster lacks. */
  missingSuccessFactors: DiagnosisFactor[];
  /** Factors nobody rated, in the definition's order: the diagnosis says nothing about them. */
  unrated: string[];
  /** Regional priorities with a weight, largest share first; share = weight / sum of weights. */
  priorities: Array<{ key: string; weight: number; share: number }>;
  strategies: StrategyDependence[];
};

export type DiagnoseInput = {
  definition: {
    version: number;
    factors: ReadonlyArray<{ key: string; group: ProfileFactorGroup }>;
    strategyReliance?: ReadonlyArray<{ strategy: string; factor: string }>;
  };
  /** Null before anyone assessed the profile: then there is nothing to diagnose. */
  profile: ClusterProfile | null;
  /** The session's strategies in the order to report them (the result's ranking); others in the definition are left out. */
  strategies: readonly string[];
};

/**
 * Classifies each rated factor on the profile's ordinal scale (PROFILE_RATING_MIN..PROFILE_RATING_MAX):
 * rating <= WEAK_RATING (2) is a weakness, rating >= STRONG_RATING (4) a strength, 3 neither. The same cut-off as
 * the measure ranking's weakness reasons (core/recommend recommend), so a factor the diagnosis calls weak is the
 * one the recommended measures say they answer. Ties are kept in the definition's order; nothing is averaged
 * or weighted, so every line quotes a rating as entered. A strategy lists only the factors the definition
 * says it leans on (`strategyReliance`); a strategy the definition does not know (one the facilitator added)
 * gets no entry.
 */
export function diagnoseProfile({ definition, profile, strategies }: DiagnoseInput): ProfileDiagnosis | null {
  if (!profile) return null;
  const rated: DiagnosisFactor[] = [];
  const unrated: string[] = [];
  for (const factor of definition.factors) {
    const rating = profile.ratings[factor.key];
    if (rating === undefined) unrated.push(factor.key);
    else rated.push({ key: factor.key, group: factor.group, rating });
  }
  // Array.prototype.sort is stable: equal ratings stay in the definition's order.
  const strengths = rated.filter((f) => f.rating >= STRONG_RATING).sort((a, b) => b.rating - a.rating);
  const weaknesses = rated.filter((f) => f.rating <= WEAK_RATING).sort((a, b) => a.rating - b.rating);
  const totalWeight = Object.values(profile.regionalPriorities).reduce((sum, weight) => sum + weight, 0);
  const priorities = Object.entries(profile.regionalPriorities)
    .filter(([, weight]) => weight > 0)
    .map(([key, weight]) => ({ key, weight, share: weight / totalWeight }))
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
  const reliance = definition.strategyReliance ?? [];
  return {
    scale: { min: PROFILE_RATING_MIN, max: PROFILE_RATING_MAX, weakAtOrBelow: WEAK_RATING, strongAtOrAbove: STRONG_RATING },
    definitionVersion: definition.version,
    strengths,
    weaknesses,
    missingSuccessFactors: weaknesses.filter((f) => f.group === 'success-factor'),
    unrated,
    priorities,
    strategies: strategies.flatMap((strategy) => {
      const leansOn = reliance
        .filter((entry) => entry.strategy === strategy)
        .map(({ factor }) => {
          const rating = profile.ratings[factor] ?? null;
          return { factor, rating, isWeak: rating !== null && rating <= WEAK_RATING };
        });
      return leansOn.length ? [{ strategy, leansOn }] : [];
    }),
  };
}
