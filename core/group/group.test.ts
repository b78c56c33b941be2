import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMatrix, isDisconnected } from '../ahp/analyze-matrix';
import { fromRows, type ComparisonMatrix } from '../ahp/matrix';
import { computePriorities } from '../ahp/priorities';
import { evaluate } from '../evaluate';
import { createNodeAccumulator, ownPriorities } from './accumulator';
import { aggregateJudgments, aggregatePriorities, judgmentDispersion, logVariance } from './aggregate';
import { consensusIndicator, consensusLevel } from './consensus';

const SAATY_VALUES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((k) => (k === 1 ? [1] : [k, 1 / k]));
const saatyValue = fc.constantFrom(...SAATY_VALUES);

/** Rows of a reciprocal matrix; `null` upper entries are pairs not judged. */
function reciprocalRows(n: number, upper: ReadonlyArray<number | null>): Array<Array<number | null>> {
  const rows = Array.from({ length: n }, () => new Array<number | null>(n).fill(1));
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = upper[k++]!;
      rows[i]![j] = value;
      rows[j]![i] = value === null ? null : 1 / value;
    }
  }
  return rows;
}

const pairs = (n: number) => (n * (n - 1)) / 2;
const completeUpper = (n: number) => fc.array(saatyValue, { minLength: pairs(n), maxLength: pairs(n) });
/** About one pair in five not judged. */
const sparseUpper = (n: number) =>
  fc.array(fc.oneof({ weight: 4, arbitrary: saatyValue }, { weight: 1, arbitrary: fc.constant(null) }), {
    minLength: pairs(n),
    maxLength: pairs(n),
  });
const participantWeight = fc.double({ min: 0.1, max: 10, noNaN: true, noDefaultInfinity: true });

function expectSameMatrix(actual: ComparisonMatrix, expected: ComparisonMatrix, relative: number): void {
  expect(actual.n).toBe(expected.n);
  expected.data.forEach((value, cell) => {
    const got = actual.data[cell]!;
    if (Number.isNaN(value)) {
      if (!Number.isNaN(got)) throw new Error(`cell ${cell}: expected missing (NaN), got ${got}`);
      return;
    }
    if (!(Math.abs(got - value) <= relative * Math.abs(value))) {
      throw new Error(`cell ${cell}: got ${got}, expected ${value} (relative tolerance ${relative})`);
    }
  });
}

function readCase(id: string): { input: Record<string, { participant_matrices: number[][][] }> } {
  const cases = JSON.parse(readFileSync(new URL('../../tests/reference/cases/ahp-cases.json', import.meta.url), 'utf8')) as Array<{
    id: string;
    input: Record<string, { participant_matrices: number[][][] }>;
  }>;
  const found = cases.find((entry) => entry.id === id);
  if (!found) throw new Error(`reference case ${id} not found`);
  return found;
}

describe('(a) AIJ of identical participants', () => {
  it('equals their common matrix, and gives their weights (random weights, k = 1..6, n = 1..8, pairs may be missing)', () => {
    const arb = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({ upper: sparseUpper(n), weights: fc.array(participantWeight, { minLength: 1, maxLength: 6 }) }).map((r) => ({ n, ...r })),
    );
    fc.assert(
      fc.property(arb, ({ n, upper, weights }) => {
        const matrix = fromRows(reciprocalRows(n, upper));
        const aggregated = aggregateJudgments(weights.map(() => matrix), weights);
        expectSameMatrix(aggregated, matrix, 1e-12);
        const own = analyzeMatrix(matrix);
        const group = analyzeMatrix(aggregated);
        if (isDisconnected(own)) {
          expect(isDisconnected(group)).toBe(true);
          return;
        }
        if (isDisconnected(group)) throw new Error('aggregate of identical connected matrices is disconnected');
        own.weights.forEach((w, i) => expect(Math.abs(group.weights[i]! - w)).toBeLessThan(1e-9));
      }),
      { numRuns: 150 },
    );
  });

  it('an integer weight counts like that many copies of the participant', () => {
    const arb = fc.integer({ min: 2, max: 7 }).chain((n) =>
      fc.record({ a: completeUpper(n), b: completeUpper(n), times: fc.integer({ min: 1, max: 5 }) }).map((r) => ({ n, ...r })),
    );
    fc.assert(
      fc.property(arb, ({ n, a, b, times }) => {
        const ma = fromRows(reciprocalRows(n, a));
        const mb = fromRows(reciprocalRows(n, b));
        const weighted = aggregateJudgments([ma, mb], [times, 1]);
        const copies = aggregateJudgments([...Array.from({ length: times }, () => ma), mb], new Array(times + 1).fill(1));
        expectSameMatrix(weighted, copies, 1e-12);
        // and the result stays reciprocal
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) expect(Math.abs(weighted.data[i * n + j]! * weighted.data[j * n + i]! - 1)).toBeLessThan(1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it('is the weighted geometric mean: 2 (weight 3) and 8 (weight 1) give 2^(3/4) * 8^(1/4) = 2^1.5', () => {
    const aggregated = aggregateJudgments(
      [fromRows([[1, 2], [0.5, 1]]), fromRows([[1, 8], [0.125, 1]])],
      [3, 1],
    );
    expect(aggregated.data[1]).toBeCloseTo(2 ** 1.5, 12);
    expect(aggregated.data[2]).toBeCloseTo(2 ** -1.5, 12);
  });

  it('a pair nobody judged stays missing; a pair judged by some is their mean only', () => {
    const a = fromRows([
      [1, 4, null],
      [0.25, 1, 2],
      [null, 0.5, 1],
    ]);
    const b = fromRows([
      [1, 1, 3],
      [1, 1, 8],
      [1 / 3, 1 / 8, 1],
    ]);
    const aggregated = aggregateJudgments([a, b], [1, 1]);
    expect(aggregated.data[0 * 3 + 1]).toBeCloseTo(2, 12); // sqrt(4 * 1)
    expect(aggregated.data[0 * 3 + 2]).toBeCloseTo(3, 12); // only b judged it
    expect(aggregated.data[1 * 3 + 2]).toBeCloseTo(4, 12); // sqrt(2 * 8)
    const none = aggregateJudgments([a, a], [1, 2]);
    expect(Number.isNaN(none.data[0 * 3 + 2]!)).toBe(true);
  });

  // Regression: aggregateJudgments used to multiply value ** weight before taking the root, so the product
  // overflowed once sum(weights) * ln(value) > ~709 (9 with a total weight above 323): Infinity and 0.
  it('AIJ of 400 participants who all judge 9 is 9 (no overflow)', () => {
    const matrix = fromRows([[1, 9], [1 / 9, 1]]);
    const aggregated = aggregateJudgments(new Array(400).fill(matrix), new Array(400).fill(1));
    expect(aggregated.data[1]).toBeCloseTo(9, 9);
    expect(aggregated.data[2]).toBeCloseTo(1 / 9, 9);
    const accumulator = createNodeAccumulator(2);
    for (let k = 0; k < 400; k++) accumulator.add(matrix, 1, null);
    expect(accumulator.aggregatedMatrix().data[1]).toBeCloseTo(9, 9);
  });

  it('one participant with weight 400 judging 9 gives the weights (0.9, 0.1), not NaN', () => {
    const result = evaluate({ participants: [{ id: 'p', weight: 400, matrix: [[1, 9], [1 / 9, 1]] }] });
    if (result.kind !== 'group-matrix') throw new Error(result.kind);
    expect(result.weights).toEqual([0.9, 0.1].map((w) => expect.closeTo(w, 12)));
  });
});

describe('(b) the incremental accumulator agrees with the batch functions', () => {
  type Participant = { matrix: ComparisonMatrix; weight: number; priorities: ArrayLike<number> | null };
  const groupArb = fc.integer({ min: 2, max: 7 }).chain((n) =>
    fc
      .array(fc.record({ upper: sparseUpper(n), weight: participantWeight }), { minLength: 1, maxLength: 8 })
      .chain((raw) =>
        fc
          .record({
            order: fc.shuffledSubarray(
              raw.map((_, k) => k),
              { minLength: raw.length, maxLength: raw.length },
            ),
            removed: fc.integer({ min: 0, max: raw.length - 1 }),
          })
          .map(({ order, removed }) => {
            const participants: Participant[] = raw.map(({ upper, weight }) => {
              const matrix = fromRows(reciprocalRows(n, upper));
              return { matrix, weight, priorities: ownPriorities(matrix, {}) };
            });
            return { n, participants, order, removed };
          }),
      ),
  );

  const batchConsensus = (participants: readonly Participant[]): number | null => {
    const withPriorities = participants.filter((p) => p.priorities !== null);
    if (withPriorities.length === 0) return null;
    return consensusIndicator(
      withPriorities.map((p) => p.priorities!),
      withPriorities.map((p) => p.weight),
    );
  };

  it('adding in a shuffled order gives the batch AIJ matrix (1e-12 relative), dispersion and consensus', () => {
    fc.assert(
      fc.property(groupArb, ({ n, participants, order }) => {
        const accumulator = createNodeAccumulator(n);
        for (const k of order) accumulator.add(participants[k]!.matrix, participants[k]!.weight, participants[k]!.priorities);
        expect(accumulator.participantCount).toBe(participants.length);
        const matrices = participants.map((p) => p.matrix);
        const weights = participants.map((p) => p.weight);
        expectSameMatrix(accumulator.aggregatedMatrix(), aggregateJudgments(matrices, weights), 1e-12);
        const sd = accumulator.geometricSd();
        for (const entry of judgmentDispersion(matrices, weights)) {
          // Both compute the variance as E[ln^2] - E[ln]^2, whose rounding (~1e-16) becomes ~1e-8 in the SD when
          // everyone agrees, so compare the variances (ln SD)^2 rather than the SDs.
          const variance = Math.log(sd[entry.i * n + entry.j]!) ** 2;
          expect(Math.abs(variance - Math.log(entry.geometricSd) ** 2)).toBeLessThan(1e-12);
        }
        const expected = batchConsensus(participants);
        if (expected !== null) expect(Math.abs(accumulator.consensus() - expected)).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('removing a participant gives the batch result without them', () => {
    fc.assert(
      fc.property(groupArb, ({ n, participants, order, removed }) => {
        const accumulator = createNodeAccumulator(n);
        for (const k of order) accumulator.add(participants[k]!.matrix, participants[k]!.weight, participants[k]!.priorities);
        const gone = participants[removed]!;
        accumulator.remove(gone.matrix, gone.weight, gone.priorities);
        const rest = participants.filter((_, k) => k !== removed);
        expect(accumulator.participantCount).toBe(rest.length);
        if (rest.length === 0) {
          // Nobody left: every off-diagonal pair is missing again.
          const empty = accumulator.aggregatedMatrix();
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) expect(Number.isNaN(empty.data[i * n + j]!)).toBe(i !== j);
          return;
        }
        expectSameMatrix(
          accumulator.aggregatedMatrix(),
          aggregateJudgments(
            rest.map((p) => p.matrix),
            rest.map((p) => p.weight),
          ),
          1e-12,
        );
        const expected = batchConsensus(rest);
        if (expected !== null) expect(Math.abs(accumulator.consensus() - expected)).toBeLessThan(1e-9);
      }),
      { numRuns: 150 },
    );
  });
});

describe('(c) consensus indicator (Goepel)', () => {
  it('identical participants give 1, whatever their weights', () => {
    const arb = fc.integer({ min: 2, max: 8 }).chain((n) =>
      fc
        .record({ upper: completeUpper(n), weights: fc.array(participantWeight, { minLength: 1, maxLength: 6 }) })
        .map((r) => ({ n, ...r })),
    );
    fc.assert(
      fc.property(arb, ({ n, upper, weights }) => {
        const w = computePriorities(fromRows(reciprocalRows(n, upper))).weights;
        expect(consensusIndicator(weights.map(() => w), weights)).toBeCloseTo(1, 12);
      }),
      { numRuns: 100 },
    );
  });

  it('is 0 for the AHP-OS validation case: 4 participants each judging a different criterion 9x more important', () => {
    const matrices = readCase('ahpos-consensus-indicator-zero').input.scenario_k4_n4!.participant_matrices;
    expect(matrices).toHaveLength(4);
    const vectors = matrices.map((rows) => computePriorities(fromRows(rows), 'eigenvector').weights);
    // Each participant's eigenvector is exactly (9, 1, 1, 1) / 12 with the 9 on their criterion.
    vectors.forEach((v, k) => v.forEach((w, j) => expect(w).toBeCloseTo(j === k ? 0.75 : 1 / 12, 12)));
    expect(consensusIndicator(vectors, [1, 1, 1, 1])).toBeCloseTo(0, 9);
    // Sanity check that the indicator is not 0 for everything: three of them agreeing is partial consensus.
    const partial = consensusIndicator([vectors[0]!, vectors[0]!, vectors[0]!, vectors[1]!], [1, 1, 1, 1]);
    expect(partial).toBeGreaterThan(0.2);
    expect(partial).toBeLessThan(0.9);
  });

  it('is 0 for two opposite judgments [[1, 9], [1/9, 1]] and [[1, 1/9], [9, 1]]', () => {
    const vectors = [
      [
        [1, 9],
        [1 / 9, 1],
      ],
      [
        [1, 1 / 9],
        [9, 1],
      ],
    ].map((rows) => computePriorities(fromRows(rows)).weights);
    expect(consensusIndicator(vectors, [1, 1])).toBeCloseTo(0, 9);
    // ... and through evaluate(), which uses the individual eigenvectors too.
    const result = evaluate({
      participants: [
        { id: 'p1', matrix: [[1, 9], [1 / 9, 1]] },
        { id: 'p2', matrix: [[1, 1 / 9], [9, 1]] },
      ],
    });
    expect(result.kind === 'group-matrix' && result.consensus).toBeCloseTo(0, 9);
  });

  it('matches values computed from Goepel formulas by an independent script', () => {
    // python: S* for (0.75, 0.25) and (0.5, 0.5), M = 9; equal weights, then weights 3:1; and a 3 x 3 cyclic case.
    expect(consensusIndicator([[0.75, 0.25], [0.5, 0.5]], [1, 1])).toBeCloseTo(0.8919988316924911, 12);
    expect(consensusIndicator([[0.75, 0.25], [0.5, 0.5]], [3, 1])).toBeCloseTo(0.916500107926415, 12);
    expect(
      consensusIndicator(
        [
          [0.5, 0.3, 0.2],
          [0.2, 0.5, 0.3],
          [0.3, 0.2, 0.5],
        ],
        [1, 1, 1],
      ),
    ).toBeCloseTo(0.8302398393350586, 12);
  });

  it('is at most 1, at least 0 unless someone is more extreme than the scale allows, and order-free', () => {
    const arb = fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc.array(
        fc.record({
          vector: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          weight: participantWeight,
        }),
        { minLength: 1, maxLength: 6 },
      ),
    );
    fc.assert(
      fc.property(arb, (group) => {
        const vectors = group.map(({ vector }) => {
          const total = vector.reduce((s, x) => s + x, 0);
          return vector.map((x) => x / total);
        });
        const weights = group.map((g) => g.weight);
        const value = consensusIndicator(vectors, weights);
        // H_beta <= ln n - H_alpha, so S* >= 0 whenever every H_k >= H_alpha,min (one element 9 times every other).
        const n = vectors[0]!.length;
        const entropyOf = (v: readonly number[]) => v.reduce((sum, p) => sum - p * Math.log(p), 0);
        const alphaMin = entropyOf([9, ...new Array<number>(n - 1).fill(1)].map((x) => x / (n + 8)));
        if (vectors.every((v) => entropyOf(v) >= alphaMin)) expect(value).toBeGreaterThanOrEqual(-1e-12);
        expect(value).toBeLessThanOrEqual(1);
        expect(consensusIndicator([...vectors].reverse(), [...weights].reverse())).toBeCloseTo(value, 12);
      }),
      { numRuns: 100 },
    );
  });

  it('words it as AHP-OS does (very low <= 50%, low <= 62.5%, moderate <= 75%, high <= 87.5%)', () => {
    expect(consensusLevel(0)).toBe('very-low');
    expect(consensusLevel(0.5)).toBe('very-low');
    expect(consensusLevel(0.51)).toBe('low');
    expect(consensusLevel(0.7)).toBe('moderate');
    expect(consensusLevel(0.8)).toBe('high');
    expect(consensusLevel(0.9)).toBe('very-high');
    expect(consensusLevel(1)).toBe('very-high');
  });
});

describe('(d) judgment dispersion', () => {
  const two = fromRows([[1, 2], [0.5, 1]]);
  const eight = fromRows([[1, 8], [0.125, 1]]);

  it('2 and 8 with equal weights: geometric mean 4, geometric SD exp(ln 2) = 2', () => {
    const [entry, ...rest] = judgmentDispersion([two, eight], [1, 1]);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({ i: 0, j: 1, count: 2 });
    expect(entry!.geometricMean).toBeCloseTo(4, 12);
    expect(entry!.geometricSd).toBeCloseTo(2, 12);
    // The scale of equal weights does not matter.
    expect(judgmentDispersion([two, eight], [5, 5])[0]!.geometricSd).toBeCloseTo(2, 12);
  });

  it('2 (weight 3) and 8 (weight 1): mean 2^1.5, SD 2^(sqrt(3)/2)', () => {
    // ln values ln2 and 3 ln2; weighted mean 1.5 ln2; variance (3 + 9)/4 ln^2 2 - 2.25 ln^2 2 = 0.75 ln^2 2.
    const [entry] = judgmentDispersion([two, eight], [3, 1]);
    expect(entry!.geometricMean).toBeCloseTo(2 ** 1.5, 12);
    expect(entry!.geometricSd).toBeCloseTo(2 ** (Math.sqrt(3) / 2), 12);
  });

  it('agreement gives SD 1, and pairs nobody judged are left out', () => {
    const a = fromRows([
      [1, 3, null],
      [1 / 3, 1, 2],
      [null, 0.5, 1],
    ]);
    const result = judgmentDispersion([a, a, a], [1, 2, 3]);
    expect(result.map(({ i, j }) => [i, j])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    for (const entry of result) {
      expect(entry.geometricSd).toBeCloseTo(1, 12);
      expect(entry.count).toBe(3);
    }
  });

  it('the accumulator reports the same geometric SD for 2 and 8', () => {
    const accumulator = createNodeAccumulator(2);
    accumulator.add(two, 1, null);
    accumulator.add(eight, 1, null);
    expect(accumulator.geometricSd()[1]).toBeCloseTo(2, 12);
    expect(accumulator.aggregatedMatrix().data[1]).toBeCloseTo(4, 12);
  });
});

describe('AIP', () => {
  it('geometric: normalised weighted geometric mean of the priorities; arithmetic: weighted mean', () => {
    const vectors = [
      [0.5, 0.5],
      [0.8, 0.2],
    ];
    // geometric, weights 1:1 -> sqrt(0.4), sqrt(0.1) normalised = 2/3, 1/3
    const geometric = aggregatePriorities(vectors, [1, 1]);
    expect(geometric[0]).toBeCloseTo(2 / 3, 12);
    expect(geometric[1]).toBeCloseTo(1 / 3, 12);
    const arithmetic = aggregatePriorities(vectors, [1, 3], 'arithmetic');
    expect(arithmetic[0]).toBeCloseTo((0.5 + 3 * 0.8) / 4, 12);
    expect(arithmetic[1]).toBeCloseTo((0.5 + 3 * 0.2) / 4, 12);
  });
});

describe('logVariance', () => {
  it('is exactly 0 when everyone gave the same judgment, though the running sums leave rounding residue', () => {
    const log = Math.log(9);
    const weights = [0.3, 0.3, 0.4, 0.7, 1.1];
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const logSum = weights.reduce((sum, w) => sum + w * log, 0);
    const squareSum = weights.reduce((sum, w) => sum + w * log * log, 0);
    expect(squareSum / weightSum - (logSum / weightSum) ** 2).not.toBe(0);
    expect(logVariance(squareSum, logSum, weightSum)).toBe(0);
  });

  it('is the weighted variance of ln a_ij otherwise (ln 2 and ln 8 with weights 1 and 3: (ln 2)^2 * 3/4)', () => {
    const [a, b] = [Math.log(2), Math.log(8)];
    // mean = (a + 3b) / 4 = 2.5 ln 2; E[x^2] = (a^2 + 3 b^2) / 4 = 7 (ln 2)^2; variance = 7 - 6.25 = 0.75 (ln 2)^2.
    expect(logVariance(a * a + 3 * b * b, a + 3 * b, 4)).toBeCloseTo(0.75 * Math.log(2) ** 2, 12);
  });
});
