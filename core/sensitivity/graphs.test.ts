import { describe, expect, it } from 'vitest';
import { evaluate, type HierarchyResult } from '../evaluate';
import { dynamicScores, gradient, headToHead, performance, rebalance, weightedNodes } from './graphs';
import { whatIfModel } from './what-if';

const modelOf = (problem: Parameters<typeof evaluate>[0]) =>
  whatIfModel(JSON.parse(JSON.stringify(evaluate(problem))) as HierarchyResult);

/**
 * Two criteria, two strategies, by hand: c1 0.6 and c2 0.4 (goal judgment 1.5); X and Y score (0.8, 0.2) under
 * c1 and (0.25, 0.75) under c2. X = 0.6 * 0.8 + 0.4 * 0.25 = 0.58, Y = 0.12 + 0.3 = 0.42. With c1 at w:
 * X = 0.25 + 0.55 w, Y = 0.75 - 0.55 w; they cross at w = 0.5 / 1.1 = 5/11.
 */
const twoByTwo = {
  criteria: [{ id: 'c1' }, { id: 'c2' }],
  alternatives: ['X', 'Y'],
  comparisons: {
    goal: [[1, 1.5], [1 / 1.5, 1]],
    c1: { scores: { X: 0.8, Y: 0.2 } },
    c2: { scores: { X: 0.25, Y: 0.75 } },
  },
  monteCarlo: false as const,
};

/**
 * Three strategies, the compromise C in the middle: c1 and c2 at 0.5 each; A (0.6, 0.05), B (0.05, 0.6),
 * C (0.35, 0.35). With c1 at w: A = 0.05 + 0.55 w, B = 0.6 - 0.55 w, C = 0.35. B leads below 5/11, C between,
 * A above 6/11.
 */
const compromise = {
  criteria: [{ id: 'c1' }, { id: 'c2' }],
  alternatives: ['A', 'B', 'C'],
  comparisons: {
    goal: [[1, 1], [1, 1]],
    c1: { scores: { A: 0.6, B: 0.05, C: 0.35 } },
    c2: { scores: { A: 0.05, B: 0.6, C: 0.35 } },
  },
  monteCarlo: false as const,
};

/** Two levels: economy 0.6 (growth 2/3, exports 1/3) and environment 0.4; three strategies scored directly. */
const nested = {
  criteria: [{ id: 'economy', children: [{ id: 'growth' }, { id: 'exports' }] }, { id: 'environment' }],
  alternatives: ['P', 'Q', 'R'],
  comparisons: {
    goal: [[1, 1.5], [1 / 1.5, 1]],
    economy: [[1, 2], [0.5, 1]],
    growth: { scores: { P: 0.5, Q: 0.3, R: 0.2 } },
    exports: { scores: { P: 0.1, Q: 0.6, R: 0.3 } },
    environment: { scores: { P: 0.2, Q: 0.2, R: 0.6 } },
  },
  monteCarlo: false as const,
};

const scoreOf = (model: ReturnType<typeof modelOf>, scores: number[], key: string) => scores[model.alternatives.indexOf(key)]!;
const pointAt = (g: NonNullable<ReturnType<typeof gradient>>, weight: number) => g.points.find((p) => Math.abs(p.weight - weight) < 1e-12)!;

describe('gradient', () => {
  const model = modelOf(twoByTwo);

  it('runs from the priorities under the other criterion (0 %) to those under this one (100 %)', () => {
    const g = gradient(model, 'c1')!;
    expect(g.weight).toBeCloseTo(0.6, 12);
    expect(g.points[0]!.weight).toBe(0);
    expect(g.points.at(-1)!.weight).toBe(1);
    expect(scoreOf(model, pointAt(g, 0).scores, 'X')).toBeCloseTo(0.25, 12);
    expect(scoreOf(model, pointAt(g, 0).scores, 'Y')).toBeCloseTo(0.75, 12);
    expect(scoreOf(model, pointAt(g, 1).scores, 'X')).toBeCloseTo(0.8, 12);
    expect(scoreOf(model, pointAt(g, 1).scores, 'Y')).toBeCloseTo(0.2, 12);
    // At the current weight: the result's own scores; at 30 %: 0.25 + 0.55 * 0.3 = 0.415.
    expect(scoreOf(model, pointAt(g, 0.6).scores, 'X')).toBeCloseTo(0.58, 12);
    expect(scoreOf(model, pointAt(g, 0.3).scores, 'X')).toBeCloseTo(0.415, 12);
  });

  it('marks where the lines cross and first place changes: at 5/11, from Y to X as c1 rises', () => {
    const g = gradient(model, 'c1')!;
    expect(g.changes).toHaveLength(1);
    expect(g.changes[0]!.weight).toBeCloseTo(5 / 11, 12);
    expect(g.changes[0]).toMatchObject({ from: 'Y', to: 'X' });
    const at = pointAt(g, g.changes[0]!.weight).scores;
    expect(scoreOf(model, at, 'X')).toBeCloseTo(0.5, 12);
    expect(scoreOf(model, at, 'Y')).toBeCloseTo(0.5, 12);
    // Seen from c2 the same crossing is at 1 - 5/11, first place passing from X to Y.
    const c2 = gradient(model, 'c2')!;
    expect(c2.changes[0]!.weight).toBeCloseTo(6 / 11, 12);
    expect(c2.changes[0]).toMatchObject({ from: 'X', to: 'Y' });
  });

  it('finds every change of first place, not only the nearest two: B, then C at 5/11, then A at 6/11', () => {
    const three = modelOf(compromise);
    const g = gradient(three, 'c1')!;
    expect(g.changes.map((c) => [c.from, c.to])).toEqual([['B', 'C'], ['C', 'A']]);
    expect(g.changes[0]!.weight).toBeCloseTo(5 / 11, 12);
    expect(g.changes[1]!.weight).toBeCloseTo(6 / 11, 12);
    // A and C cross B's line too (A at 0.5, below C), which is no change of first place.
    const weights = g.points.map((p) => p.weight);
    expect(weights).toEqual([...weights].sort((x, y) => x - y));
  });

  it('is the priorities under the criterion at 100 % in ideal mode too', () => {
    const ideal = modelOf({ ...twoByTwo, synthesis: 'ideal' } as typeof twoByTwo);
    const g = gradient(ideal, 'c1')!;
    expect(scoreOf(ideal, pointAt(g, 1).scores, 'X')).toBeCloseTo(0.8, 12);
    expect(scoreOf(ideal, pointAt(g, 0).scores, 'Y')).toBeCloseTo(0.75, 12);
    // Ideal at the current weight: X 0.6 + 0.4/3, Y 0.15 + 0.4, normalised.
    const x = 0.6 + 0.4 / 3;
    const y = 0.15 + 0.4;
    expect(scoreOf(ideal, pointAt(g, 0.6).scores, 'X')).toBeCloseTo(x / (x + y), 12);
  });

  it('is null for an unknown criterion or one that holds all the weight', () => {
    expect(gradient(model, 'nope')).toBeNull();
    const single = modelOf({ criteria: [{ id: 'only' }], alternatives: ['A', 'B'], comparisons: { goal: [[1]], only: [[1, 2], [0.5, 1]] }, monteCarlo: false });
    expect(gradient(single, 'only')).toBeNull();
  });
});

describe('rebalance', () => {
  it('sets one weight and rescales the others proportionally', () => {
    const moved = rebalance([0.5, 0.3, 0.2], 0, 0.8);
    expect(moved[0]).toBeCloseTo(0.8, 12);
    expect(moved[1]).toBeCloseTo(0.12, 12);
    expect(moved[2]).toBeCloseTo(0.08, 12);
  });
  it('clamps, shares the rest equally when the others were 0, and keeps a lone weight at 1', () => {
    expect(rebalance([1, 0, 0], 0, 0.4).map((w) => Number(w.toFixed(12)))).toEqual([0.4, 0.3, 0.3]);
    expect(rebalance([0.5, 0.5], 1, 2)).toEqual([0, 1]);
    expect(rebalance([1], 0, 0.3)).toEqual([1]);
  });
});

describe('dynamicScores', () => {
  const model = modelOf(twoByTwo);
  it('re-synthesizes with the weights set by hand: c1 30 %, c2 70 % gives X 0.415, Y 0.585', () => {
    const scores = dynamicScores(model, { goal: [0.3, 0.7] });
    expect(scoreOf(model, scores, 'X')).toBeCloseTo(0.415, 12);
    expect(scoreOf(model, scores, 'Y')).toBeCloseTo(0.585, 12);
  });
  it('gives the result itself with no weights changed', () => {
    expect(dynamicScores(model, {})).toEqual(model.synthesis.scores);
  });
  it('moves sub-criteria weights of a nested model: growth 0 gives economy = exports', () => {
    const deep = modelOf(nested);
    const nodes = weightedNodes(deep);
    expect(nodes.map((n) => [n.node, n.children])).toEqual([
      ['goal', ['economy', 'environment']],
      ['economy', ['growth', 'exports']],
    ]);
    expect(nodes[1]!.weights[0]).toBeCloseTo(2 / 3, 12);
    // P = 0.6 * 0.1 + 0.4 * 0.2 = 0.14, Q = 0.36 + 0.08 = 0.44, R = 0.18 + 0.24 = 0.42.
    const scores = dynamicScores(deep, { economy: [0, 1] });
    expect(scoreOf(deep, scores, 'P')).toBeCloseTo(0.14, 12);
    expect(scoreOf(deep, scores, 'Q')).toBeCloseTo(0.44, 12);
    expect(scoreOf(deep, scores, 'R')).toBeCloseTo(0.42, 12);
  });
});

describe('performance and head-to-head', () => {
  const model = modelOf(twoByTwo);

  it('gives each leaf its weight, the local priorities and weight x priority', () => {
    const rows = performance(model);
    expect(rows.map((r) => r.criterion)).toEqual(['c1', 'c2']);
    const c1 = rows[0]!;
    expect(c1.weight).toBeCloseTo(0.6, 12);
    expect(scoreOf(model, c1.local, 'X')).toBeCloseTo(0.8, 12);
    expect(scoreOf(model, c1.weighted, 'X')).toBeCloseTo(0.48, 12);
    expect(scoreOf(model, rows[1]!.weighted, 'Y')).toBeCloseTo(0.3, 12);
  });

  it('adds up to each strategy’s score over the leaves of a nested model (global weights 0.4, 0.2, 0.4)', () => {
    const deep = modelOf(nested);
    const rows = performance(deep);
    expect(rows.map((r) => r.criterion)).toEqual(['growth', 'exports', 'environment']);
    expect(rows.map((r) => r.weight)).toEqual([expect.closeTo(0.4, 12), expect.closeTo(0.2, 12), expect.closeTo(0.4, 12)]);
    deep.alternatives.forEach((_, a) => {
      expect(rows.reduce((sum, r) => sum + r.weighted[a]!, 0)).toBeCloseTo(deep.synthesis.scores[a]!, 12);
    });
    // P: 0.4 * 0.5 + 0.2 * 0.1 + 0.4 * 0.2 = 0.3.
    expect(scoreOf(deep, deep.synthesis.scores, 'P')).toBeCloseTo(0.3, 12);
  });

  it('says who leads on each criterion and by how much: X by 0.36 on c1, Y by 0.2 on c2, X by 0.16 overall', () => {
    const h = headToHead(model, 'X', 'Y')!;
    expect(h.rows.map((r) => [r.criterion, r.winner])).toEqual([['c1', 'first'], ['c2', 'second']]);
    expect(h.rows[0]!.difference).toBeCloseTo(0.36, 12);
    expect(h.rows[1]!.difference).toBeCloseTo(-0.2, 12);
    expect(h.difference).toBeCloseTo(0.16, 12);
    expect(h.winner).toBe('first');
    expect(headToHead(model, 'Y', 'X')!.winner).toBe('second');
    expect(headToHead(model, 'X', 'X')!.rows.every((r) => r.winner === 'tie')).toBe(true);
    expect(headToHead(model, 'X', 'nope')).toBeNull();
  });
});

describe('gradient and the engine’s thresholds', () => {
  it('the changes nearest the current weight are the thresholds weightThresholds reports', () => {
    for (const problem of [twoByTwo, compromise, nested]) {
      const result = evaluate(problem) as HierarchyResult;
      const model = modelOf(problem);
      const top = result.ranking[0]!;
      for (const threshold of result.robustness.thresholds) {
        const g = gradient(model, threshold.criterion);
        if (!g) continue;
        const below = g.changes.filter((c) => c.weight < g.weight).at(-1) ?? null;
        const above = g.changes.find((c) => c.weight > g.weight) ?? null;
        expect(below?.weight ?? null).toEqual(threshold.lower ? expect.closeTo(threshold.lower.weight, 12) : null);
        expect(above?.weight ?? null).toEqual(threshold.upper ? expect.closeTo(threshold.upper.weight, 12) : null);
        // Falling through the lower threshold hands first place to its newTop; rising through the upper one too.
        if (below) expect([below.to, below.from]).toEqual([top, threshold.lower!.newTop]);
        if (above) expect([above.from, above.to]).toEqual([top, threshold.upper!.newTop]);
      }
    }
  });
});
