import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type HierarchyResult } from '../evaluate';
import { createRng } from '../random';
import { synthesize, type CriterionNode } from '../synthesis/synthesize';
import { rankProbability, type UncertainNode } from './rank-probability';
import { pairReversals, weightThresholds } from './weight-thresholds';

/**
 * Hand-checked hierarchies. Case 1: criteria c1, c2 with goal weights (w, 1 - w), alternatives A, B, C with
 * consistent local priorities c1: (0.6, 0.3, 0.1), c2: (0.1, 0.5, 0.4). So
 *   A = 0.1 + 0.5 w,  B = 0.5 - 0.2 w,  C = 0.4 - 0.3 w.
 * At w = 0.7: A 0.45, B 0.36, C 0.19. A = B at w = 4/7, A = C at w = 3/8: the top changes (to B) at w = 4/7;
 * nothing happens above 0.7. For c2 (weight v = 1 - w) the top changes to B at v = 3/7.
 */
const C1_MATRIX = [
  [1, 2, 6],
  [1 / 2, 1, 3],
  [1 / 6, 1 / 3, 1],
];
const C2_MATRIX = [
  [1, 1 / 5, 1 / 4],
  [5, 1, 5 / 4],
  [4, 4 / 5, 1],
];

/** The consistent goal matrix whose eigenvector is exactly `weights`. */
function goalMatrix(weights: readonly number[]): number[][] {
  return weights.map((wi) => weights.map((wj) => wi / wj));
}

function case1(w: number, extra: Record<string, unknown> = {}) {
  return {
    criteria: [{ id: 'c1' }, { id: 'c2' }],
    alternatives: ['A', 'B', 'C'],
    comparisons: { goal: [[1, w / (1 - w)], [(1 - w) / w, 1]], c1: C1_MATRIX, c2: C2_MATRIX },
    monteCarlo: false as const,
    ...extra,
  };
}

function evaluateHierarchy(problem: unknown): HierarchyResult {
  const result = evaluate(problem);
  if (result.kind !== 'hierarchy') throw new Error(`expected a hierarchy result, got ${result.kind}`);
  return result;
}

const top = (problem: unknown) => evaluateHierarchy(problem).ranking[0];

describe('weightThresholds, hand-checked (case 1)', () => {
  const result = evaluateHierarchy(case1(0.7));

  it('has the hand-computed scores', () => {
    expect(result.alternatives.A).toBeCloseTo(0.45, 12);
    expect(result.alternatives.B).toBeCloseTo(0.36, 12);
    expect(result.alternatives.C).toBeCloseTo(0.19, 12);
    expect(result.ranking).toEqual(['A', 'B', 'C']);
  });

  it('reports c1: lower 4/7 (B takes over), no upper; c2: upper 3/7 (B), no lower', () => {
    const c1 = result.robustness.thresholds.find((t) => t.criterion === 'c1')!;
    const c2 = result.robustness.thresholds.find((t) => t.criterion === 'c2')!;
    expect(c1.weight).toBeCloseTo(0.7, 12);
    expect(c1.lower!.weight).toBeCloseTo(4 / 7, 12);
    expect(c1.lower!.newTop).toBe('B');
    expect(c1.upper).toBeNull();
    expect(c2.weight).toBeCloseTo(0.3, 12);
    expect(c2.upper!.weight).toBeCloseTo(3 / 7, 12);
    expect(c2.upper!.newTop).toBe('B');
    expect(c2.lower).toBeNull();
  });

  it('the ranking flips exactly at the reported threshold (re-running evaluate with the goal weights moved)', () => {
    const threshold = result.robustness.thresholds.find((t) => t.criterion === 'c1')!.lower!.weight;
    const epsilon = 1e-6;
    expect(top(case1(threshold + epsilon))).toBe('A');
    expect(top(case1(threshold - epsilon))).toBe('B');
    // and nowhere between the current weight and the threshold
    for (const w of [0.69, 0.65, 0.6, 0.58, threshold + 1e-4]) expect(top(case1(w))).toBe('A');
    // and not above the current weight (upper is null)
    for (const w of [0.75, 0.8, 0.9, 0.99]) expect(top(case1(w))).toBe('A');
  });

  it('the same thresholds come from synthesize() + weightThresholds() directly, in ideal mode too', () => {
    const criteria: CriterionNode[] = [{ id: 'c1' }, { id: 'c2' }];
    const local = new Map<string, number[]>([
      ['goal', [0.7, 0.3]],
      ['c1', [0.6, 0.3, 0.1]],
      ['c2', [0.1, 0.5, 0.4]],
    ]);
    const distributive = weightThresholds(synthesize(criteria, 3, local), ['A', 'B', 'C']);
    expect(distributive[0]!.lower!.weight).toBeCloseTo(4 / 7, 12);
    // Ideal: c1 -> (1, 0.5, 1/6), c2 -> (0.2, 1, 0.8). A = 0.2 + 0.8 w, B = 1 - 0.5 w: equal at w = 8/13
    // (A = C only at w = 0.6 / (0.8 + 1 - 1/6) = 0.367).
    const ideal = weightThresholds(synthesize(criteria, 3, local, 'ideal'), ['A', 'B', 'C']);
    expect(ideal[0]!.lower!.weight).toBeCloseTo(8 / 13, 12);
    expect(ideal[0]!.lower!.newTop).toBe('B');
    expect(top(case1(8 / 13 + 1e-6, { synthesis: 'ideal' }))).toBe('A');
    expect(top(case1(8 / 13 - 1e-6, { synthesis: 'ideal' }))).toBe('B');
  });
});

/**
 * Case 2: three criteria with weights (0.5, 0.3, 0.2), alternatives A, B with c1: (0.8, 0.2), c2: (0.3, 0.7),
 * c3: (0.4, 0.6). A = 0.57, B = 0.43. Moving one weight g -> g' and rescaling the others by (1 - g')/(1 - g):
 * c1: 0.8 g' + 0.34 (1 - g') = 0.2 g' + 0.66 (1 - g')  ->  g' = 8/23   (change -0.152)
 * c2: 0.3 g' + (0.48/0.7)(1 - g') = 0.7 g' + (0.22/0.7)(1 - g')  ->  g' = 13/27  (change +0.181)
 * c3: 0.4 g' + (0.49/0.8)(1 - g') = 0.6 g' + (0.31/0.8)(1 - g')  ->  g' = 9/17   (change +0.329)
 */
const GOAL_2 = [0.5, 0.3, 0.2];
function case2(goalWeights: readonly number[]) {
  return {
    criteria: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }],
    alternatives: ['A', 'B'],
    comparisons: {
      goal: goalMatrix(goalWeights),
      c1: [[1, 4], [1 / 4, 1]],
      c2: [[1, 3 / 7], [7 / 3, 1]],
      c3: [[1, 2 / 3], [3 / 2, 1]],
    },
    monteCarlo: false as const,
  };
}
/** Goal weights with criterion c at g and the others rescaled proportionally. */
function moved(weights: readonly number[], c: number, g: number): number[] {
  return weights.map((w, k) => (k === c ? g : (w * (1 - g)) / (1 - weights[c]!)));
}

describe('pairReversals, hand-checked (case 2)', () => {
  const result = evaluateHierarchy(case2(GOAL_2));

  it('gives the smallest single-criterion change: c1 down to 8/23', () => {
    expect(result.alternatives.A).toBeCloseTo(0.57, 12);
    expect(result.robustness.reversals).toHaveLength(1);
    const [reversal] = result.robustness.reversals;
    expect(reversal).toMatchObject({ a: 'A', b: 'B', criterion: 'c1' });
    expect(reversal!.weight).toBeCloseTo(0.5, 12);
    expect(reversal!.reversesAt).toBeCloseTo(8 / 23, 12);
    expect(reversal!.change).toBeCloseTo(8 / 23 - 0.5, 12);
  });

  it('each hand-computed crossing is real, and no smaller change reverses A and B', () => {
    const crossings = [8 / 23, 13 / 27, 9 / 17];
    crossings.forEach((at, c) => {
      expect(top(case2(moved(GOAL_2, c, at + (at > GOAL_2[c]! ? 1e-6 : -1e-6))))).toBe('B');
      expect(top(case2(moved(GOAL_2, c, at + (at > GOAL_2[c]! ? -1e-6 : 1e-6))))).toBe('A');
    });
    const smallest = Math.abs(8 / 23 - 0.5);
    for (let c = 0; c < 3; c++) {
      for (let step = -10; step <= 10; step++) {
        const g = GOAL_2[c]! + (smallest * 0.999 * step) / 10;
        expect(top(case2(moved(GOAL_2, c, g)))).toBe('A');
      }
    }
  });
});

describe('weightThresholds and pairReversals, brute-force property (random one-level hierarchies)', () => {
  const argmax = (values: readonly number[]) => values.reduce((best, v, i) => (v > values[best]! ? i : best), 0);
  const arb = fc
    .record({ k: fc.integer({ min: 2, max: 4 }), m: fc.integer({ min: 2, max: 4 }), ideal: fc.boolean() })
    .chain(({ k, m, ideal }) =>
      fc.record({
        ideal: fc.constant(ideal),
        goal: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: k, maxLength: k }),
        leaves: fc.array(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: m, maxLength: m }), {
          minLength: k,
          maxLength: k,
        }),
      }),
    );

  it('every reported threshold is where the top changes, and it does not change before', () => {
    fc.assert(
      fc.property(arb, ({ ideal, goal, leaves }) => {
        const mode = ideal ? 'ideal' : 'distributive';
        const normalise = (v: readonly number[]) => v.map((x) => x / v.reduce((s, y) => s + y, 0));
        const goalWeights = normalise(goal);
        const criteria = leaves.map((_, c) => ({ id: `c${c}` }));
        const alternatives = leaves[0]!.map((_, a) => `a${a}`);
        const totalsAt = (weights: readonly number[]) => {
          const local = new Map<string, number[]>([['goal', [...weights]], ...leaves.map((l, c) => [`c${c}`, normalise(l)] as [string, number[]])]);
          return synthesize(criteria, alternatives.length, local, mode).totals;
        };
        const totals = totalsAt(goalWeights);
        const sorted = [...totals].sort((x, y) => y - x);
        fc.pre(sorted[0]! - sorted[1]! > 1e-9); // no tie at the top now
        const currentTop = argmax(totals);
        const synthesis = synthesize(criteria, alternatives.length, new Map<string, number[]>([['goal', goalWeights], ...leaves.map((l, c) => [`c${c}`, normalise(l)] as [string, number[]])]), mode);
        for (const threshold of weightThresholds(synthesis, alternatives)) {
          const c = Number(threshold.criterion.slice(1));
          const g = goalWeights[c]!;
          expect(threshold.weight).toBeCloseTo(g, 12);
          const topAt = (x: number) => argmax(totalsAt(moved(goalWeights, c, x)));
          for (const [side, bound] of [
            ['lower', threshold.lower],
            ['upper', threshold.upper],
          ] as const) {
            const limit = bound ? bound.weight : side === 'lower' ? 0 : 1;
            // unchanged on a grid strictly between the current weight and the threshold (or the end)
            for (let s = 1; s < 20; s++) {
              const x = g + ((limit - g) * s) / 20;
              if (Math.abs(x - limit) < 1e-6) continue;
              expect(topAt(x)).toBe(currentTop);
            }
            if (bound) {
              const beyond = bound.weight + (side === 'lower' ? -1e-7 : 1e-7);
              if (beyond > 0 && beyond < 1) {
                const winner = topAt(beyond);
                // the top changes past the threshold ...
                expect(winner).not.toBe(currentTop);
                // ... to the reported alternative (also when several overtake it at the same weight)
                expect(alternatives[winner]).toBe(bound.newTop);
              }
            }
          }
        }
        for (const reversal of pairReversals(synthesis, alternatives)) {
          const a = alternatives.indexOf(reversal.a);
          const b = alternatives.indexOf(reversal.b);
          expect(totals[a]!).toBeGreaterThanOrEqual(totals[b]!);
          if (reversal.change === null) continue;
          const limit = Math.abs(reversal.change) * (1 - 1e-6);
          // no criterion reverses the pair with a smaller change
          for (let c = 0; c < criteria.length; c++) {
            for (let s = -10; s <= 10; s++) {
              const x = goalWeights[c]! + (limit * s) / 10;
              if (x <= 0 || x >= 1) continue;
              const t = totalsAt(moved(goalWeights, c, x));
              expect(t[a]! - t[b]!).toBeGreaterThan(-1e-12);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('weightThresholds when several alternatives overtake the top at the same weight', () => {
  // c1 (1, 10, 19)/30 and c2 (19, 10, 1)/30: A, B and C all tie at 1/3 when the goal weights are (0.5, 0.5).
  // Moving c2 from 0.3 up past 0.5 (the same move as c1 from 0.7 down past 0.5) makes A the top: A is steepest.
  const criteria: CriterionNode[] = [{ id: 'c1' }, { id: 'c2' }];
  const local = (c2: number) =>
    new Map<string, number[]>([
      ['goal', [1 - c2, c2]],
      ['c1', [1 / 30, 10 / 30, 19 / 30]],
      ['c2', [19 / 30, 10 / 30, 1 / 30]],
    ]);

  it('the top past the threshold is A (checked by hand: A = (1 + 18 g)/30, B = 1/3, C = (19 - 18 g)/30 for c2 = g)', () => {
    const totals = synthesize(criteria, 3, local(0.6)).totals;
    expect(totals[0]).toBeCloseTo((1 + 18 * 0.6) / 30, 12);
    expect(totals[0]!).toBeGreaterThan(totals[1]!);
    expect(totals[0]!).toBeGreaterThan(totals[2]!);
  });

  // c1's lower bound and c2's upper bound are the same move: both must name A, which leads past the tie.
  it('names the alternative that leads past a threshold where two overtake at once', () => {
    const thresholds = weightThresholds(synthesize(criteria, 3, local(0.3)), ['A', 'B', 'C']);
    const c1 = thresholds.find((t) => t.criterion === 'c1')!;
    const c2 = thresholds.find((t) => t.criterion === 'c2')!;
    expect(c1.lower).toEqual({ weight: expect.closeTo(0.5, 12), newTop: 'A' });
    expect(c2.upper).toEqual({ weight: expect.closeTo(0.5, 12), newTop: 'A' });
  });
});

/**
 * An inconsistent hierarchy in which A and B are close, so the Monte Carlo winner varies between samples.
 */
const CLOSE_CALL = {
  criteria: [{ id: 'c1' }, { id: 'c2' }],
  alternatives: ['A', 'B', 'C'],
  comparisons: {
    goal: [[1, 1], [1, 1]],
    c1: [
      [1, 3, 5],
      [1 / 3, 1, 7],
      [1 / 5, 1 / 7, 1],
    ],
    c2: [
      [1, 1 / 2, 4],
      [2, 1, 1 / 3],
      [1 / 4, 3, 1],
    ],
  },
};

describe('rankProbability', () => {
  const run = (seed: number, samples = 4000) =>
    evaluateHierarchy({ ...CLOSE_CALL, monteCarlo: { samples, seed } }).robustness.rankProbability!;

  it('is reproducible: the same seed gives identical results', () => {
    const first = run(7);
    const second = run(7);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ samples: 4000, seed: 7 });
  });

  it('different seeds give slightly different results; probabilities sum to 1', () => {
    const a = run(1);
    const b = run(2);
    expect(b.firstPlace).not.toEqual(a.firstPlace);
    for (const name of ['A', 'B', 'C']) expect(Math.abs(a.firstPlace[name]! - b.firstPlace[name]!)).toBeLessThan(0.05);
    for (const result of [a, b]) {
      const total = Object.values(result.firstPlace).reduce((s, p) => s + p, 0);
      expect(total).toBeCloseTo(1, 12);
      // not degenerate: the winner is uncertain here
      expect(Math.max(...Object.values(result.firstPlace))).toBeLessThan(0.99);
      for (const p of Object.values(result.firstPlace)) {
        expect(p).toBeGreaterThanOrEqual(0);
        // a share of 4000 samples
        expect(Math.abs(p * 4000 - Math.round(p * 4000))).toBeLessThan(1e-6);
      }
    }
  });

  it('with zero spread (a consistent individual hierarchy) the top alternative gets probability 1', () => {
    const result = evaluateHierarchy({ ...case1(0.7), monteCarlo: { samples: 500, seed: 3 } });
    expect(result.robustness.rankProbability!.firstPlace).toEqual({ A: 1, B: 0, C: 0 });
    // direct scores have no spread either
    const scored = evaluateHierarchy({
      criteria: [{ id: 'c1' }, { id: 'c2' }],
      alternatives: ['A', 'B'],
      comparisons: { goal: [[1, 2], [1 / 2, 1]], c1: { scores: { A: 3, B: 4 } }, c2: { scores: { A: 5, B: 1 } } },
      monteCarlo: { samples: 200, seed: 9 },
    });
    // A = 2/3 * 3/7 + 1/3 * 5/6 = 0.5635; B = 0.4365
    expect(scored.ranking).toEqual(['A', 'B']);
    expect(scored.robustness.rankProbability!.firstPlace).toEqual({ A: 1, B: 0 });
  });

  it('estimates a probability known in closed form: ln a_AB ~ N(0.5, 1) puts A first with P = Phi(0.5) = 0.6915', () => {
    const nodes = new Map<string, UncertainNode>([
      ['goal', { kind: 'scores', values: [1], sd: [0], effectiveSize: [1] }],
      [
        'only',
        { kind: 'pairwise', n: 2, logMatrix: Float64Array.from([0, 0.5, -0.5, 0]), sigma: Float64Array.from([0, 1, 1, 0]), effectiveSize: Float64Array.from([0, 1, 1, 0]) },
      ],
    ]);
    const samples = 20000;
    const result = rankProbability(
      [{ id: 'only' }],
      ['A', 'B'],
      nodes,
      { method: 'eigenvector', synthesis: 'distributive', samples, seed: 5, model: 'spread' },
      createRng(5),
    );
    // standard error sqrt(p (1 - p) / 20000) = 0.0033
    expect(Math.abs(result.firstPlace.A! - 0.691462461)).toBeLessThan(0.015);
    expect(result.firstPlace.A! + result.firstPlace.B!).toBeCloseTo(1, 12);
  });
});

describe('createRng', () => {
  it('is mulberry32: known first values for seed 1 and 42', () => {
    const one = createRng(1);
    expect([one.next(), one.next(), one.next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const fortyTwo = createRng(42);
    expect([fortyTwo.next(), fortyTwo.next(), fortyTwo.next()]).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
  });

  it('the same seed gives the same sequence (uniform and normal); a different seed another one', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 500 }, (_, k) => (k % 3 === 0 ? rng.normal() : rng.next()));
    };
    expect(draw(123)).toEqual(draw(123));
    expect(draw(124)).not.toEqual(draw(123));
    const rng = createRng(0);
    for (let k = 0; k < 10000; k++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('normal() has mean ~0 and sd ~1 over 100k draws (and ~68.3% within one sd)', () => {
    const rng = createRng(2024);
    const count = 100_000;
    let sum = 0;
    let squares = 0;
    let within = 0;
    for (let k = 0; k < count; k++) {
      const z = rng.normal();
      sum += z;
      squares += z * z;
      if (Math.abs(z) < 1) within++;
    }
    const mean = sum / count;
    const sd = Math.sqrt(squares / count - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(0.015); // 5 standard errors
    expect(Math.abs(sd - 1)).toBeLessThan(0.011);
    expect(Math.abs(within / count - 0.682689)).toBeLessThan(0.0075);
  });
});
