/**
 * Goepel's AHP consensus indicator S* (relative homogeneity from Shannon alpha/beta diversity; Goepel 2013,
 * 2018, as implemented in AHP-OS), 0 = no consensus .. 1 = full consensus, for k priority vectors of length n:
 *
 *   H_alpha = sum_k omega_k sum_j -w_jk ln w_jk          (mean entropy of the individuals)
 *   H_gamma = sum_j -wbar_j ln wbar_j, wbar = sum_k omega_k w_k   (entropy of the mean)
 *   H_beta  = H_gamma - H_alpha
 *   H_alpha,min = -(M/(n+M-1)) ln(M/(n+M-1)) - (n-1)/(n+M-1) ln(1/(n+M-1))
 *   cor = n / exp(H_alpha,min)
 *   S*  = (exp(-H_beta) - 1/cor) / (1 - 1/cor)
 *
 * M is the largest ratio of the judgment scale (9 for Saaty's). omega are participant weights summing to 1
 * (AHP-OS uses equal weights). Clamped to [0, 1]. n = 1 gives 1.
 */
export function consensusIndicator(
  vectors: ReadonlyArray<ArrayLike<number>>,
  weights: readonly number[],
  scaleMaximum = 9,
): number {
  const sums = entropySums(vectors, weights);
  return consensusFromSums(sums, scaleMaximum);
}

export type EntropySums = { weight: number; weightedEntropy: number; weightedVector: Float64Array };

/** Sums that make the indicator incremental: each participant adds its weight, entropy and weighted vector. */
export function entropySums(vectors: ReadonlyArray<ArrayLike<number>>, weights: readonly number[]): EntropySums {
  const n = vectors[0]!.length;
  const sums: EntropySums = { weight: 0, weightedEntropy: 0, weightedVector: new Float64Array(n) };
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
  sums.weightedEntropy += sign * weight * entropy;
}

export function consensusFromSums(sums: EntropySums, scaleMaximum = 9): number {
  const n = sums.weightedVector.length;
  if (n <= 1 || sums.weight <= 0) return 1;
  const alpha = sums.weightedEntropy / sums.weight;
  let gamma = 0;
  for (let j = 0; j < n; j++) {
    const mean = sums.weightedVector[j]! / sums.weight;
    if (mean > 0) gamma -= mean * Math.log(mean);
  }
  const beta = gamma - alpha;
  const m = scaleMaximum;
  const alphaMin = -(m / (n + m - 1)) * Math.log(m / (n + m - 1)) - ((n - 1) / (n + m - 1)) * Math.log(1 / (n + m - 1));
  const inverseCor = Math.exp(alphaMin) / n;
  const value = (Math.exp(-beta) - inverseCor) / (1 - inverseCor);
  return Math.min(1, Math.max(0, value));
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
