import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type SingleMatrixResult } from '../evaluate';
import { analyzeMatrix, isDisconnected, type MatrixAnalysis } from './analyze-matrix';
import { completeMatrix, HARKER_TOLERANCE, harkerWeights, OPTIMAL_GRADIENT_TOLERANCE } from './incomplete';
import { consistentMatrix, emptyMatrix, type ComparisonMatrix, missingPairs, setJudgment } from './matrix';

/**
 * Reference tests of the incomplete-matrix methods against exact answers that follow from the definitions, not
 * from the code: consistent judgments on a tree (a chain, a star, any spanning tree) have exactly one consistent
 * completion, m[i][j] = w_i / w_j with CR 0, and both Harker's method (its Perron vector is w: Harker 1987,
 * theorem 1) and the optimal completion (lambda max = n is the minimum) must return it. A judgment left out of a
 * cycle is fitted by the product of the judgments around the rest of the cycle.
 */

const relativeError = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);
const maxRelativeError = (got: ArrayLike<number>, want: ArrayLike<number>) =>
  Array.from(want, (value, i) => relativeError(got[i]!, value)).reduce((top, e) => Math.max(top, e), 0);
const normalise = (values: readonly number[]) => {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => value / total);
};

function analysis(matrix: ComparisonMatrix, completion: 'optimal' | 'harker'): MatrixAnalysis {
  const result = analyzeMatrix(matrix, { completion });
  if (isDisconnected(result)) throw new Error('the test matrix must be connected');
  return result;
}

/** The 15-element chain a[i][i+1] = 2 of issue 14: exact a[0][14] = 2^14 = 16384, w_i proportional to 2^-i. */
function chain(n: number, ratio: number): ComparisonMatrix {
  const matrix = emptyMatrix(n);
  for (let i = 0; i + 1 < n; i++) setJudgment(matrix, i, i + 1, ratio);
  return matrix;
}

describe('completion of consistent judgments on a tree is the consistent matrix (1e-9)', () => {
  for (const method of ['harker', 'optimal'] as const) {
    it(`${method}: the 15-chain a[i][i+1] = 2 gives a[0][14] = 16384, w_i proportional to 2^-i, CR 0`, () => {
      const result = analysis(chain(15, 2), method);
      const filled = result.completion!.values.find((entry) => entry.i === 0 && entry.j === 14)!;
      expect(relativeError(filled.value, 16384)).toBeLessThan(1e-9);
      for (const { i, j, value } of result.completion!.values) expect(relativeError(value, 2 ** (j - i))).toBeLessThan(1e-9);
      const exact = normalise(Array.from({ length: 15 }, (_, i) => 2 ** -i));
      expect(maxRelativeError(result.weights, exact)).toBeLessThan(1e-9);
      expect(Math.abs(result.cr)).toBeLessThan(1e-12);
      expect(result.completion!.convergence!.isConverged).toBe(true);
    });

    it(`${method}: a star, element 0 judged (k + 1) times element k, k = 1..9`, () => {
      const matrix = emptyMatrix(10);
      for (let k = 1; k < 10; k++) setJudgment(matrix, 0, k, k + 1);
      const result = analysis(matrix, method);
      // w_0 = 1, w_k = 1 / (k + 1), so m[i][j] = (j + 1) / (i + 1) between two leaves.
      const exact = normalise([1, ...Array.from({ length: 9 }, (_, k) => 1 / (k + 2))]);
      expect(maxRelativeError(result.weights, exact)).toBeLessThan(1e-9);
      for (const { i, j, value } of result.completion!.values) expect(relativeError(value, (j + 1) / (i + 1))).toBeLessThan(1e-9);
    });
  }

  it('any spanning tree with consistent judgments (n = 3..30, weights over six orders of magnitude), both methods', () => {
    const treeArb = fc.integer({ min: 3, max: 30 }).chain((n) =>
      fc.record({
        weights: fc.array(fc.double({ min: -7, max: 7, noNaN: true }), { minLength: n, maxLength: n }),
        parents: fc.tuple(...Array.from({ length: n - 1 }, (_, k) => fc.integer({ min: 0, max: k }))),
      }),
    );
    fc.assert(
      fc.property(treeArb, ({ weights: logs, parents }) => {
        const w = logs.map(Math.exp);
        const matrix = emptyMatrix(w.length);
        parents.forEach((parent, k) => setJudgment(matrix, parent, k + 1, w[parent]! / w[k + 1]!));
        for (const method of ['harker', 'optimal'] as const) {
          const completion = completeMatrix(matrix, method);
          for (const { i, j, value } of completion.values) expect(relativeError(value, w[i]! / w[j]!)).toBeLessThan(1e-9);
          expect(completion.convergence!.isConverged).toBe(true);
        }
        expect(maxRelativeError(harkerWeights(matrix, missingPairs(matrix)).vector, normalise(w))).toBeLessThan(1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('a consistent matrix with cycles and missing pairs is completed consistently', () => {
    const w = [5, 3, 8, 1, 2, 0.5, 7, 4];
    const full = consistentMatrix(w);
    const matrix = emptyMatrix(w.length);
    for (const [i, j] of [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 3], [5, 6], [6, 7], [7, 0]] as const) {
      setJudgment(matrix, i, j, full.data[i * w.length + j]!);
    }
    for (const method of ['harker', 'optimal'] as const) {
      for (const { i, j, value } of completeMatrix(matrix, method).values) expect(relativeError(value, w[i]! / w[j]!)).toBeLessThan(1e-9);
    }
  });
});

describe('suggested values (the value the other judgments imply) are exact', () => {
  it('a 15-ring, a[i][i+1] = 2 and a[0][14] = 2^14, with a[7][8] tripled: each suggestion is the rest of the ring', () => {
    const n = 15;
    const ring = chain(n, 2);
    setJudgment(ring, 0, n - 1, 2 ** (n - 1));
    setJudgment(ring, 7, 8, 6);
    // Around the ring a01 a12 ... a13,14 a14,0 = 3: leaving out a[i][i+1], the rest of the ring implies a[i][i+1] / 3;
    // leaving out a[0][14] (walked against the ring) implies 3 a[0][14].
    const implied = (i: number, j: number, value: number) => (i === 0 && j === n - 1 ? 3 * value : value / 3);
    for (const method of ['harker', 'optimal'] as const) {
      const result = analysis(ring, method);
      expect(result.mostInconsistent.length).toBeGreaterThan(0);
      for (const entry of result.mostInconsistent) {
        expect(relativeError(entry.consistentValue, implied(entry.i, entry.j, entry.value))).toBeLessThan(1e-9);
      }
    }
  });

  it('one judgment of a consistent incomplete matrix changed: its suggestion is the value it had', () => {
    const arb = fc.record({
      logs: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 6, maxLength: 14 }),
      factor: fc.constantFrom(3, 1 / 3, 5, 1 / 5),
    });
    fc.assert(
      fc.property(arb, ({ logs, factor }) => {
        const w = logs.map(Math.exp);
        const n = w.length;
        // A ring plus one chord: every judgment lies on a cycle, and more than half the pairs are missing.
        const matrix = emptyMatrix(n);
        for (let i = 0; i < n; i++) setJudgment(matrix, i, (i + 1) % n, w[i]! / w[(i + 1) % n]!);
        setJudgment(matrix, 0, 2, w[0]! / w[2]!);
        setJudgment(matrix, 1, 2, factor * (w[1]! / w[2]!));
        const result = analysis(matrix, 'optimal');
        const changed = result.mostInconsistent.find((entry) => entry.i === 1 && entry.j === 2);
        expect(changed).toBeDefined();
        expect(relativeError(changed!.consistentValue, w[1]! / w[2]!)).toBeLessThan(1e-9);
      }),
      { numRuns: 100 },
    );
  });
});

describe('convergence is stated', () => {
  it('the result names the criterion, the tolerance and what was reached', () => {
    const matrix = chain(6, 3);
    setJudgment(matrix, 0, 5, 100);
    const harker = completeMatrix(matrix, 'harker').convergence!;
    expect(harker).toMatchObject({ criterion: 'collatz-wielandt', tolerance: HARKER_TOLERANCE, isConverged: true });
    expect(harker.reached).toBeLessThanOrEqual(HARKER_TOLERANCE);
    const optimal = completeMatrix(matrix, 'optimal').convergence!;
    expect(optimal).toMatchObject({ criterion: 'gradient', tolerance: OPTIMAL_GRADIENT_TOLERANCE, isConverged: true });
    expect(optimal.reached).toBeLessThanOrEqual(OPTIMAL_GRADIENT_TOLERANCE);
    const result = evaluate({ matrix: [[1, 2, null], [0.5, 1, 3], [null, 1 / 3, 1]] }) as SingleMatrixResult;
    expect(result.completion!.convergence).toMatchObject({ criterion: 'gradient', isConverged: true });
    expect((evaluate({ matrix: [[1, 2], [0.5, 1]] }) as SingleMatrixResult).completion).toBeNull();
  });

  it("Harker's vector is an eigenvector of Harker's matrix to rounding, with its eigenvalue between the bounds", () => {
    const matrix = chain(15, 2);
    setJudgment(matrix, 3, 9, 17);
    const pairs = missingPairs(matrix);
    const { vector: w, lambda } = harkerWeights(matrix, pairs);
    const n = matrix.n;
    const c = Float64Array.from(matrix.data, (x) => (Number.isNaN(x) ? 0 : x));
    for (let i = 0; i < n; i++) c[i * n + i] = 1 + pairs.filter(([a, b]) => a === i || b === i).length;
    for (let i = 0; i < n; i++) {
      let cw = 0;
      for (let j = 0; j < n; j++) cw += c[i * n + j]! * w[j]!;
      expect(relativeError(cw, lambda * w[i]!)).toBeLessThan(1e-12);
    }
  });
});
