import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows } from './ahp/matrix';
import { computePriorities } from './ahp/priorities';
import { ProblemValidationError } from './contracts/problem';
import {
  evaluate,
  type GroupHierarchyResult,
  type GroupMatrixResult,
  type HierarchyResult,
  type SingleMatrixResult,
} from './evaluate';
import { createRng } from './random';

/** The contract of docs/engine-cli.md, through `evaluate`. */

function asMatrix(result: ReturnType<typeof evaluate>): SingleMatrixResult {
  if (result.kind !== 'matrix') throw new Error(`expected a matrix result, got ${result.kind}`);
  return result;
}
function asHierarchy(result: ReturnType<typeof evaluate>): HierarchyResult {
  if (result.kind !== 'hierarchy') throw new Error(`expected a hierarchy result, got ${result.kind}`);
  return result;
}
function asGroup(result: ReturnType<typeof evaluate>): GroupMatrixResult {
  if (result.kind !== 'group-matrix') throw new Error(`expected a group-matrix result, got ${result.kind}`);
  return result;
}
function asGroupHierarchy(result: ReturnType<typeof evaluate>): GroupHierarchyResult {
  if (result.kind !== 'group-hierarchy') throw new Error(`expected a group-hierarchy result, got ${result.kind}`);
  return result;
}
const arrayWeights = (result: { weights?: number[] | Record<string, number> | undefined }): number[] => {
  if (!Array.isArray(result.weights)) throw new Error('expected weights as an array');
  return result.weights;
};
const keyedWeights = (result: { weights?: number[] | Record<string, number> | undefined }): Record<string, number> => {
  if (result.weights === undefined || Array.isArray(result.weights)) throw new Error('expected weights keyed by id');
  return result.weights;
};

/** Runs evaluate, expects a ProblemValidationError, and returns its issues. */
function issuesOf(problem: unknown): Array<{ path: string; message: string }> {
  try {
    evaluate(problem);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemValidationError);
    const issues = (error as ProblemValidationError).issues;
    expect(issues.length).toBeGreaterThan(0);
    // the message lists every issue as "path: message"
    for (const issue of issues) expect((error as Error).message).toContain(`${issue.path}: ${issue.message}`);
    return issues;
  }
  throw new Error(`expected a ProblemValidationError for ${JSON.stringify(problem)}`);
}
function expectIssue(problem: unknown, path: string, ...phrases: Array<string | RegExp>): void {
  const issues = issuesOf(problem);
  const issue = issues.find((candidate) => candidate.path === path);
  if (!issue) throw new Error(`no issue at ${path}; got ${JSON.stringify(issues)}`);
  for (const phrase of phrases) expect(issue.message).toMatch(phrase);
}

const SHAPE_1 = { matrix: [[1, 3, 5], [0.3333, 1, 2], [0.2, 0.5, 1]] };
const SHAPE_2 = {
  criteria: [{ id: 'cost', children: [{ id: 'price' }, { id: 'upkeep' }] }, { id: 'safety' }],
  alternatives: ['A', 'B', 'C'],
  comparisons: {
    goal: [[1, 0.5], [2, 1]],
    cost: [[1, 3], [0.3333, 1]],
    price: [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]],
    upkeep: { judgments: [[0, 1, 3], [1, 2, 2]] },
    safety: { scores: { A: 7, B: 9, C: 4 } },
  },
  synthesis: 'distributive',
};
const SHAPE_3 = {
  aggregation: 'aij',
  participants: [
    { id: 'p1', weight: 2, matrix: [[1, 3], [0.3333, 1]] },
    { id: 'p2', weight: 1, matrix: [[1, 5], [0.2, 1]] },
  ],
};

describe('shape 1: one matrix', () => {
  it('runs the example and returns the listed fields with their names', () => {
    const result = asMatrix(evaluate(SHAPE_1));
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['method', 'weights', 'lambdaMax', 'ci', 'cr', 'randomIndex', 'gci', 'mostInconsistent', 'completion']),
    );
    expect(result.method).toBe('eigenvector');
    expect(result.isApproximation).toBe(false);
    const w = arrayWeights(result);
    expect(w[0]).toBeCloseTo(0.648, 3);
    expect(w[1]).toBeCloseTo(0.23, 3);
    expect(w[2]).toBeCloseTo(0.122, 3);
    expect(result.lambdaMax).toBeCloseTo(3.004, 3);
    expect(result.randomIndex).toMatchObject({ table: 'saaty-1980', value: 0.58 });
    expect(result.completion).toBeNull();
    expect(result.mostInconsistent.length).toBeGreaterThan(0);
    for (const entry of result.mostInconsistent) {
      expect(Object.keys(entry)).toEqual(expect.arrayContaining(['i', 'j', 'value', 'consistentValue']));
    }
  });

  it('hand-checked on the exactly reciprocal version (3 x 3 closed forms, c = a12 a23 a31 = 1.2)', () => {
    const result = asMatrix(evaluate({ matrix: [[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]] }));
    const gm = [Math.cbrt(15), Math.cbrt(2 / 3), Math.cbrt(1 / 10)];
    const total = gm[0]! + gm[1]! + gm[2]!;
    arrayWeights(result).forEach((w, i) => expect(w).toBeCloseTo(gm[i]! / total, 10));
    const lambda = 1 + Math.cbrt(1.2) + 1 / Math.cbrt(1.2);
    expect(result.lambdaMax).toBeCloseTo(lambda, 10);
    expect(result.ci).toBeCloseTo((lambda - 3) / 2, 10);
    expect(result.cr).toBeCloseTo((lambda - 3) / 2 / 0.58, 10);
    // every log residual of a 3 x 3 is +-(ln c)/3 under the geometric-mean weights: GCI = (ln c)^2 / 3
    expect(result.gci).toBeCloseTo(Math.log(1.2) ** 2 / 3, 10);
    expect(result.isConsistentEnough).toBe(true);
    // the value fitting the others for (0, 2) is a01 a12 = 6; for (0, 1) a02 / a12 = 2.5; for (1, 2) a02 / a01
    const fitting: Record<string, number> = { '0,2': 6, '0,1': 2.5, '1,2': 5 / 3 };
    expect(result.mostInconsistent.map((e) => `${e.i},${e.j}`).sort()).toEqual(['0,1', '0,2', '1,2']);
    for (const entry of result.mostInconsistent) {
      expect(entry.value).toBe([[1, 3, 5], [1 / 3, 1, 2]][entry.i]![entry.j]);
      expect(entry.consistentValue).toBeCloseTo(fitting[`${entry.i},${entry.j}`]!, 9);
    }
  });

  it('keys weights by name when elements are given', () => {
    const result = asMatrix(evaluate({ elements: ['x', 'y', 'z'], matrix: [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]] }));
    expect(result.elements).toEqual(['x', 'y', 'z']);
    const w = keyedWeights(result);
    expect(w.x).toBeCloseTo(4 / 7, 12);
    expect(w.y).toBeCloseTo(2 / 7, 12);
    expect(w.z).toBeCloseTo(1 / 7, 12);
  });
});

describe('shape 2: a hierarchy', () => {
  const result = asHierarchy(evaluate(SHAPE_2));
  // by hand: goal (1/3, 2/3); cost [[1, 3], [0.3333, 1]] -> price s / (1 + s), s = sqrt(3 / 0.3333);
  // price (4, 2, 1) / 7; upkeep A/B = 3, B/C = 2 -> (6, 2, 1) / 9; safety (7, 9, 4) / 20
  const s = Math.sqrt(3 / 0.3333);
  const priceLocal = s / (1 + s);
  const globalPrice = priceLocal / 3;
  const globalUpkeep = (1 - priceLocal) / 3;
  const expected = {
    A: globalPrice * (4 / 7) + globalUpkeep * (6 / 9) + (2 / 3) * 0.35,
    B: globalPrice * (2 / 7) + globalUpkeep * (2 / 9) + (2 / 3) * 0.45,
    C: globalPrice * (1 / 7) + globalUpkeep * (1 / 9) + (2 / 3) * 0.2,
  };

  it('returns nodes, criteria, alternatives and ranking with the listed names', () => {
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['nodes', 'criteria', 'alternatives', 'ranking']));
    expect(Object.keys(result.nodes).sort()).toEqual(['cost', 'goal', 'price', 'safety', 'upkeep']);
    for (const node of Object.values(result.nodes)) {
      expect(Object.keys(node)).toEqual(expect.arrayContaining(['weights', 'lambdaMax', 'ci', 'cr']));
    }
    expect(Object.keys(keyedWeights(result.nodes.goal!))).toEqual(['cost', 'safety']);
    expect(Object.keys(keyedWeights(result.nodes.price!))).toEqual(['A', 'B', 'C']);
  });

  it('has the hand-computed figures', () => {
    const goal = keyedWeights(result.nodes.goal!);
    expect(goal.cost).toBeCloseTo(1 / 3, 12);
    expect(goal.safety).toBeCloseTo(2 / 3, 12);
    expect(result.nodes.goal!.cr).toBe(0);
    const price = result.nodes.price!;
    expect(keyedWeights(price).A).toBeCloseTo(4 / 7, 12);
    expect(price.lambdaMax).toBeCloseTo(3, 12);
    expect(Math.abs(price.cr)).toBeLessThan(1e-12);
    expect(keyedWeights(result.nodes.safety!)).toEqual({ A: 0.35, B: 0.45, C: 0.2 });
    expect(result.criteria.cost).toEqual({ local: expect.closeTo(1 / 3, 12), global: expect.closeTo(1 / 3, 12) });
    expect(result.criteria.price!.local).toBeCloseTo(priceLocal, 12);
    expect(result.criteria.price!.global).toBeCloseTo(globalPrice, 12);
    expect(result.criteria.safety!.global).toBeCloseTo(2 / 3, 12);
    for (const name of ['A', 'B', 'C'] as const) expect(result.alternatives[name]).toBeCloseTo(expected[name], 9);
    expect(result.ranking).toEqual(['A', 'B', 'C']);
  });

  it('completes the incomplete upkeep node (a tree: A/C = 3 x 2 = 6) and names the pair', () => {
    const upkeep = result.nodes.upkeep!;
    expect(upkeep.completion!.method).toBe('optimal');
    expect(upkeep.completion!.values).toHaveLength(1);
    expect(upkeep.completion!.values[0]).toMatchObject({ i: 0, j: 2, a: 'A', b: 'C' });
    expect(upkeep.completion!.values[0]!.value).toBeCloseTo(6, 8);
    expect(upkeep.nextPair).toMatchObject({ i: 0, j: 2 });
  });
});

describe('shape 3: a group', () => {
  const result = asGroup(evaluate(SHAPE_3));

  it('returns the single-matrix fields plus consensus, matrix and participants', () => {
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['weights', 'lambdaMax', 'ci', 'cr', 'randomIndex', 'gci', 'consensus', 'matrix', 'participants']),
    );
    expect(result.aggregation).toBe('aij');
    expect(result.participants.map((p) => [p.id, p.excluded])).toEqual([
      ['p1', false],
      ['p2', false],
    ]);
    for (const participant of result.participants) expect(participant).toHaveProperty('weights');
  });

  it('has the hand-computed AIJ matrix, weights and consensus', () => {
    const m01 = Math.cbrt(3 * 3 * 5);
    const m10 = Math.cbrt(0.3333 * 0.3333 * 0.2);
    expect(result.matrix![0]![1]).toBeCloseTo(m01, 12);
    expect(result.matrix![1]![0]).toBeCloseTo(m10, 12);
    const ratio = Math.sqrt(m01 / m10); // 2 x 2 eigenvector w0 / w1 = sqrt(a01 / a10)
    expect(arrayWeights(result)[0]).toBeCloseTo(ratio / (1 + ratio), 12);
    expect(result.cr).toBe(0);
    // Goepel's S* of (s/(1+s), 1/(1+s)) with s = sqrt(3/0.3333) and (5/6, 1/6), weights 2:1 (independent script)
    expect(result.consensus).toBeCloseTo(0.9850049760448925, 10);
    expect(arrayWeights(result.participants[1]!)[0]).toBeCloseTo(5 / 6, 12);
  });

  it('AIP combines the individual priorities instead (and gives no matrix)', () => {
    const aip = asGroup(evaluate({ ...SHAPE_3, aggregation: 'aip' }));
    const s = Math.sqrt(3 / 0.3333);
    const p1 = [s / (1 + s), 1 / (1 + s)];
    const p2 = [5 / 6, 1 / 6];
    const raw = [0, 1].map((i) => Math.exp((2 * Math.log(p1[i]!) + Math.log(p2[i]!)) / 3));
    expect(arrayWeights(aip)[0]).toBeCloseTo(raw[0]! / (raw[0]! + raw[1]!), 12);
    expect(aip.matrix).toBeNull();
  });
});

describe('invalid input throws ProblemValidationError naming the JSON path', () => {
  it('non-reciprocal entry', () => {
    expectIssue({ matrix: [[1, 2, 3], [0.5, 1, 2], [1, 0.5, 1]] }, 'matrix[2][0]', /reciprocal/, 'matrix[0][2]');
  });

  it('accepts entries within 5% of the reciprocal (0.33 for 3, 0.14 for 7) and rejects beyond', () => {
    expect(() => evaluate({ matrix: [[1, 3, 7], [0.33, 1, 2], [0.14, 0.5, 1]] })).not.toThrow();
    expectIssue({ matrix: [[1, 3], [0.3, 1]] }, 'matrix[1][0]', /reciprocal/);
  });

  it('non-square matrix', () => {
    expectIssue({ matrix: [[1, 2], [0.5]] }, 'matrix[1]', /square/);
    expectIssue({ matrix: [[1, 2, 3], [0.5, 1, 2]] }, 'matrix[0]', /square/);
  });

  it('diagonal not 1', () => {
    expectIssue({ matrix: [[1, 2], [0.5, 2]] }, 'matrix[1][1]', /must be 1/);
  });

  it('null on one side only', () => {
    expectIssue({ matrix: [[1, null, 2], [1, 1, 1], [0.5, 1, 1]] }, 'matrix[0][1]', /null/, 'matrix[1][0]');
    expectIssue({ matrix: [[1, 1, 2], [null, 1, 1], [0.5, 1, 1]] }, 'matrix[1][0]', /null/, 'matrix[0][1]');
  });

  it('position outside -8..8', () => {
    expectIssue({ elements: ['x', 'y'], judgments: [{ a: 'x', b: 'y', position: 9 }] }, 'judgments[0].position');
    expectIssue({ elements: ['x', 'y'], judgments: [{ a: 'x', b: 'y', position: -9 }] }, 'judgments[0].position');
  });

  it('unknown element name in a judgment', () => {
    expectIssue({ elements: ['x', 'y'], judgments: [{ a: 'x', b: 'z', value: 2 }] }, 'judgments[0].b', '"z"');
    expectIssue(
      { ...SHAPE_2, comparisons: { ...SHAPE_2.comparisons, upkeep: { judgments: [{ a: 'A', b: 'Q', value: 2 }, [1, 2, 2]] } } },
      'comparisons.upkeep.judgments[0].b',
      '"Q"',
    );
  });

  it('a missing node in a hierarchy', () => {
    const { upkeep: _upkeep, ...rest } = SHAPE_2.comparisons;
    expectIssue({ ...SHAPE_2, comparisons: rest }, 'comparisons.upkeep', /missing/);
  });

  it('scores missing an alternative', () => {
    expectIssue(
      { ...SHAPE_2, comparisons: { ...SHAPE_2.comparisons, safety: { scores: { A: 7, B: 9 } } } },
      'comparisons.safety.scores.C',
      /missing/,
    );
  });

  it('errors inside a hierarchy and a group carry the full path', () => {
    expectIssue(
      { ...SHAPE_2, comparisons: { ...SHAPE_2.comparisons, price: [[1, 2, 4], [0.5, 1, 2], [1, 0.5, 1]] } },
      'comparisons.price[2][0]',
      /reciprocal/,
      'comparisons.price[0][2]',
    );
    expectIssue(
      { participants: [SHAPE_3.participants[0], { id: 'p2', matrix: [[1, 5], [0.5, 1]] }] },
      'participants[1].matrix[1][0]',
      /reciprocal/,
    );
  });

  it('a disconnected set of judgments names the unlinked groups', () => {
    const issues = issuesOf({
      elements: ['A', 'B', 'C', 'D'],
      judgments: [
        { a: 'A', b: 'B', value: 2 },
        { a: 'C', b: 'D', value: 3 },
      ],
    });
    expect(issues[0]!.message).toContain('{A, B}');
    expect(issues[0]!.message).toContain('{C, D}');
    // also for a matrix with nulls
    const matrixIssues = issuesOf({ matrix: [[1, 2, null], [0.5, 1, null], [null, null, 1]] });
    expect(matrixIssues[0]!.message).toContain('{0, 1}');
    expect(matrixIssues[0]!.message).toContain('{2}');
  });

  it('a typo in a top-level key (strict)', () => {
    const issues = issuesOf({ ...SHAPE_1, methd: 'geometric-mean' });
    expect(issues.some((issue) => issue.message.includes('methd'))).toBe(true);
  });

  it('an unknown option value', () => {
    expectIssue({ ...SHAPE_1, method: 'eigen' }, 'method');
  });
});

describe('sizes', () => {
  it('n = 1 and n = 2 are valid with CR 0', () => {
    const one = asMatrix(evaluate({ matrix: [[1]] }));
    expect(one.weights).toEqual([1]);
    expect(one.cr).toBe(0);
    expect(one.lambdaMax).toBe(1);
    const two = asMatrix(evaluate({ matrix: [[1, 4], [0.25, 1]] }));
    expect(arrayWeights(two)[0]).toBeCloseTo(0.8, 12);
    expect(two.cr).toBe(0);
    expect(two.ci).toBe(0);
    expect(two.lambdaMax).toBe(2);
  });

  it('n = 30 complete random matrix works, with the Alonso-Lamata fit for RI and says so', () => {
    const rng = createRng(30);
    const n = 30;
    const rows = Array.from({ length: n }, () => new Array<number>(n).fill(1));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const k = 1 + Math.floor(rng.next() * 9);
        const value = rng.next() < 0.5 ? k : 1 / k;
        rows[i]![j] = value;
        rows[j]![i] = 1 / value;
      }
    const result = asMatrix(evaluate({ matrix: rows }));
    const w = arrayWeights(result);
    expect(w).toHaveLength(30);
    expect(w.every((x) => x > 0)).toBe(true);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(result.randomIndex).toMatchObject({ n: 30, source: 'alonso-lamata-fit' });
    expect(result.randomIndex!.value).toBeCloseTo((1.7699 * 30 - 4.3513) / 29, 12);
    expect(result.cr).toBeGreaterThan(0.1);
    expect(result.cr).toBeCloseTo((result.lambdaMax - 30) / 29 / result.randomIndex!.value, 12);
    // A w = lambda w
    for (let i = 0; i < n; i++) {
      const aw = rows[i]!.reduce((s, a, j) => s + a * w[j]!, 0);
      expect(Math.abs(aw - result.lambdaMax * w[i]!)).toBeLessThan(1e-9 * result.lambdaMax * w[i]!);
    }
  });

  it('the randomIndex option picks the table (n = 3)', () => {
    const values = { 'saaty-1980': 0.58, 'saaty-2005': 0.52, 'donegan-dodd': 0.4914, 'alonso-lamata': 0.5245 } as const;
    for (const [table, value] of Object.entries(values)) {
      const result = asMatrix(evaluate({ ...SHAPE_1, randomIndex: table }));
      expect(result.randomIndex).toMatchObject({ table, value, n: 3, source: 'table' });
      expect(result.cr).toBeCloseTo(result.ci / value, 12);
    }
  });
});

describe('scales turn positions into ratios', () => {
  const ratioFor = (position: number, scale?: string) => {
    const result = asMatrix(
      evaluate({ elements: ['x', 'y'], judgments: [{ a: 'x', b: 'y', position }], ...(scale ? { scale } : {}) }),
    );
    const w = keyedWeights(result);
    return w.x! / w.y!;
  };
  it('saaty (default): position 4 -> 5, -4 -> 1/5, 0 -> 1', () => {
    expect(ratioFor(4)).toBeCloseTo(5, 10);
    expect(ratioFor(4, 'saaty')).toBeCloseTo(5, 10);
    expect(ratioFor(-4)).toBeCloseTo(1 / 5, 10);
    expect(ratioFor(0)).toBeCloseTo(1, 12);
  });
  it('balanced: position 8 -> 9 (w = 0.9), position 2 -> 0.6 / 0.4 = 1.5', () => {
    expect(ratioFor(8, 'balanced')).toBeCloseTo(9, 10);
    expect(ratioFor(2, 'balanced')).toBeCloseTo(1.5, 10);
  });
  it('geometric: position 3 -> 8, position 8 -> 256', () => {
    expect(ratioFor(3, 'geometric')).toBeCloseTo(8, 10);
    expect(ratioFor(8, 'geometric')).toBeCloseTo(256, 8);
  });
  it('plain values are taken as they are whatever the scale', () => {
    const result = asMatrix(evaluate({ elements: ['x', 'y'], judgments: [{ a: 'x', b: 'y', value: 3 }], scale: 'geometric' }));
    const w = keyedWeights(result);
    expect(w.x! / w.y!).toBeCloseTo(3, 10);
  });
});

describe('incomplete matrices', () => {
  // Bozoki, Fulop & Ronyai (2010), Example 3: the lambda-optimal a_cd is 0.7302965066.
  const BOZOKI = [
    [1, 1, 5, 2],
    [1, 1, 3, 4],
    [0.2, 1 / 3, 1, null],
    [0.5, 0.25, null, 1],
  ];

  it('optimal completion by default (published value), harker when asked; nextPair is the missing pair', () => {
    const optimal = asMatrix(evaluate({ matrix: BOZOKI }));
    expect(optimal.completion!.method).toBe('optimal');
    expect(optimal.completion!.values).toHaveLength(1);
    expect(optimal.completion!.values[0]).toMatchObject({ i: 2, j: 3 });
    expect(Math.abs(optimal.completion!.values[0]!.value / 0.7302965066047 - 1)).toBeLessThan(1e-6);
    expect(optimal.nextPair).toEqual({ i: 2, j: 3 });

    const harker = asMatrix(evaluate({ matrix: BOZOKI, completion: 'harker' }));
    expect(harker.completion!.method).toBe('harker');
    // Harker's fixed point: the filled value is w_i / w_j of the completed matrix's eigenvector
    const w = arrayWeights(harker);
    expect(harker.completion!.values[0]!.value).toBeCloseTo(w[2]! / w[3]!, 9);
    // the optimal completion has the smaller lambda max
    expect(optimal.lambdaMax).toBeLessThanOrEqual(harker.lambdaMax + 1e-12);
  });

  it('the optimal completion is a minimum of lambda max (moving the value either way increases it)', () => {
    const optimal = asMatrix(evaluate({ matrix: BOZOKI }));
    const x = optimal.completion!.values[0]!.value;
    const lambdaAt = (value: number) => {
      const rows = BOZOKI.map((row) => [...row]) as number[][];
      rows[2]![3] = value;
      rows[3]![2] = 1 / value;
      return computePriorities(fromRows(rows)).lambdaMax;
    };
    expect(optimal.lambdaMax).toBeCloseTo(lambdaAt(x), 12);
    expect(lambdaAt(x * 1.01)).toBeGreaterThan(lambdaAt(x));
    expect(lambdaAt(x / 1.01)).toBeGreaterThan(lambdaAt(x));
  });

  it("Harker on Saaty's house matrix with (nbrhd, cond) left out gives 0.4587", () => {
    const house = [
      [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
      [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
      [1 / 3, 3, 1, 6, 3, 4, null, 1 / 5],
      [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
      [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
      [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
      [3, 5, null, 7, 5, 5, 1, 1 / 2],
      [4, 7, 5, 8, 6, 6, 2, 1],
    ];
    const result = asMatrix(evaluate({ matrix: house, completion: 'harker' }));
    expect(result.completion!.values).toHaveLength(1);
    expect(result.completion!.values[0]).toMatchObject({ i: 2, j: 6 });
    expect(Math.abs(result.completion!.values[0]!.value / 0.4586718126 - 1)).toBeLessThan(1e-6);
  });

  it('values cover each missing pair i < j, nextPair is one of them (random connected incomplete matrices)', () => {
    const arb = fc.integer({ min: 3, max: 7 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        order: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: n, maxLength: n },
        ),
        extra: fc.array(fc.boolean(), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
        values: fc.array(fc.constantFrom(1 / 9, 1 / 5, 1 / 3, 1, 2, 3, 5, 7, 9), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        }),
        harker: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ n, order, extra, values, harker }) => {
        const rows: Array<Array<number | null>> = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => (i === j ? 1 : null)),
        );
        // a random path through all elements keeps the judgments linked; other pairs are judged at random
        const judged = new Set<string>();
        for (let k = 0; k + 1 < n; k++) {
          const [i, j] = [order[k]!, order[k + 1]!].sort((a, b) => a - b) as [number, number];
          judged.add(`${i},${j}`);
        }
        let p = 0;
        const missing: string[] = [];
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++, p++) {
            if (judged.has(`${i},${j}`) || extra[p]) {
              rows[i]![j] = values[p]!;
              rows[j]![i] = 1 / values[p]!;
            } else missing.push(`${i},${j}`);
          }
        const result = asMatrix(evaluate({ matrix: rows, ...(harker ? { completion: 'harker' } : {}) }));
        if (missing.length === 0) {
          expect(result.completion).toBeNull();
          expect(result.nextPair).toBeNull();
          return;
        }
        expect(result.completion!.method).toBe(harker ? 'harker' : 'optimal');
        expect(result.completion!.values.map(({ i, j }) => `${i},${j}`).sort()).toEqual([...missing].sort());
        for (const entry of result.completion!.values) {
          expect(entry.i).toBeLessThan(entry.j);
          expect(entry.value).toBeGreaterThan(0);
        }
        expect(missing).toContain(`${result.nextPair!.i},${result.nextPair!.j}`);
        const w = arrayWeights(result);
        expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
        // the figures are those of the completed matrix
        const completed = rows.map((row) => [...row]) as number[][];
        for (const { i, j, value } of result.completion!.values) {
          completed[i]![j] = value;
          completed[j]![i] = 1 / value;
        }
        const lambdaAt = (matrix: number[][]) => computePriorities(fromRows(matrix)).lambdaMax;
        expect(result.lambdaMax).toBeCloseTo(lambdaAt(completed), 9);
        if (harker) {
          // Harker's fixed point: every filled value is w_i / w_j of the completed matrix's eigenvector
          for (const { i, j, value } of result.completion!.values) expect(Math.abs(value / (w[i]! / w[j]!) - 1)).toBeLessThan(1e-8);
        } else {
          // optimality: moving any one filled value by 1% either way does not lower lambda max
          for (const { i, j, value } of result.completion!.values) {
            for (const factor of [1.01, 1 / 1.01]) {
              const moved = completed.map((row) => [...row]);
              moved[i]![j] = value * factor;
              moved[j]![i] = 1 / (value * factor);
              expect(lambdaAt(moved)).toBeGreaterThanOrEqual(result.lambdaMax - 1e-10);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('methods', () => {
  it('additive-normalization is named as an approximation and is the mean of the column-normalised rows', () => {
    const rows = [
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ];
    const result = asMatrix(evaluate({ matrix: rows, method: 'additive-normalization' }));
    expect(result.method).toBe('additive-normalization');
    expect(result.isApproximation).toBe(true);
    const columnSums = [0, 1, 2].map((j) => rows.reduce((s, row) => s + row[j]!, 0));
    const expected = rows.map((row) => row.reduce((s, a, j) => s + a / columnSums[j]!, 0) / 3);
    arrayWeights(result).forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 12));
    for (const method of ['eigenvector', 'geometric-mean'] as const) {
      const other = asMatrix(evaluate({ matrix: rows, method }));
      expect(other.method).toBe(method);
      expect(other.isApproximation).toBe(false);
    }
  });
});

describe('maxCr', () => {
  const consistent = [
    [1, 2, 4],
    [0.5, 1, 2],
    [0.25, 0.5, 1],
  ];
  const cyclic = [
    [1, 9, 1 / 9],
    [1 / 9, 1, 9],
    [9, 1 / 9, 1],
  ];

  it('excludes participants above it from the group (excluded: true), keeps them otherwise', () => {
    const problem = {
      participants: [
        { id: 'calm', matrix: consistent },
        { id: 'erratic', matrix: cyclic },
      ],
    };
    const all = asGroup(evaluate(problem));
    expect(all.participants.map((p) => p.excluded)).toEqual([false, false]);
    const filtered = asGroup(evaluate({ ...problem, maxCr: 0.1 }));
    expect(filtered.participants.map((p) => [p.id, p.excluded])).toEqual([
      ['calm', false],
      ['erratic', true],
    ]);
    expect(filtered.participants[1]!.cr).toBeGreaterThan(0.1);
    // the group is the one participant left
    arrayWeights(filtered).forEach((w, i) => expect(w).toBeCloseTo([4 / 7, 2 / 7, 1 / 7][i]!, 12));
    expect(filtered.matrix).toEqual(consistent);
    expect(filtered.consensus).toBeCloseTo(1, 12);
    // with both, the group is different
    expect(arrayWeights(all)[0]).not.toBeCloseTo(4 / 7, 3);
  });

  it('works for a group hierarchy: a participant above maxCr on any node is excluded', () => {
    const problem = {
      criteria: [{ id: 'c1' }, { id: 'c2' }],
      alternatives: ['A', 'B', 'C'],
      maxCr: 0.1,
      monteCarlo: false,
      participants: [
        { id: 'calm', comparisons: { goal: [[1, 3], [1 / 3, 1]], c1: consistent, c2: consistent } },
        { id: 'erratic', comparisons: { goal: [[1, 1 / 3], [3, 1]], c1: consistent, c2: cyclic } },
      ],
    };
    const result = asGroupHierarchy(evaluate(problem));
    expect(result.participants.map((p) => [p.id, p.excluded])).toEqual([
      ['calm', false],
      ['erratic', true],
    ]);
    expect(keyedWeights(result.nodes.goal!).c1).toBeCloseTo(0.75, 12);
    expect(result.consensus.goal).toBeCloseTo(1, 12);
  });
});

describe('overflow and underflow are invalid input, never null or 0 weights', () => {
  const issuesOf = (problem: unknown) => {
    try {
      evaluate(problem);
    } catch (error) {
      if (error instanceof ProblemValidationError) return error.issues;
      throw error;
    }
    throw new Error('expected a ProblemValidationError');
  };

  it('names the JSON path of the matrix, node or participant whose arithmetic leaves the doubles', () => {
    expect(issuesOf({ matrix: [[1, 1e308], [1e-308, 1]] })[0]!.path).toBe('matrix');
    expect(issuesOf({ elements: ['a', 'b', 'c'], judgments: [[0, 1, 1e-200], [1, 2, 1e-200]] })[0]!.path).toBe('judgments');
    const hierarchy = { criteria: [{ id: 'x' }], alternatives: ['A', 'B'] };
    expect(issuesOf({ ...hierarchy, comparisons: { goal: [[1]], x: { scores: { A: 1e308, B: 1e308 } } } })[0]!.path).toBe('comparisons.x');
    const group = { participants: [{ id: 'p', matrix: [[1, 2], [0.5, 1]] }, { id: 'q', matrix: [[1, 1e200], [1e-200, 1]] }] };
    expect(issuesOf(group)[0]!.path).toBe('participants[1].matrix');
    const groupHierarchy = {
      ...hierarchy,
      participants: [{ id: 'p', comparisons: { goal: [[1]], x: [[1, 1e300], [1e-300, 1]] } }],
    };
    expect(issuesOf(groupHierarchy)[0]!).toMatchObject({ path: 'participants[0].comparisons.x', message: expect.stringContaining('overflows') });
  });

  it('wide but representable values still compute: ratios up to 1e100 on a 3x3', () => {
    const result = asMatrix(evaluate({ matrix: [[1, 1e50, 1e100], [1e-50, 1, 1e50], [1e-100, 1e-50, 1]] }));
    const weights = result.weights as number[];
    expect(weights[0]).toBeCloseTo(1, 12);
    expect(weights[2]! / 1e-100).toBeCloseTo(1, 9);
  });
});
