import type { ComparisonMatrix } from './matrix';

export const EIGENVECTOR_TOLERANCE = 1e-12;
const MAX_POWER_STEPS = 1000;

export type Eigenpair = {
  /** Principal right eigenvector, normalised to sum 1. */
  vector: Float64Array;
  /** Perron root lambda max. */
  value: number;
  iterations: number;
};

/**
 * Principal right eigenvector of a positive matrix by power iteration (Perron-Frobenius: the dominant root is
 * real, simple and its vector positive), stopped when no weight moves by more than 1e-12 between two steps.
 * The error shrinks by |lambda2| / lambda1 per step, which is small for the near-consistent matrices people
 * give. Power iteration measured faster here than squaring the matrix or Rayleigh quotient iteration for
 * n <= 30 (bench/engine.bench.ts). lambda max = sum(A w) for w summing to 1, exact at convergence.
 *
 * The matrix must be complete and positive (no missing entries); n = 1 gives [1] with lambda 1.
 */
export function principalEigenpair(matrix: ComparisonMatrix, transpose = false): Eigenpair {
  const { n, data } = matrix;
  if (n === 1) return { vector: new Float64Array([1]), value: 1, iterations: 0 };
  const a = transpose ? transposed(data, n) : data;
  if (n === 2) {
    // Closed form: w = (a12, 1) / (1 + a12) and lambda = 1 + sqrt(a12 a21) (= 2 for a reciprocal pair).
    const a12 = a[1]!;
    const a21 = a[2]!;
    const s = Math.sqrt(a12 / a21);
    return { vector: new Float64Array([s / (1 + s), 1 / (1 + s)]), value: 1 + Math.sqrt(a12 * a21), iterations: 0 };
  }
  let w = new Float64Array(n);
  let next = new Float64Array(n);
  // Start from the normalised row sums (one power step from the uniform vector).
  let total = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a[i * n + j]!;
    w[i] = sum;
    total += sum;
  }
  for (let i = 0; i < n; i++) w[i]! /= total;
  let iterations = 0;
  for (; iterations < MAX_POWER_STEPS; iterations++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) acc += a[row + j]! * w[j]!;
      next[i] = acc;
      sum += acc;
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      const value = next[i]! / sum;
      const delta = Math.abs(value - w[i]!);
      if (delta > change) change = delta;
      next[i] = value;
    }
    const swap = w;
    w = next;
    next = swap;
    if (change < EIGENVECTOR_TOLERANCE) break;
  }
  let lambda = 0;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += a[i * n + j]! * w[j]!;
    lambda += acc;
  }
  return { vector: w, value: lambda, iterations: iterations + 1 };
}


function transposed(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = a[i * n + j]!;
  return out;
}
