import type { ConsensusFormula } from '../contracts/method';

/**
 * Goepel's AHP consensus indicator S* (relative homogeneity from Shannon alpha/beta diversity), 1 = full
 * consensus, 0 = none, for K priority vectors of length n:
 *
 *   H_alpha = sum_k omega_k sum_j -w_jk ln w_jk          (mean entropy of the individuals)
 *   H_gamma = sum_j -wbar_j ln wbar_j, wbar = sum_k omega_k w_k   (entropy of the mean)
 *   H_beta  = H_gamma - H_alpha
 *   H_alpha,min = -(M/(n+M-1)) ln(M/(n+M-1)) - (n-1)/(n+M-1) ln(1/(n+M-1))
 *                 (one element judged M times every other: the most extreme priorities the scale gives directly)
 *   S*  = (exp(-H_beta) - D) / (1 - D),  D = exp(H_alpha,min) / exp(H_gamma,max)
 *
 * Two versions of H_gamma,max, the entropy of the mean when the group disagrees most:
 * - `ahp-os` (default): H_gamma,max = ln n, as AHP-OS computes it (classes/AhpGroup.php, ahpShannonCor, where the
 *   K-dependent term is computed and then replaced by ln n; Goepel 2018, IJAHP 10(3)).
 * - `goepel-2013`: as first published (Goepel 2013, ISAHP, "Implementing the AHP as a standard method for
 *   MCDM in corporate enterprises"): each of K participants puts a different element M times above all others,
 *   so for K < n the mean has K entries p1 = (K+M-1)/(K(n+M-1)) and n-K entries p0 = 1/(n+M-1), and
 *   H_gamma,max = -K p1 ln p1 - (n-K) p0 ln p0; for K >= n it is ln n. The versions agree when K >= n and differ
 *   by up to about 0.5 when K < n.
 *
 * M is the largest ratio of the judgment scale (`scaleMaximum`: 9 for Saaty's). omega are participant weights
 * summing to 1 (AHP-OS uses equal weights). n = 1 or a single participant gives 1. The value is not clamped
 * below: S* < 0 means the priorities are more diverse than the formula's case of no consensus (possible when
 * individual priorities are more extreme than "one element M times every other", e.g. from chained strong
 * judgments or direct scores with zeros, or with the 2013 version when the participants disagree on several
 * elements at once); results report it with `consensusBelowZero`. Above 1 only by rounding, which is clamped.
 */
export function consensusIndicator(
  vectors: ReadonlyArray<ArrayLike<number>>,
  weights: readonly number[],
  scaleMaximum = 9,
  formula: ConsensusFormula = 'ahp-os',
): number {
  const sums = entropySums(vectors, weights);
  return consensusFromSums(sums, scaleMaximum, formula);
}

export type EntropySums = { weight: number; count: number; weightedEntropy: number; weightedVector: Float64Array };

/** Sums that make the indicator incremental: each participant adds its weight, entropy and weighted vector. */
export function entropySums(vectors: ReadonlyArray<ArrayLike<number>>, weights: readonly number[]): EntropySums {
  const n = vectors[0]!.length;
  const sums: EntropySums = { weight: 0, count: 0, weightedEntropy: 0, weightedVector: new Float64Array(n) };
  vectors.forEach((vector, k) => addToEntropySums(sums, vector, weights[k]!, 1));
  return sums;
}

export function addToEntropySums(sums: EntropySums, vector: ArrayLike<number>, weight: number, sign: 1 | -1): void {
  let entropy = 0;
  for (let j = 0; j < vector.length; j++) {
    const w = vector[j]!;
    if (w > 0) entropy -= w * Math.log(w);
    sums.weightedVector[j]! += sign * weight * w;
  }
  sums.weight += sign * weight;
  sums.count += sign;
  sums.weightedEntropy += sign * weight * entropy;
}

const plogp = (p: number) => (p > 0 ? -p * Math.log(p) : 0);

export function consensusFromSums(sums: EntropySums, scaleMaximum = 9, formula: ConsensusFormula = 'ahp-os'): number {
  const n = sums.weightedVector.length;
  if (n <= 1 || sums.weight <= 0 || sums.count <= 1) return 1;
  const alpha = sums.weightedEntropy / sums.weight;
  let gamma = 0;
  for (let j = 0; j < n; j++) gamma += plogp(sums.weightedVector[j]! / sums.weight);
  const beta = gamma - alpha;
  const m = scaleMaximum;
  const alphaMin = plogp(m / (n + m - 1)) + (n - 1) * plogp(1 / (n + m - 1));
  const k = sums.count;
  const gammaMax =
    formula === 'goepel-2013' && k < n ? k * plogp((k + m - 1) / (k * (n + m - 1))) + (n - k) * plogp(1 / (n + m - 1)) : Math.log(n);
  const reference = Math.exp(alphaMin - gammaMax);
  const value = (Math.exp(-beta) - reference) / (1 - reference);
  return Math.min(1, value);
}

/** The formula of a stored group result: results stored before the formula was named used AHP-OS's. */
export function storedConsensusFormula(result: { consensusFormula?: ConsensusFormula }): ConsensusFormula {
  return result.consensusFormula ?? 'ahp-os';
}

/** Wording of AHP-OS's code (consensusWording): very low <= 50%, low < 62.5%, moderate < 75%, high < 87.5%. */
export function consensusLevel(value: number): 'very-low' | 'low' | 'moderate' | 'high' | 'very-high' {
  const percent = value * 100;
  if (percent <= 50) return 'very-low';
  if (percent <= 62.5) return 'low';
  if (percent <= 75) return 'moderate';
  if (percent <= 87.5) return 'high';
  return 'very-high';
}
