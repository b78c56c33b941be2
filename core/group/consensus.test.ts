import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type GroupHierarchyResult, type GroupMatrixResult } from '../evaluate';
import { consensusIndicator, consensusLevel } from './consensus';

/**
 * The two versions of Goepel's consensus indicator against their published definitions, with the entropies
 * written out here term by term (Goepel 2013, ISAHP; AHP-OS classes/AhpGroup.php), not taken from the code.
 */
const plogp = (p: number) => (p > 0 ? -p * Math.log(p) : 0);
const entropy = (v: readonly number[]) => v.reduce((sum, p) => sum + plogp(p), 0);

/** Participant k puts element k M times above every other element: the formula's case of no consensus. */
const extreme = (n: number, k: number, m = 9) => Array.from({ length: n }, (_, j) => (j === k ? m : 1) / (n + m - 1));

describe("Goepel's consensus indicator, both versions", () => {
  it('K = 2 of n = 4 each favouring a different element: 0 by the 2013 definition, 0.375 by the AHP-OS one', () => {
    const vectors = [extreme(4, 0), extreme(4, 1)];
    expect(consensusIndicator(vectors, [1, 1], 9, 'goepel-2013')).toBeCloseTo(0, 12);
    // AHP-OS: H_gamma,max = ln 4. H_alpha = H_alpha,min for these vectors; the mean is (10, 10, 2, 2) / 24.
    const alphaMin = entropy(extreme(4, 0));
    const beta = entropy([10 / 24, 10 / 24, 2 / 24, 2 / 24]) - alphaMin;
    const reference = Math.exp(alphaMin) / 4;
    const expected = (Math.exp(-beta) - reference) / (1 - reference);
    expect(expected).toBeCloseTo(0.37503, 5);
    expect(consensusIndicator(vectors, [1, 1], 9, 'ahp-os')).toBeCloseTo(expected, 12);
  });

  it('the versions agree when there are at least as many participants as elements', () => {
    const vectorArb = (n: number) => fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((v) => {
      const total = v.reduce((sum, x) => sum + x, 0);
      return v.map((x) => x / total);
    });
    const arb = fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc.tuple(fc.constant(n), fc.array(vectorArb(n), { minLength: n, maxLength: n + 5 })),
    );
    fc.assert(
      fc.property(arb, ([, vectors]) => {
        const weights = vectors.map(() => 1);
        expect(consensusIndicator(vectors, weights, 9, 'goepel-2013')).toBeCloseTo(consensusIndicator(vectors, weights, 9, 'ahp-os'), 12);
      }),
    );
  });

  it('a value below 0 is returned as it is, and evaluate reports it with the reason', () => {
    // Direct scores with zeros are more extreme than "one element 9 times every other": H_alpha = 0.
    const value = consensusIndicator([[1, 0, 0], [0, 1, 0]], [1, 1]);
    const alphaMin = entropy(extreme(3, 0));
    const reference = Math.exp(alphaMin) / 3;
    expect(value).toBeCloseTo((Math.exp(-Math.log(2)) - reference) / (1 - reference), 12);
    expect(value).toBeLessThan(-0.27);
    expect(consensusLevel(value)).toBe('very-low');

    const result = evaluate({
      criteria: [{ id: 'only' }],
      alternatives: ['A', 'B', 'C'],
      participants: [
        { id: 'p1', comparisons: { goal: [[1]], only: { scores: { A: 1, B: 0, C: 0 } } } },
        { id: 'p2', comparisons: { goal: [[1]], only: { scores: { A: 0, B: 1, C: 0 } } } },
      ],
      monteCarlo: false,
    }) as GroupHierarchyResult;
    expect(result.consensus.only).toBeCloseTo(value, 12);
    expect(result.consensusFormula).toBe('ahp-os');
    expect(result.consensusBelowZero).toEqual([{ node: 'only', value: result.consensus.only, reason: 'more-diverse-than-formula-maximum' }]);
  });

  it('the problem chooses the version and the result names it', () => {
    const participants = [
      { id: 'a', matrix: [[1, 9, 9, 9], [1 / 9, 1, 1, 1], [1 / 9, 1, 1, 1], [1 / 9, 1, 1, 1]] },
      { id: 'b', matrix: [[1, 1 / 9, 1, 1], [9, 1, 9, 9], [1, 1 / 9, 1, 1], [1, 1 / 9, 1, 1]] },
    ];
    const published = evaluate({ participants, consensusFormula: 'goepel-2013' }) as GroupMatrixResult;
    expect(published.consensusFormula).toBe('goepel-2013');
    expect(published.consensus).toBeCloseTo(0, 9);
    const current = evaluate({ participants }) as GroupMatrixResult;
    expect(current.consensusFormula).toBe('ahp-os');
    expect(current.consensus).toBeCloseTo(0.37503, 5);
    expect(current.consensusBelowZero).toEqual([]);
  });
});
