import { describe, expect, it } from 'vitest';
import { evaluate, type GroupHierarchyResult, type HierarchyResult } from '../evaluate';
import { indexOfMax, weightThresholds } from './weight-thresholds';
import { scoresAtWeight, whatIfModel } from './what-if';

/**
 * Case 1 of sensitivity.test.ts: criteria c1, c2 at weights (0.7, 0.3), alternatives A, B, C with local
 * priorities c1 (0.6, 0.3, 0.1), c2 (0.1, 0.5, 0.4):  A = 0.1 + 0.5 w, B = 0.5 - 0.2 w, C = 0.4 - 0.3 w.
 */
const flat = {
  criteria: [{ id: 'c1' }, { id: 'c2' }],
  alternatives: ['A', 'B', 'C'],
  comparisons: {
    goal: [[1, 7 / 3], [3 / 7, 1]],
    c1: { scores: { A: 0.6, B: 0.3, C: 0.1 } },
    c2: { scores: { A: 0.1, B: 0.5, C: 0.4 } },
  },
  monteCarlo: false as const,
};

/** Two levels: economy (0.6) with sub-criteria growth (2/3) and exports (1/3); environment (0.4). */
const nested = {
  criteria: [{ id: 'economy', children: [{ id: 'growth' }, { id: 'exports' }] }, { id: 'environment' }],
  alternatives: ['specialization', 'hubbing', 'integration'],
  comparisons: {
    goal: [[1, 1.5], [1 / 1.5, 1]],
    economy: [[1, 2], [0.5, 1]],
    growth: [[1, 3, 2], [1 / 3, 1, 0.5], [0.5, 2, 1]],
    exports: [[1, 0.25, 0.5], [4, 1, 2], [2, 0.5, 1]],
    environment: { scores: { specialization: 0.2, hubbing: 0.3, integration: 0.5 } },
  },
  monteCarlo: false as const,
};

/** As the database gives it back: JSON, with object keys in another order (PostgreSQL's jsonb sorts them). */
function stored<T>(result: T): T {
  const sortKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sortKeys)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => b.localeCompare(a))
              .map(([key, inner]) => [key, sortKeys(inner)]),
          )
        : value;
  return sortKeys(JSON.parse(JSON.stringify(result))) as T;
}

describe('whatIfModel', () => {
  it('rebuilds the synthesis of a stored flat result: the same scores and the same thresholds', () => {
    const result = evaluate(flat) as HierarchyResult;
    const model = whatIfModel(stored(result));
    expect(model.alternatives).toEqual(['A', 'B', 'C']);
    model.alternatives.forEach((key, a) => expect(model.synthesis.scores[a]).toBeCloseTo(result.alternatives[key]!, 12));
    expect(model.synthesis.criteria.c1!.global).toBeCloseTo(0.7, 12);
    const rebuilt = weightThresholds(model.synthesis, model.alternatives);
    for (const threshold of result.robustness.thresholds) {
      const again = rebuilt.find((t) => t.criterion === threshold.criterion)!;
      expect(again.lower?.weight ?? null).toEqual(threshold.lower ? expect.closeTo(threshold.lower.weight, 12) : null);
      expect(again.upper?.weight ?? null).toEqual(threshold.upper ? expect.closeTo(threshold.upper.weight, 12) : null);
      expect(again.lower?.newTop ?? null).toBe(threshold.lower?.newTop ?? null);
      expect(again.upper?.newTop ?? null).toBe(threshold.upper?.newTop ?? null);
    }
    expect(result.robustness.thresholds.some((t) => t.lower || t.upper)).toBe(true);
  });

  it('rebuilds a nested hierarchy (sub-criteria are told from leaves by their elements)', () => {
    const result = evaluate(nested) as HierarchyResult;
    const model = whatIfModel(stored(result));
    for (const [key, { global }] of Object.entries(result.criteria)) {
      expect(model.synthesis.criteria[key]!.global).toBeCloseTo(global, 12);
    }
    model.alternatives.forEach((key, a) => expect(model.synthesis.scores[a]).toBeCloseTo(result.alternatives[key]!, 12));
  });

  it('works on a group result as stored', () => {
    const group = evaluate({
      criteria: flat.criteria,
      alternatives: flat.alternatives,
      participants: [
        { id: 'p1', comparisons: { goal: [[1, 3], [1 / 3, 1]], c1: [[1, 2, 6], [0.5, 1, 3], [1 / 6, 1 / 3, 1]], c2: [[1, 0.2, 0.25], [5, 1, 1.25], [4, 0.8, 1]] } },
        { id: 'p2', comparisons: { goal: [[1, 1], [1, 1]], c1: [[1, 3, 5], [1 / 3, 1, 2], [0.2, 0.5, 1]], c2: [[1, 0.5, 0.5], [2, 1, 1], [2, 1, 1]] } },
      ],
      monteCarlo: false,
    }) as GroupHierarchyResult;
    const model = whatIfModel(stored(group));
    model.alternatives.forEach((key, a) => expect(model.synthesis.scores[a]).toBeCloseTo(group.alternatives[key]!, 12));
  });
});

describe('scoresAtWeight', () => {
  const result = evaluate(flat) as HierarchyResult;
  const model = whatIfModel(stored(result));
  const at = (criterion: string, weight: number) => scoresAtWeight(model, criterion, weight)!;

  it('gives the current scores at the current weight', () => {
    expect(at('c1', 0.7)[0]).toBeCloseTo(0.45, 12);
    expect(at('c1', 0.7)[1]).toBeCloseTo(0.36, 12);
  });

  it('rescales the other criteria proportionally: by hand at w = 0.4, A 0.3, B 0.42, C 0.28', () => {
    const scores = at('c1', 0.4);
    expect(scores[0]).toBeCloseTo(0.3, 12);
    expect(scores[1]).toBeCloseTo(0.42, 12);
    expect(scores[2]).toBeCloseTo(0.28, 12);
    // Moving c2 to 0.6 is the same decision as moving c1 to 0.4.
    at('c2', 0.6).forEach((value, a) => expect(value).toBeCloseTo(scores[a]!, 12));
  });

  it('changes the top exactly at each threshold the engine reported, on a nested model too', () => {
    for (const problem of [flat, nested]) {
      const evaluated = evaluate(problem) as HierarchyResult;
      const what = whatIfModel(stored(evaluated));
      const top = evaluated.ranking[0]!;
      let checked = 0;
      for (const threshold of evaluated.robustness.thresholds) {
        for (const [bound, step] of [[threshold.lower, -1], [threshold.upper, +1]] as const) {
          if (!bound) continue;
          const before = scoresAtWeight(what, threshold.criterion, bound.weight - step * 1e-6)!;
          const past = scoresAtWeight(what, threshold.criterion, bound.weight + step * 1e-6)!;
          expect(what.alternatives[indexOfMax(before)]).toBe(top);
          expect(what.alternatives[indexOfMax(past)]).toBe(bound.newTop);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    }
  });

  it('clamps to 0..1 and refuses a criterion that has nothing to rescale against', () => {
    expect(at('c1', 1.5)[0]).toBeCloseTo(0.6, 12);
    expect(at('c1', -1)[1]).toBeCloseTo(0.5, 12);
    expect(scoresAtWeight(model, 'unknown', 0.5)).toBeNull();
    const single = whatIfModel(
      stored(evaluate({ criteria: [{ id: 'only' }], alternatives: ['A', 'B'], comparisons: { goal: [[1]], only: [[1, 2], [0.5, 1]] }, monteCarlo: false }) as HierarchyResult),
    );
    expect(scoresAtWeight(single, 'only', 0.5)).toBeNull();
  });
});

describe('weightThresholds at the edges of 0..1', () => {
  it('does not report a tie at a weight of 100 % as a change of first place', () => {
    // Under c2, A and B score the same (0.4 each): with all the weight on c2 they would tie, never swap.
    const result = evaluate({
      criteria: [{ id: 'c1' }, { id: 'c2' }],
      alternatives: ['A', 'B', 'C'],
      comparisons: {
        goal: [[1, 1], [1, 1]],
        c1: { scores: { A: 0.5, B: 0.3, C: 0.2 } },
        c2: { scores: { A: 0.4, B: 0.4, C: 0.2 } },
      },
      monteCarlo: false,
    }) as HierarchyResult;
    expect(result.ranking[0]).toBe('A');
    const c2 = result.robustness.thresholds.find((t) => t.criterion === 'c2')!;
    expect(c2.upper).toBeNull();
    // c1 falling to 0 only makes A and B equal: no lower threshold either.
    expect(result.robustness.thresholds.find((t) => t.criterion === 'c1')!.lower).toBeNull();
  });
});
