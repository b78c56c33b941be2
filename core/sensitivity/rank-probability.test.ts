import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonteCarloModel } from '../contracts/method';
import { evaluate, type GroupHierarchyResult, type HierarchyResult } from '../evaluate';
import { createRng } from '../random';
import { kishEffectiveSize, rankProbability, storedMonteCarloModel, type UncertainNode } from './rank-probability';

/**
 * The two Monte Carlo models against what they mean: `spread` varies each judgment by the participants' own
 * dispersion, so repeating the same group changes nothing; `estimate` varies it by the standard error of the
 * group's mean, sigma / sqrt(n_eff), so the same group repeated K times is K times as sure.
 */

/** Standard normal CDF by erf (Abramowitz & Stegun 7.1.26, error below 1.5e-7): independent of the engine. */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** One pair A vs B with ln a_AB ~ N(mu, s): A ranks first when the drawn ln a_AB > 0. */
function onePair(mu: number, sigma: number, effectiveSize: number): Map<string, UncertainNode> {
  return new Map<string, UncertainNode>([
    ['goal', { kind: 'scores', values: [1], sd: [0], effectiveSize: [1] }],
    [
      'only',
      {
        kind: 'pairwise',
        n: 2,
        logMatrix: Float64Array.from([0, mu, -mu, 0]),
        sigma: Float64Array.from([0, sigma, sigma, 0]),
        effectiveSize: Float64Array.from([0, effectiveSize, effectiveSize, 0]),
      },
    ],
  ]);
}

const firstA = (nodes: Map<string, UncertainNode>, model: MonteCarloModel, samples: number, seed: number) =>
  rankProbability([{ id: 'only' }], ['A', 'B'], nodes, { method: 'eigenvector', synthesis: 'distributive', samples, seed, model }, createRng(seed))
    .firstPlace.A!;

describe('Monte Carlo models', () => {
  it('closed form: spread gives Phi(mu / s) whatever n_eff; estimate gives Phi(mu sqrt(n_eff) / s)', () => {
    const samples = 4000;
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.3, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1000 }),
        (mu, sigma, k, seed) => {
          // Four standard errors of a share estimated from `samples` draws.
          const tolerance = (p: number) => 4 * Math.sqrt((p * (1 - p)) / samples) + 1e-3;
          const spread = normalCdf(mu / sigma);
          expect(Math.abs(firstA(onePair(mu, sigma, k), 'spread', samples, seed) - spread)).toBeLessThan(tolerance(spread));
          const estimate = normalCdf((mu * Math.sqrt(k)) / sigma);
          expect(Math.abs(firstA(onePair(mu, sigma, k), 'estimate', samples, seed) - estimate)).toBeLessThan(tolerance(estimate));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("Kish's effective size: n for n equal weights, fewer when the weights are unequal", () => {
    expect(kishEffectiveSize([1, 1, 1, 1])).toBe(4);
    expect(kishEffectiveSize([3, 1])).toBeCloseTo(16 / 10, 12);
    expect(kishEffectiveSize([])).toBe(0);
  });

  const position = fc.integer({ min: -4, max: 6 });
  const personArb = fc.record({ goal: position, c1: position, c2: position });
  /** Two criteria, two strategies; each person judges the criteria and the strategies under each. */
  const groupProblem = (people: Array<{ goal: number; c1: number; c2: number }>, repeats: number, model: MonteCarloModel) => ({
    criteria: [{ id: 'c1' }, { id: 'c2' }],
    alternatives: ['A', 'B'],
    participants: Array.from({ length: repeats }, (_, r) =>
      people.map((person, k) => ({
        id: `p${k}-${r}`,
        comparisons: {
          goal: { judgments: [{ a: 'c1', b: 'c2', position: person.goal }] },
          c1: { judgments: [{ a: 'A', b: 'B', position: person.c1 }] },
          c2: { judgments: [{ a: 'A', b: 'B', position: person.c2 }] },
        },
      })),
    ).flat(),
    monteCarlo: { samples: 2000, seed: 11, model },
  });
  const firstPlace = (problem: ReturnType<typeof groupProblem>) =>
    (evaluate(problem) as GroupHierarchyResult).robustness.rankProbability!;

  it('the same group repeated K times: spread probabilities do not change, estimate ones do not fall', () => {
    fc.assert(
      fc.property(fc.array(personArb, { minLength: 3, maxLength: 5 }), fc.integer({ min: 2, max: 6 }), (people, k) => {
        const once = firstPlace(groupProblem(people, 1, 'spread'));
        const repeated = firstPlace(groupProblem(people, k, 'spread'));
        expect(repeated.model).toBe('spread');
        for (const [key, value] of Object.entries(once.firstPlace)) expect(repeated.firstPlace[key]).toBeCloseTo(value, 12);

        const group = evaluate(groupProblem(people, 1, 'estimate')) as GroupHierarchyResult;
        const leader = group.ranking[0]!;
        const estimateOnce = group.robustness.rankProbability!.firstPlace[leader]!;
        const estimateMany = firstPlace(groupProblem(people, 25 * k, 'estimate')).firstPlace[leader]!;
        // Sampling error of 2,000 draws is at most 0.011; the leader can only gain from a sharper estimate.
        expect(estimateMany).toBeGreaterThanOrEqual(estimateOnce - 0.035);
      }),
      { numRuns: 25 },
    );
  });

  it('five divided people: spread stays where it is, estimate goes to 1 for the leader as the group is repeated', () => {
    const people = [
      { goal: 2, c1: 4, c2: -3 },
      { goal: -2, c1: 2, c2: -4 },
      { goal: 0, c1: 3, c2: -2 },
      { goal: 3, c1: -1, c2: -5 },
      { goal: 1, c1: 5, c2: 0 },
    ];
    const spread = [1, 10, 40].map((k) => firstPlace(groupProblem(people, k, 'spread')).firstPlace);
    expect(spread[1]).toEqual(spread[0]);
    expect(spread[2]).toEqual(spread[0]);
    const leader = (evaluate(groupProblem(people, 1, 'spread')) as GroupHierarchyResult).ranking[0]!;
    const estimate = [1, 10, 40].map((k) => firstPlace(groupProblem(people, k, 'estimate')).firstPlace[leader]!);
    // Five people already know their mean sqrt(5) times better than any one of them disagrees with it.
    expect(spread[0]![leader]).toBeLessThan(0.6);
    expect(estimate[0]).toBeGreaterThan(spread[0]![leader]! + 0.05);
    expect(estimate[1]).toBeGreaterThan(estimate[0]! + 0.05);
    expect(estimate[2]).toBeGreaterThan(0.99);
  });

  it('names the model in the result; stored results without one were made with spread', () => {
    const problem = {
      criteria: [{ id: 'c1' }, { id: 'c2' }],
      alternatives: ['A', 'B'],
      comparisons: { goal: [[1, 2], [0.5, 1]], c1: [[1, 3], [1 / 3, 1]], c2: [[1, 0.5], [2, 1]] },
    };
    expect((evaluate(problem) as HierarchyResult).robustness.rankProbability!.model).toBe('spread');
    expect((evaluate({ ...problem, monteCarlo: { model: 'estimate' } }) as HierarchyResult).robustness.rankProbability).toMatchObject({
      model: 'estimate',
      samples: 2000,
      seed: 1,
    });
    expect(storedMonteCarloModel({})).toBe('spread');
    expect(storedMonteCarloModel({ model: 'estimate' })).toBe('estimate');
  });
});
