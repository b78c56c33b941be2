import type { Synthesis } from '../synthesis/synthesize';

/**
 * One-criterion sensitivity: criterion c's global weight g moves to g' and every other part of the hierarchy
 * is rescaled by (1 - g') / (1 - g), as in Expert Choice's performance sensitivity. Each alternative's total
 * is then linear in g':  T_a(g') = (g' / g) C_a + ((1 - g') / (1 - g)) (T_a - C_a),  C_a being the subtree's
 * contribution, so every crossing is found exactly by solving a linear equation.
 */
export type WeightThreshold = {
  criterion: string;
  weight: number;
  /** The nearest weight below the current one at which the top alternative changes, and to what. */
  lower: { weight: number; newTop: string } | null;
  /** The nearest weight above the current one at which the top alternative changes, and to what. */
  upper: { weight: number; newTop: string } | null;
};

export type PairReversal = {
  /** `a` currently ranks above `b`. */
  a: string;
  b: string;
  /** The criterion whose weight change reverses them soonest; null when no single criterion can. */
  criterion: string | null;
  weight: number | null;
  reversesAt: number | null;
  change: number | null;
};

/** Crossings this close to a weight of 0 or 1 are ties at the boundary (floating-point noise included). */
const BOUNDARY = 1e-9;

/**
 * The weight of `criterion` in (0, 1) at which alternatives `first` and `second` have equal totals (the others
 * rescaled), or null when their lines do not cross inside (parallel, or only at 0 or 1).
 */
export function crossing(
  synthesis: Synthesis,
  criterion: string,
  first: number,
  second: number,
): number | null {
  const g = synthesis.criteria[criterion]!.global;
  if (!(g > 0 && g < 1)) return null;
  const contributionA = synthesis.contributions[criterion]![first]!;
  const contributionB = synthesis.contributions[criterion]![second]!;
  const restA = synthesis.totals[first]! - contributionA;
  const restB = synthesis.totals[second]! - contributionB;
  // (g'/g)(Ca - Cb) + ((1-g')/(1-g))(Ra - Rb) = 0  ->  g' (dC/g - dR/(1-g)) = -dR/(1-g)
  const dC = contributionA - contributionB;
  const dR = restA - restB;
  const slope = dC / g - dR / (1 - g);
  if (Math.abs(slope) < 1e-15) return null;
  const at = -dR / (1 - g) / slope;
  // At a weight of exactly 0 or 1 the two only tie (they are equal on everything but this criterion, or on
  // this criterion alone), and no weight beyond it exists: not a change of order.
  return at > BOUNDARY && at < 1 - BOUNDARY ? at : null;
}

/** Alternative a's total when the criterion's global weight is moved to `at` (others rescaled). */
export function totalAt(synthesis: Synthesis, criterion: string, a: number, at: number): number {
  const g = synthesis.criteria[criterion]!.global;
  const contribution = synthesis.contributions[criterion]![a]!;
  return (at / g) * contribution + ((1 - at) / (1 - g)) * (synthesis.totals[a]! - contribution);
}

/** For every criterion (every node of the tree), the weights at which the top alternative would change. */
export function weightThresholds(synthesis: Synthesis, alternatives: readonly string[]): WeightThreshold[] {
  const top = indexOfMax(synthesis.totals);
  return Object.entries(synthesis.criteria).map(([criterion, { global: weight }]) => {
    let lowerAt: number | null = null;
    let upperAt: number | null = null;
    alternatives.forEach((_, other) => {
      if (other === top) return;
      const at = crossing(synthesis, criterion, top, other);
      if (at === null) return;
      if (at < weight && (lowerAt === null || at > lowerAt)) lowerAt = at;
      if (at > weight && (upperAt === null || at < upperAt)) upperAt = at;
    });
    // Several alternatives can overtake at the same weight: the new top is the one that leads just past it.
    const leaderPast = (at: number, step: number) => {
      const beyond = Math.min(1, Math.max(0, at + step));
      let best = -1;
      alternatives.forEach((_, a) => {
        if (a !== top && (best < 0 || totalAt(synthesis, criterion, a, beyond) > totalAt(synthesis, criterion, best, beyond))) best = a;
      });
      return alternatives[best]!;
    };
    const lower: WeightThreshold['lower'] = lowerAt === null ? null : { weight: lowerAt, newTop: leaderPast(lowerAt, -1e-9) };
    const upper: WeightThreshold['upper'] = upperAt === null ? null : { weight: upperAt, newTop: leaderPast(upperAt, 1e-9) };
    return { criterion, weight, lower, upper };
  });
}

/** For each pair of alternatives, the smallest single-criterion weight change that reverses their order. */
export function pairReversals(synthesis: Synthesis, alternatives: readonly string[]): PairReversal[] {
  const order = alternatives.map((_, index) => index).sort((x, y) => synthesis.totals[y]! - synthesis.totals[x]!);
  const reversals: PairReversal[] = [];
  for (let p = 0; p < order.length; p++) {
    for (let q = p + 1; q < order.length; q++) {
      const first = order[p]!;
      const second = order[q]!;
      let best: PairReversal = { a: alternatives[first]!, b: alternatives[second]!, criterion: null, weight: null, reversesAt: null, change: null };
      for (const [criterion, { global: weight }] of Object.entries(synthesis.criteria)) {
        const at = crossing(synthesis, criterion, first, second);
        if (at === null) continue;
        const change = at - weight;
        if (best.change === null || Math.abs(change) < Math.abs(best.change)) {
          best = { ...best, criterion, weight, reversesAt: at, change };
        }
      }
      reversals.push(best);
    }
  }
  return reversals;
}

export function indexOfMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
