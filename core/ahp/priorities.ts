import type { PriorityMethod } from '../contracts/method';
import { principalEigenpair } from './eigenvector';
import type { ComparisonMatrix } from './matrix';
import { randomIndex, type RandomIndex, type RandomIndexTableName } from './random-index';

/**
 * Priorities of one complete comparison matrix and their consistency.
 *
 * - eigenvector (default): principal right eigenvector, converged to 1e-12 (Saaty 1977).
 * - geometric-mean: row geometric means, normalised (Crawford & Williams 1985).
 * - additive-normalization: row means of the column-normalised matrix; an approximation of the eigenvector,
 *   exact only for consistent matrices. Offered because many tools use it (npm ahp, ahp-lite, JMcDM).
 *
 * lambda max is the Perron root for the eigenvector method, and mean((A w)_i / w_i) for the other two (the
 * estimate those tools print). CI = (lambda max - n) / (n - 1); CR = CI / RI(n) with the named table; CR = 0
 * for n <= 2. GCI (Aguaron & Moreno-Jimenez 2003) = 2 / ((n-1)(n-2)) * sum_{i<j} ln^2(a_ij w_j / w_i) with w
 * the row geometric means, whatever the priority method; 0 for n <= 2.
 */
export type PriorityResult = {
  method: PriorityMethod;
  /** True for additive normalization: not the exact eigenvector. */
  isApproximation: boolean;
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  randomIndex: RandomIndex;
  gci: number;
};

export function computePriorities(
  matrix: ComparisonMatrix,
  method: PriorityMethod = 'eigenvector',
  table: RandomIndexTableName = 'saaty-1980',
): PriorityResult {
  const { n } = matrix;
  const logs = logTerms(matrix);
  let weights: Float64Array;
  let lambdaMax: number;
  if (method === 'eigenvector') {
    const pair = principalEigenpair(matrix);
    weights = pair.vector;
    lambdaMax = pair.value;
  } else {
    weights = method === 'geometric-mean' ? geometricWeightsFromLogs(logs.rowMeans) : additiveNormalizationWeights(matrix);
    lambdaMax = meanEigenvalueEstimate(matrix, weights);
  }
  // lambda max >= n for a reciprocal matrix; a consistent one can land a rounding error below n.
  if (lambdaMax < n && n - lambdaMax < 1e-9 * n) lambdaMax = n;
  const ri = randomIndex(n, table);
  const ci = n <= 2 ? 0 : (lambdaMax - n) / (n - 1);
  const cr = n <= 2 || ri.value === 0 ? 0 : ci / ri.value;
  return {
    method,
    isApproximation: method === 'additive-normalization',
    weights: toNumberArray(weights),
    lambdaMax: n <= 2 ? n : lambdaMax,
    ci,
    cr,
    randomIndex: ri,
    gci: gciFromLogs(logs, n),
  };
}

/** Float64Array -> number[] for JSON results; a plain loop is several times faster than Array.from here. */
function toNumberArray(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}

type LogTerms = { upper: Float64Array; rowMeans: Float64Array };

/**
 * ln a_ij for i < j and the row means of ln a_ij, computed once and shared by the geometric mean and the GCI.
 * For an exactly reciprocal pair ln a_ji = -ln a_ij saves a logarithm; rounded inputs (0.33) keep their own.
 */
function logTerms(matrix: ComparisonMatrix): LogTerms {
  const { n, data } = matrix;
  const upper = new Float64Array((n * (n - 1)) / 2);
  const rowMeans = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const aij = data[i * n + j]!;
      const aji = data[j * n + i]!;
      const log = Math.log(aij);
      upper[k++] = log;
      rowMeans[i]! += log;
      rowMeans[j]! += Math.abs(aij * aji - 1) < 1e-12 ? -log : Math.log(aji);
    }
  }
  for (let i = 0; i < n; i++) rowMeans[i]! /= n;
  return { upper, rowMeans };
}

function geometricWeightsFromLogs(rowMeans: Float64Array): Float64Array {
  const n = rowMeans.length;
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = Math.exp(rowMeans[i]!);
    total += weights[i]!;
  }
  for (let i = 0; i < n; i++) weights[i]! /= total;
  return weights;
}

/** GCI from shared logs: ln(a_ij w_j / w_i) = ln a_ij + u_j - u_i with u the row means of logs. */
function gciFromLogs({ upper, rowMeans }: LogTerms, n: number): number {
  if (n <= 2) return 0;
  let sum = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const e = upper[k++]! + rowMeans[j]! - rowMeans[i]!;
      sum += e * e;
    }
  }
  return (2 * sum) / ((n - 1) * (n - 2));
}

/** Row geometric means normalised to sum 1 (computed in logs, so large n cannot overflow). */
export function geometricMeanWeights(matrix: ComparisonMatrix): Float64Array {
  return geometricWeightsFromLogs(logTerms(matrix).rowMeans);
}

/** Just the weights of a complete matrix by the chosen method, for hot loops that need nothing else. */
export function priorityVector(matrix: ComparisonMatrix, method: PriorityMethod): Float64Array {
  if (method === 'eigenvector') return principalEigenpair(matrix).vector;
  return method === 'geometric-mean' ? geometricMeanWeights(matrix) : additiveNormalizationWeights(matrix);
}

/** Mean of the column-normalised rows: the approximation most AHP tools use. */
export function additiveNormalizationWeights(matrix: ComparisonMatrix): Float64Array {
  const { n, data } = matrix;
  const columnSums = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) columnSums[j]! += data[i * n + j]!;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += data[i * n + j]! / columnSums[j]!;
    weights[i] = sum / n;
  }
  return weights;
}

/** mean_i (A w)_i / w_i: the lambda estimate printed by tools that do not compute the eigenvector. */
export function meanEigenvalueEstimate(matrix: ComparisonMatrix, weights: ArrayLike<number>): number {
  const { n, data } = matrix;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += data[i * n + j]! * weights[j]!;
    total += acc / weights[i]!;
  }
  return total / n;
}

export function geometricConsistencyIndex(matrix: ComparisonMatrix): number {
  return gciFromLogs(logTerms(matrix), matrix.n);
}

/** Weights from direct values (measurements or ratings): value / sum, or value / max in the ideal mode. */
export function normalizeScores(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total === 0) return values.map(() => 1 / values.length);
  return values.map((value) => value / total);
}
