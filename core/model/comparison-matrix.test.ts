import { describe, expect, it } from 'vitest';
import { evaluateGroupHierarchy, evaluateHierarchy } from '../evaluate';
import { comparisonMatrixView } from './comparison-matrix';

const criteria = [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }];
const even = [
  [1, 1],
  [1, 1],
];

describe('comparisonMatrixView', () => {
  it('shows a 3x3 inconsistent node reciprocally, each pair marked with the value the other two imply', () => {
    // a12 = 2 and a23 = 2 imply a13 = 4, but 8 was said; each pair's fitting value is the product through the
    // third element: a12 = a13 a32 = 8 / 2 = 4, a13 = a12 a23 = 4, a23 = a21 a13 = 8 / 2 = 4.
    const result = evaluateHierarchy({
      criteria,
      alternatives: ['x', 'y'],
      monteCarlo: false,
      comparisons: {
        goal: [
          [1, 2, 8],
          [1 / 2, 1, 2],
          [1 / 8, 1 / 2, 1],
        ],
        c1: even,
        c2: even,
        c3: even,
      },
    });
    expect(result.judgedMatrices?.goal).toEqual([
      [1, 2, 8],
      [1 / 2, 1, 2],
      [1 / 8, 1 / 2, 1],
    ]);
    const view = comparisonMatrixView(['c1', 'c2', 'c3'], result.judgedMatrices!.goal!, result.nodes.goal!)!;
    expect(view.rows.map((row) => row.map((cell) => cell.value))).toEqual([
      [1, 2, 8],
      [1 / 2, 1, 2],
      [1 / 8, 1 / 2, 1],
    ]);
    expect(view.rows.map((row) => row.map((cell) => cell.source))).toEqual([
      ['diagonal', 'judged', 'judged'],
      ['judged', 'diagonal', 'judged'],
      ['judged', 'judged', 'diagonal'],
    ]);
    // In a 3x3 matrix every pair is off by the same log error (ln 2 / 3 here), so all three are listed.
    const fits = view.rows.map((row) => row.map((cell) => cell.inconsistency?.consistentValue ?? null));
    const expected = [
      [null, 4, 4],
      [1 / 4, null, 4],
      [1 / 4, 1 / 4, null],
    ];
    fits.forEach((row, i) => row.forEach((value, j) => (expected[i]![j] === null ? expect(value).toBeNull() : expect(value).toBeCloseTo(expected[i]![j]!, 9))));
    const ranks = view.rows.flatMap((row, i) => row.map((cell, j) => (i < j ? cell.inconsistency?.rank : undefined))).filter(Boolean);
    expect(ranks.sort()).toEqual([1, 2, 3]);
    // A cell and its mirror carry the same rank.
    expect(view.rows[2]![0]!.inconsistency?.rank).toBe(view.rows[0]![2]!.inconsistency?.rank);
  });

  it('fills a missing pair with the completed value, marked as estimated, and marks nothing in a consistent node', () => {
    const result = evaluateHierarchy({
      criteria,
      alternatives: ['x', 'y', 'z'],
      monteCarlo: false,
      comparisons: {
        goal: [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
        // x is 2 times y, y is 3 times z: the only consistent x:z is 6.
        c1: { judgments: [{ a: 'x', b: 'y', value: 2 }, { a: 'y', b: 'z', value: 3 }] },
        c2: { judgments: [{ a: 'x', b: 'y', value: 1 }, { a: 'y', b: 'z', value: 1 }, { a: 'x', b: 'z', value: 1 }] },
        c3: { judgments: [{ a: 'x', b: 'y', value: 1 }, { a: 'y', b: 'z', value: 1 }, { a: 'x', b: 'z', value: 1 }] },
      },
    });
    expect(result.judgedMatrices?.c1).toEqual([
      [1, 2, null],
      [1 / 2, 1, 3],
      [null, 1 / 3, 1],
    ]);
    const view = comparisonMatrixView(['x', 'y', 'z'], result.judgedMatrices!.c1!, result.nodes.c1!)!;
    expect(view.rows[0]![2]!.source).toBe('estimated');
    expect(view.rows[0]![2]!.value).toBeCloseTo(6, 6);
    expect(view.rows[2]![0]!.value).toBeCloseTo(1 / 6, 6);
    expect(view.rows.flat().every((cell) => cell.inconsistency === null)).toBe(true);
    expect(comparisonMatrixView(['x', 'y'], result.judgedMatrices!.c1!, result.nodes.c1!)).toBeNull();
  });

  it('holds the group’s aggregated judgments for a group result: the geometric mean, pair by pair', () => {
    const own = (a12: number) => ({
      goal: [
        [1, a12, 1],
        [1 / a12, 1, 1],
        [1, 1, 1],
      ],
      c1: even,
      c2: even,
      c3: even,
    });
    const result = evaluateGroupHierarchy({
      criteria,
      alternatives: ['x', 'y'],
      monteCarlo: false,
      participants: [
        { id: 'p1', comparisons: own(2) },
        { id: 'p2', comparisons: own(8) },
      ],
    });
    // sqrt(2 * 8) = 4; sqrt(1/2 * 1/8) = 1/4.
    expect(result.judgedMatrices?.goal?.[0]?.[1]).toBeCloseTo(4, 12);
    expect(result.judgedMatrices?.goal?.[1]?.[0]).toBeCloseTo(1 / 4, 12);
  });
});
