import type { ComparisonMatrix } from '../ahp/matrix';

/**
 * AIJ (Forman & Peniwati 1998): the weighted geometric mean of the individual judgments, pair by pair,
 * m[i][j] = prod_k a_k[i][j]^(w_k / W) over the participants who judged the pair (W = their total weight).
 * A pair nobody judged stays missing. The geometric mean keeps the result reciprocal, which an arithmetic mean
 * would not (Aczel & Saaty 1983).
 */
export function aggregateJudgments(matrices: readonly ComparisonMatrix[], weights: readonly number[]): ComparisonMatrix {
  const n = matrices[0]!.n;
  // Sums of weighted logs, not products of powers: 10,000 judgments multiplied overflow a double. Both
  // triangles are kept, because rounded inputs (3 and 0.33) are used as given. Participants in the outer loop
  // keep each matrix's memory contiguous.
  const logSums = new Float64Array(n * n);
  const weightSums = new Float64Array(n * n);
  for (let k = 0; k < matrices.length; k++) {
    const data = matrices[k]!.data;
    const w = weights[k]!;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const upper = data[i * n + j]!;
        if (Number.isNaN(upper)) continue;
        const lower = data[j * n + i]!;
        const log = Math.log(upper);
        logSums[i * n + j]! += w * log;
        logSums[j * n + i]! += w * (upper * lower === 1 ? -log : Math.log(lower));
        weightSums[i * n + j]! += w;
      }
    }
  }
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    data[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const weightSum = weightSums[i * n + j]!;
      data[i * n + j] = weightSum > 0 ? Math.exp(logSums[i * n + j]! / weightSum) : Number.NaN;
      data[j * n + i] = weightSum > 0 ? Math.exp(logSums[j * n + i]! / weightSum) : Number.NaN;
    }
  }
  return { n, data };
}

/**
 * AIP: individual priority vectors combined by weighted geometric mean (default) and renormalised to sum 1,
 * or by weighted arithmetic mean (as ahpsurvey's `arithmetic` aggregation does).
 */
export function aggregatePriorities(
  vectors: ReadonlyArray<ArrayLike<number>>,
  weights: readonly number[],
  mean: 'geometric' | 'arithmetic' = 'geometric',
): number[] {
  const n = vectors[0]!.length;
  const total = weights.reduce((sum, w) => sum + w, 0);
  const combined = Array.from({ length: n }, (_, i) => {
    if (mean === 'arithmetic') return vectors.reduce((sum, v, k) => sum + weights[k]! * v[i]!, 0) / total;
    return Math.exp(vectors.reduce((sum, v, k) => sum + weights[k]! * Math.log(v[i]!), 0) / total);
  });
  const sum = combined.reduce((acc, value) => acc + value, 0);
  return combined.map((value) => value / sum);
}

export type JudgmentDispersion = {
  i: number;
  j: number;
  /** Weighted geometric mean of the judgments of the pair. */
  geometricMean: number;
  /** exp of the weighted standard deviation of ln a_k[i][j]: 1 when everyone agrees, 2 is a factor-two spread. */
  geometricSd: number;
  count: number;
};

/** Per judged pair (i < j), the spread of the participants' judgments around their geometric mean. */
export function judgmentDispersion(matrices: readonly ComparisonMatrix[], weights: readonly number[]): JudgmentDispersion[] {
  const n = matrices[0]!.n;
  const result: JudgmentDispersion[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let weightSum = 0;
      let logSum = 0;
      let squareSum = 0;
      let count = 0;
      matrices.forEach((matrix, k) => {
        const value = matrix.data[i * n + j]!;
        if (Number.isNaN(value)) return;
        const log = Math.log(value);
        weightSum += weights[k]!;
        logSum += weights[k]! * log;
        squareSum += weights[k]! * log * log;
        count++;
      });
      if (count === 0) continue;
      const meanLog = logSum / weightSum;
      const variance = logVariance(squareSum, logSum, weightSum);
      result.push({ i, j, geometricMean: Math.exp(meanLog), geometricSd: Math.exp(Math.sqrt(variance)), count });
    }
  }
  return result;
}

/**
 * The weighted variance of ln a_ij from running sums, as E[x^2] - E[x]^2. That difference leaves rounding residue
 * (about 1e-17) when everyone gave the same judgment; the residue is set to 0, since it would make a room in full
 * agreement look varied to the Monte Carlo (a draw per sample instead of none). Below 1e-12 relative to the mean's
 * square, an SD of ln a_ij under 1e-6: no judgment differs by that little.
 */
export function logVariance(squareSum: number, logSum: number, weightSum: number): number {
  const mean = logSum / weightSum;
  const variance = squareSum / weightSum - mean * mean;
  return variance > 1e-12 * Math.max(1, mean * mean) ? variance : 0;
}
