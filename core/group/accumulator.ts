import { analyzeMatrix, isDisconnected, type MatrixOptions } from '../ahp/analyze-matrix';
import { type ComparisonMatrix, isComplete } from '../ahp/matrix';
import { priorityVector } from '../ahp/priorities';
import type { ConsensusFormula } from '../contracts/method';
import { addToEntropySums, consensusFromSums, type EntropySums } from './consensus';
import { logVariance } from './aggregate';

/**
 * Incremental AIJ for one comparison node: running weighted sums of ln a_ij (and of their squares, for the
 * dispersion) and of the entropy terms of the consensus indicator. Adding or removing one participant costs
 * O(n^2) plus their own priorities, whatever the group's size, so a questionnaire with tens of thousands of
 * respondents updates its group result per answer without recomputing from everyone.
 */
export type NodeAccumulator = {
  readonly n: number;
  add(matrix: ComparisonMatrix, weight: number, priorities: ArrayLike<number> | null): void;
  remove(matrix: ComparisonMatrix, weight: number, priorities: ArrayLike<number> | null): void;
  /** The AIJ matrix so far (NaN where nobody judged). */
  aggregatedMatrix(): ComparisonMatrix;
  /** Geometric standard deviation per cell i < j (row-major; the lower triangle is unused), NaN where nobody judged. */
  geometricSd(): Float64Array;
  consensus(scaleMaximum?: number, formula?: ConsensusFormula): number;
  readonly participantCount: number;
};

export function createNodeAccumulator(n: number): NodeAccumulator {
  const weightSums = new Float64Array(n * n);
  const logSums = new Float64Array(n * n);
  const squareSums = new Float64Array(n * n);
  const lowerLogSums = new Float64Array(n * n);
  const entropy: EntropySums = { weight: 0, count: 0, weightedEntropy: 0, weightedVector: new Float64Array(n) };
  let participantCount = 0;
  const update = (matrix: ComparisonMatrix, weight: number, priorities: ArrayLike<number> | null, sign: 1 | -1) => {
    const signedWeight = sign * weight;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const cell = i * n + j;
        const value = matrix.data[cell]!;
        if (Number.isNaN(value)) continue;
        const mirror = j * n + i;
        const lower = matrix.data[mirror]!;
        const log = Math.log(value);
        weightSums[cell]! += signedWeight;
        logSums[cell]! += signedWeight * log;
        squareSums[cell]! += signedWeight * log * log;
        // Rounded inputs (3 and 0.33) are used as given, so the lower triangle keeps its own log.
        lowerLogSums[cell]! += signedWeight * (value * lower === 1 ? -log : Math.log(lower));
      }
    }
    if (priorities) addToEntropySums(entropy, priorities, weight, sign);
    participantCount += sign;
  };
  return {
    n,
    get participantCount() {
      return participantCount;
    },
    add: (matrix, weight, priorities) => update(matrix, weight, priorities, 1),
    remove: (matrix, weight, priorities) => update(matrix, weight, priorities, -1),
    aggregatedMatrix() {
      const data = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        data[i * n + i] = 1;
        for (let j = i + 1; j < n; j++) {
          const cell = i * n + j;
          // Removal leaves rounding residue, so a cell counts as judged only above a small total weight.
          const isJudged = weightSums[cell]! > 1e-12;
          data[cell] = isJudged ? Math.exp(logSums[cell]! / weightSums[cell]!) : Number.NaN;
          data[j * n + i] = isJudged ? Math.exp(lowerLogSums[cell]! / weightSums[cell]!) : Number.NaN;
        }
      }
      return { n, data };
    },
    geometricSd() {
      const out = new Float64Array(n * n).fill(Number.NaN);
      for (let cell = 0; cell < n * n; cell++) {
        if (Math.floor(cell / n) >= cell % n) continue;
        const w = weightSums[cell]!;
        if (w <= 1e-12) {
          out[cell] = Number.NaN;
          continue;
        }
        out[cell] = Math.exp(Math.sqrt(logVariance(squareSums[cell]!, logSums[cell]!, w)));
      }
      return out;
    },
    consensus: (scaleMaximum = 9, formula: ConsensusFormula = 'ahp-os') => consensusFromSums(entropy, scaleMaximum, formula),
  };
}

/**
 * A participant's own priorities for a node, or null when their judgments do not yet link all elements. A
 * complete matrix goes straight to the priority method (this runs once per participant and node, so tens of
 * thousands of times for a large survey); an incomplete one is completed first.
 */
export function ownPriorities(matrix: ComparisonMatrix, options: MatrixOptions): ArrayLike<number> | null {
  if (isComplete(matrix)) return priorityVector(matrix, options.method ?? 'eigenvector');
  const analysis = analyzeMatrix(matrix, options);
  return isDisconnected(analysis) ? null : analysis.weights;
}
