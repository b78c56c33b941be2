/**
 * How far apart two priority vectors, or two rankings, are: the measures the stakeholder-group comparison names
 * (core/model/stakeholder-groups.ts). Pure functions over plain arrays, in the same element order.
 */

/**
 * Saaty's compatibility index of two priority vectors w and v of the same elements:
 *
 *   S(w, v) = (1/n^2) sum_i sum_j (w_i / w_j)(v_j / v_i) = (1/n^2) (sum_i w_i / v_i)(sum_j v_j / w_j)
 *
 * the mean of the Hadamard product of one consistent ratio matrix W = (w_i/w_j) with the transpose of the other.
 * S = 1 exactly when the vectors are proportional and grows as they part; it is symmetric in w and v and does not
 * depend on how either is normalised. Saaty and Peniwati (2008, "Group Decision Making: Drawing out and Reconciling
 * Differences", RWS Publications; presented with its limit in Garuti & Salomon 2011, IJAHP 4(2)) take S <= 1.1
 * (COMPATIBILITY_LIMIT) as compatible. Null when a vector has a weight of 0 or below (a ratio to 0 has no value),
 * or when the vectors differ in length or are empty.
 *
 * Not the geometric compatibility index GCOMPI (Aguaron, Escobar & Moreno-Jimenez), which scales the squared log
 * differences by 2/((n-1)(n-2)), as the GCI does, and so has no value for two elements.
 */
export function compatibilityIndex(w: readonly number[], v: readonly number[]): number | null {
  const n = w.length;
  if (n === 0 || v.length !== n) return null;
  let forward = 0;
  let backward = 0;
  for (let i = 0; i < n; i++) {
    const a = w[i]!;
    const b = v[i]!;
    if (!(a > 0) || !(b > 0)) return null;
    forward += a / b;
    backward += b / a;
  }
  const value = (forward * backward) / (n * n);
  // Rounding can take proportional vectors a hair below 1, which S cannot be (Cauchy-Schwarz).
  return Number.isFinite(value) ? Math.max(1, value) : null;
}

/** Saaty and Peniwati's (2008) limit of compatibility: S above it means the two sets of priorities are not compatible. */
export const COMPATIBILITY_LIMIT = 1.1;

/**
 * Kendall's tau-b between two orderings of the same elements, given as scores (higher ranks first):
 *
 *   tau_b = (C - D) / sqrt((P - T_x)(P - T_y)),  P = n(n-1)/2
 *
 * C and D count the concordant and discordant pairs, T_x and T_y the pairs tied in one ordering (Kendall 1945,
 * "The treatment of ties in ranking problems", Biometrika 33(3), 239-251). 1 = the same order, -1 = the reverse,
 * 0 = no association. Scores closer than `tieTolerance` (relative to the larger) count as tied. Null for fewer than
 * 2 elements, vectors of different length, or when one ordering ties everything (tau is undefined then).
 */
export function kendallTauB(x: readonly number[], y: readonly number[], tieTolerance = 1e-9): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const sign = (a: number, b: number) => {
    const scale = Math.max(Math.abs(a), Math.abs(b));
    const difference = a - b;
    return Math.abs(difference) <= tieTolerance * scale ? 0 : Math.sign(difference);
  };
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sx = sign(x[i]!, x[j]!);
      const sy = sign(y[i]!, y[j]!);
      if (sx === 0) tiedX++;
      if (sy === 0) tiedY++;
      if (sx !== 0 && sy !== 0) {
        if (sx === sy) concordant++;
        else discordant++;
      }
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  // Within [-1, 1] in exact arithmetic; the clamp only absorbs rounding.
  return denominator > 0 ? Math.min(1, Math.max(-1, (concordant - discordant) / denominator)) : null;
}

/**
 * Each element's place (1 = first) when ordered by score, highest first; ties share the best place among them
 * ("1, 1, 3"), with the same tolerance as kendallTauB.
 */
export function placesByScore(scores: readonly number[], tieTolerance = 1e-9): number[] {
  return scores.map((score) => {
    let above = 0;
    for (const other of scores) {
      const scale = Math.max(Math.abs(score), Math.abs(other));
      if (other - score > tieTolerance * scale) above++;
    }
    return above + 1;
  });
}
