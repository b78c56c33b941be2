import type { StakeholderGroup } from '../contracts/session';
import { COMPATIBILITY_LIMIT, compatibilityIndex, kendallTauB, placesByScore } from './compatibility';

/**
 * How far apart two results are: Saaty's compatibility index S of their priority vectors (1 = the same, above
 * COMPATIBILITY_LIMIT = not compatible) and Kendall's tau-b of the orders they imply (1 = same order, -1 = the
 * reverse), for the leaf criteria's global weights and for the strategies' scores. Null where a measure is
 * undefined (see compatibilityIndex, kendallTauB).
 */
export type ResultDistance = {
  criteriaCompatibility: number | null;
  criteriaTau: number | null;
  strategiesCompatibility: number | null;
  strategiesTau: number | null;
};

/**
 * Each leaf criterion's place by global weight and each strategy's by score (1 = first; ties share the best place),
 * the places the comparison's words and tables name.
 */
export type Places = { criteria: Record<string, number>; strategies: Record<string, number> };

/** One stakeholder group's own result: its members alone, aggregated as the whole group's is. */
export type StakeholderGroupResult = {
  group: StakeholderGroup;
  /** Members of the group who joined, and how many of them the group's own result includes. */
  members: number;
  included: number;
  /** Fewer than 2 people in the group's result: it is one person's view, not a group's. */
  isSmall: boolean;
  /** Global weight of every criterion, and the strategies' scores and order; null when nobody could be included. */
  criteria: Record<string, number> | null;
  alternatives: Record<string, number> | null;
  ranking: string[] | null;
  places: Places | null;
  /** The distance from the whole group's result; null without a result of its own. */
  toWhole: ResultDistance | null;
};

/**
 * Where two groups (each with at least 2 people) disagree most: the leaf criterion whose place (1 = most important
 * of `count`) differs most between them, the larger difference in weight breaking ties.
 */
export type GroupDisagreement = {
  a: StakeholderGroup;
  b: StakeholderGroup;
  criterion: string;
  count: number;
  placeA: number;
  weightA: number;
  placeB: number;
  weightB: number;
};

export const COMPARISON_MEASURES = {
  priorities: 'saaty-compatibility-index',
  compatibilityLimit: COMPATIBILITY_LIMIT,
  ranking: 'kendall-tau-b',
} as const;

/** The stakeholder groups side by side, stored with the group result; its size grows with the groups, not the people. */
export type StakeholderGroupComparison = {
  measures: typeof COMPARISON_MEASURES;
  /** The whole group's figures as the comparison reads them, with how many people its result includes. */
  whole: { included: number; criteria: Record<string, number>; alternatives: Record<string, number>; places: Places };
  /** In the order of STAKEHOLDER_GROUPS; only groups someone joined. */
  groups: StakeholderGroupResult[];
  /** Every pair of groups that both have a result, in the groups' order. */
  pairs: Array<{ a: StakeholderGroup; b: StakeholderGroup } & ResultDistance>;
  /** At most MAX_DISAGREEMENTS, largest first, at most one per pair of groups. */
  disagreements: GroupDisagreement[];
};

export const MAX_DISAGREEMENTS = 3;

type Figures = { criteria: Record<string, number>; alternatives: Record<string, number> };

/** What the comparison reads of a result: criteria's global weights and the strategies' scores. */
export type ComparedResult = { criteria: Record<string, { global: number }>; alternatives: Record<string, number>; ranking: string[] };

function distance(x: Figures, y: Figures, leaves: readonly string[], strategies: readonly string[]): ResultDistance {
  const vector = (record: Record<string, number>, keys: readonly string[]) => keys.map((key) => record[key] ?? 0);
  const [cx, cy] = [vector(x.criteria, leaves), vector(y.criteria, leaves)];
  const [sx, sy] = [vector(x.alternatives, strategies), vector(y.alternatives, strategies)];
  return {
    criteriaCompatibility: compatibilityIndex(cx, cy),
    criteriaTau: kendallTauB(cx, cy),
    strategiesCompatibility: compatibilityIndex(sx, sy),
    strategiesTau: kendallTauB(sx, sy),
  };
}

function placesOf(figures: Figures, leaves: readonly string[], strategies: readonly string[]): Places {
  const keyed = (keys: readonly string[], record: Record<string, number>) => {
    const places = placesByScore(keys.map((key) => record[key] ?? 0));
    return Object.fromEntries(keys.map((key, i) => [key, places[i]!]));
  };
  return { criteria: keyed(leaves, figures.criteria), strategies: keyed(strategies, figures.alternatives) };
}

function globalWeights(result: ComparedResult): Record<string, number> {
  return Object.fromEntries(Object.entries(result.criteria).map(([key, weight]) => [key, weight.global]));
}

function largestDisagreement(a: StakeholderGroupResult, b: StakeholderGroupResult, leaves: readonly string[]): GroupDisagreement | null {
  const weightsA = leaves.map((key) => a.criteria![key] ?? 0);
  const weightsB = leaves.map((key) => b.criteria![key] ?? 0);
  const placesA = leaves.map((key) => a.places!.criteria[key]!);
  const placesB = leaves.map((key) => b.places!.criteria[key]!);
  let best: GroupDisagreement | null = null;
  let bestGap = 0;
  let bestDifference = 0;
  leaves.forEach((criterion, i) => {
    const gap = Math.abs(placesA[i]! - placesB[i]!);
    const difference = Math.abs(weightsA[i]! - weightsB[i]!);
    if (gap === 0) return;
    if (gap > bestGap || (gap === bestGap && difference > bestDifference)) {
      bestGap = gap;
      bestDifference = difference;
      // The group that puts the criterion higher speaks first: "firms put it 1st; government 4th".
      const [first, second, i1, i2, w1, w2] =
        placesA[i]! < placesB[i]! ? [a, b, placesA[i]!, placesB[i]!, weightsA[i]!, weightsB[i]!] : [b, a, placesB[i]!, placesA[i]!, weightsB[i]!, weightsA[i]!];
      best = { a: first.group, b: second.group, criterion, count: leaves.length, placeA: i1, weightA: w1, placeB: i2, weightB: w2 };
    }
  });
  return best;
}

/**
 * The stakeholder groups side by side: each group's own result (`own`, computed by the caller from its members
 * alone), its distance from the whole group's, the distance between every two groups, and where groups of at
 * least 2 people disagree most. `leaves` are the leaf criteria and `strategies` the alternatives, in model order.
 */
export function compareStakeholderGroups(
  whole: ComparedResult & { included: number },
  own: ReadonlyArray<{ group: StakeholderGroup; members: number; included: number; result: ComparedResult | null }>,
  leaves: readonly string[],
  strategies: readonly string[],
): StakeholderGroupComparison {
  const wholeFigures = { criteria: globalWeights(whole), alternatives: whole.alternatives };
  const groups: StakeholderGroupResult[] = own.map(({ group, members, included, result }) => {
    if (!result) return { group, members, included, isSmall: included < 2, criteria: null, alternatives: null, ranking: null, places: null, toWhole: null };
    const figures = { criteria: globalWeights(result), alternatives: result.alternatives };
    return {
      group,
      members,
      included,
      isSmall: included < 2,
      ...figures,
      ranking: result.ranking,
      places: placesOf(figures, leaves, strategies),
      toWhole: distance(figures, wholeFigures, leaves, strategies),
    };
  });
  const withResult = groups.filter((g) => g.criteria && g.alternatives);
  const pairs: StakeholderGroupComparison['pairs'] = [];
  const candidates: Array<GroupDisagreement & { difference: number }> = [];
  withResult.forEach((a, i) => {
    for (const b of withResult.slice(i + 1)) {
      const figuresA = { criteria: a.criteria!, alternatives: a.alternatives! };
      const figuresB = { criteria: b.criteria!, alternatives: b.alternatives! };
      pairs.push({ a: a.group, b: b.group, ...distance(figuresA, figuresB, leaves, strategies) });
      if (a.isSmall || b.isSmall) continue;
      const found = largestDisagreement(a, b, leaves);
      if (found) candidates.push({ ...found, difference: Math.abs(found.weightA - found.weightB) });
    }
  });
  const disagreements = candidates
    .sort((x, y) => Math.abs(y.placeA - y.placeB) - Math.abs(x.placeA - x.placeB) || y.difference - x.difference)
    .slice(0, MAX_DISAGREEMENTS)
    .map(({ difference: _difference, ...entry }) => entry);
  return {
    measures: COMPARISON_MEASURES,
    whole: { included: whole.included, ...wholeFigures, places: placesOf(wholeFigures, leaves, strategies) },
    groups,
    pairs,
    disagreements,
  };
}
