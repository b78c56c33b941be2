import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPATIBILITY_LIMIT, compatibilityIndex, kendallTauB, placesByScore } from './compatibility';
import { evaluateGroupHierarchy, evaluateGroupHierarchyBySubsets } from '../evaluate';
import { compareStakeholderGroups, type ComparedResult } from './stakeholder-groups';

/** Positive vectors of one length, for the properties. */
const vectors = (count: number) =>
  fc.integer({ min: 2, max: 8 }).chain((n) => fc.array(fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: count, maxLength: count }));

describe("Saaty's compatibility index", () => {
  it('is 1 for identical and for proportional vectors', () => {
    expect(compatibilityIndex([0.5, 0.3, 0.2], [0.5, 0.3, 0.2])).toBe(1);
    expect(compatibilityIndex([2, 1, 1], [0.5, 0.25, 0.25])).toBeCloseTo(1, 14);
  });

  it('matches values computed by hand', () => {
    // (1/4)(0.5/0.8 + 0.5/0.2)(0.8/0.5 + 0.2/0.5) = (1/4)(3.125)(2) = 1.5625
    expect(compatibilityIndex([0.5, 0.5], [0.8, 0.2])).toBeCloseTo(1.5625, 14);
    // (1/9)(1.25 + 0.75 + 1)(0.8 + 4/3 + 1) = (1/9)(3)(47/15) = 47/45
    expect(compatibilityIndex([0.5, 0.3, 0.2], [0.4, 0.4, 0.2])).toBeCloseTo(47 / 45, 14);
    expect(47 / 45).toBeLessThan(COMPATIBILITY_LIMIT);
  });

  it('is the mean of the Hadamard product W o V^T, symmetric and at least 1', () => {
    fc.assert(
      fc.property(vectors(2), ([w, v]) => {
        const n = w!.length;
        let sum = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += ((w![i]! / w![j]!) * v![j]!) / v![i]!;
        expect(compatibilityIndex(w!, v!)).toBeCloseTo(Math.max(1, sum / (n * n)), 9);
        expect(compatibilityIndex(w!, v!)).toBeCloseTo(compatibilityIndex(v!, w!)!, 9);
        expect(compatibilityIndex(w!, v!)!).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('has no value with a weight of 0 or vectors of different length', () => {
    expect(compatibilityIndex([1, 0], [0.5, 0.5])).toBeNull();
    expect(compatibilityIndex([0.5, 0.5], [1])).toBeNull();
    expect(compatibilityIndex([], [])).toBeNull();
  });
});

describe("Kendall's tau-b", () => {
  it('is 1 for the same order and -1 for the reversed one', () => {
    expect(kendallTauB([0.5, 0.3, 0.2], [0.6, 0.3, 0.1])).toBe(1);
    expect(kendallTauB([3, 2, 1], [1, 2, 3])).toBe(-1);
  });

  it('counts concordant and discordant pairs as by hand', () => {
    // Pairs (1,2) and (3,4) are swapped, the other four agree: (4 - 2) / 6.
    expect(kendallTauB([4, 3, 2, 1], [3, 4, 1, 2])).toBeCloseTo(1 / 3, 14);
    // x ties its first two: C = 2, D = 0, T_x = 1, T_y = 0, P = 3: 2 / sqrt(2 * 3).
    expect(kendallTauB([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(6), 14);
  });

  it('has no value when one ordering ties everything or there is a single element', () => {
    expect(kendallTauB([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(kendallTauB([1], [1])).toBeNull();
  });

  it('lies in [-1, 1] and is antisymmetric under reversing one ordering', () => {
    fc.assert(
      fc.property(vectors(2), ([x, y]) => {
        const tau = kendallTauB(x!, y!);
        if (tau === null) return;
        expect(Math.abs(tau)).toBeLessThanOrEqual(1);
        expect(kendallTauB(x!, y!.map((value) => -value))).toBeCloseTo(-tau, 12);
      }),
    );
  });

  it('places tied scores at the best place among them', () => {
    expect(placesByScore([0.2, 0.5, 0.2, 0.1])).toEqual([2, 1, 2, 4]);
  });
});

describe('stakeholder groups side by side', () => {
  const result = (criteria: Record<string, number>, alternatives: Record<string, number>): ComparedResult => ({
    criteria: Object.fromEntries(Object.entries(criteria).map(([key, global]) => [key, { local: global, global }])),
    alternatives,
    ranking: Object.keys(alternatives).sort((a, b) => alternatives[b]! - alternatives[a]!),
  });
  const whole = result({ a: 0.5, b: 0.3, c: 0.2 }, { x: 0.5, y: 0.3, z: 0.2 });
  const enterprises = result({ a: 0.5, b: 0.3, c: 0.2 }, { x: 0.5, y: 0.3, z: 0.2 });
  const government = result({ a: 0.1, b: 0.35, c: 0.55 }, { x: 0.2, y: 0.3, z: 0.5 });
  const finance = result({ a: 0.2, b: 0.3, c: 0.5 }, { x: 0.3, y: 0.5, z: 0.2 });
  const comparison = compareStakeholderGroups(
    { ...whole, included: 7 },
    [
      { group: 'enterprises', members: 3, included: 3, result: enterprises },
      { group: 'government', members: 2, included: 2, result: government },
      { group: 'finance', members: 1, included: 1, result: finance },
      { group: 'civil-society', members: 1, included: 0, result: null },
    ],
    ['a', 'b', 'c'],
    ['x', 'y', 'z'],
  );

  it("measures each group's distance from the whole group", () => {
    const [own, gov] = comparison.groups;
    expect(own!.toWhole).toEqual({ criteriaCompatibility: 1, criteriaTau: 1, strategiesCompatibility: 1, strategiesTau: 1 });
    // Government's criteria against the whole: (1/9)(0.1/0.5 + 0.35/0.3 + 0.55/0.2)(0.5/0.1 + 0.3/0.35 + 0.2/0.55).
    const s = ((0.2 + 0.35 / 0.3 + 2.75) * (5 + 0.3 / 0.35 + 0.2 / 0.55)) / 9;
    expect(gov!.toWhole!.criteriaCompatibility).toBeCloseTo(s, 12);
    expect(gov!.toWhole!.strategiesTau).toBe(-1);
    expect(gov!.criteria).toEqual({ a: 0.1, b: 0.35, c: 0.55 });
    expect(gov!.places).toEqual({ criteria: { a: 3, b: 2, c: 1 }, strategies: { x: 3, y: 2, z: 1 } });
    expect(comparison.whole).toMatchObject({ included: 7, places: { criteria: { a: 1, b: 2, c: 3 } } });
  });

  it('marks groups under 2 people and keeps a group nobody could enter without figures', () => {
    expect(comparison.groups.map((g) => [g.group, g.isSmall])).toEqual([
      ['enterprises', false],
      ['government', false],
      ['finance', true],
      ['civil-society', true],
    ]);
    expect(comparison.groups[3]).toMatchObject({ criteria: null, ranking: null, toWhole: null });
  });

  it('pairs every two groups with a result, and says where groups of 2 or more disagree most', () => {
    expect(comparison.pairs.map((p) => `${p.a}/${p.b}`)).toEqual(['enterprises/government', 'enterprises/finance', 'government/finance']);
    // a and c both move two places; a by 40 points, c by 35: a is named, the group that puts it higher first.
    expect(comparison.disagreements).toEqual([
      { a: 'enterprises', b: 'government', criterion: 'a', count: 3, placeA: 1, weightA: 0.5, placeB: 3, weightB: 0.1 },
    ]);
  });
});

describe('group results of subsets of the participants', () => {
  const person = (id: string, seed: number) => ({
    id,
    weight: 1 + (seed % 3),
    comparisons: {
      goal: {
        judgments: [
          { a: 'c1', b: 'c2', position: (seed % 5) - 2 },
          { a: 'c1', b: 'c3', position: (seed % 7) - 3 },
          { a: 'c2', b: 'c3', position: (seed % 4) - 1 },
        ],
      },
      c1: { judgments: [{ a: 's1', b: 's2', position: (seed % 9) - 4 }] },
      c2: { judgments: [{ a: 's1', b: 's2', position: 2 - (seed % 5) }] },
      c3: { judgments: [{ a: 's1', b: 's2', position: (seed % 3) - 1 }] },
    },
  });
  const problem = {
    criteria: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }],
    alternatives: ['s1', 's2'],
    participants: [person('p1', 1), person('p2', 4), person('p3', 6), person('p4', 11)],
  };

  it('equal the group result of those participants alone, and the whole equals evaluateGroupHierarchy', () => {
    const { whole, subsets } = evaluateGroupHierarchyBySubsets(problem, [['p1', 'p3'], ['p4'], []]);
    expect(whole).toEqual(evaluateGroupHierarchy(problem));
    const alone = evaluateGroupHierarchy({ ...problem, monteCarlo: false, participants: problem.participants.filter((p) => ['p1', 'p3'].includes(p.id)) });
    expect(subsets[0]).toEqual(alone);
    const one = evaluateGroupHierarchy({ ...problem, monteCarlo: false, participants: [problem.participants[3]!] });
    expect(subsets[1]).toEqual(one);
    expect(subsets[2]).toBeInstanceOf(Error);
  });
});
