import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScaleName } from '../contracts/method';
import { evaluate, type SingleMatrixResult } from '../evaluate';
import { fromRows } from './matrix';
import { computePriorities } from './priorities';
import { type FixedScaleName, positionToRatio, ratioToNearestPosition, scaleMaximum } from './scale';

describe('ratioToNearestPosition', () => {
  it('reads Saaty ratios back as their positions (hand-checked)', () => {
    expect(ratioToNearestPosition(1)).toBe(0);
    expect(ratioToNearestPosition(3)).toBe(2);
    expect(ratioToNearestPosition(1 / 3)).toBe(-2);
    expect(ratioToNearestPosition(9)).toBe(8);
    expect(ratioToNearestPosition(20)).toBe(8);
  });

  it('gives +0, never -0, for a ratio just under 1 (a stored answer is compared with Object.is)', () => {
    expect(Object.is(ratioToNearestPosition(0.99), 0)).toBe(true);
  });

  it('is antisymmetric and inverts positionToRatio on every scale', () => {
    for (const scale of ScaleName.options) {
      fc.assert(
        fc.property(fc.integer({ min: -8, max: 8 }), fc.integer({ min: 2, max: 20 }), (position, n) => {
          expect(ratioToNearestPosition(positionToRatio(position, scale, n), scale, n)).toBe(position);
          expect(ratioToNearestPosition(1 / positionToRatio(position, scale, n), scale, n)).toBe(position === 0 ? 0 : -position);
        }),
      );
    }
  });
});

/**
 * Each scale against its published formula, with values worked out by hand from the formula (x = position + 1;
 * Goepel 2019, table 1 and eqs. for balanced-n, adaptive-balanced and adaptive), not from the code.
 */
describe('the ten judgment scales of AHP-OS', () => {
  const cases: Array<[ScaleName, number | undefined, Array<[number, number]>]> = [
    ['saaty', undefined, [[0, 1], [2, 3], [4, 5], [8, 9]]],
    // log2(x + 1): log2 2 = 1, log2 4 = 2, log2 8 = 3, log2 10
    ['logarithmic', undefined, [[0, 1], [2, 2], [6, 3], [8, 3.321928094887362]]],
    // sqrt(x): sqrt 4 = 2, sqrt 9 = 3
    ['root-square', undefined, [[0, 1], [3, 2], [8, 3]]],
    // 9 / (10 - x): 9/5, 9/2, 9
    ['inverse-linear', undefined, [[0, 1], [4, 1.8], [7, 4.5], [8, 9]]],
    // (9 + x) / (11 - x): 12/8, 14/6, 16/4, 18/2 (Salo & Hamalainen's 1, 1.22, 1.5, 1.86, 2.33, 3, 4, 5.67, 9)
    ['balanced', undefined, [[0, 1], [1, 11 / 9], [2, 1.5], [4, 7 / 3], [6, 4], [7, 17 / 3], [8, 9]]],
    // x^2
    ['power', undefined, [[0, 1], [2, 9], [8, 81]]],
    // 2^(x - 1)
    ['geometric', undefined, [[0, 1], [2, 4], [8, 256]]],
    // n = 3: w = 1/3 + (9/11 - 1/3)(x - 1)/8; x = 5: w = 19/33, c = 2w / (1 - w) = 19/7; x = 9: w = 9/11, c = 9
    ['balanced-n', 3, [[0, 1], [4, 19 / 7], [8, 9]]],
    // n = 2 is the balanced scale: w = 0.5 + 0.05 (x - 1)
    ['balanced-n', 2, [[4, 7 / 3], [8, 9]]],
    // n = 4: w = 1/4 + 0.65 (x - 1)/8; x = 5: w = 23/40, c = 3w / (1 - w) = 69/17; x = 9: w = 0.9, c = 27
    ['adaptive-balanced', 4, [[0, 1], [4, 69 / 17], [8, 27]]],
    // n = 4: exponent 1 + ln 3 / ln 9 = 1.5; x = 3: 3^1.5 = 3 sqrt 3; x = 9: 27. n = 10: exponent 2
    ['adaptive', 4, [[0, 1], [2, 3 * Math.sqrt(3)], [8, 27]]],
    ['adaptive', 10, [[1, 4], [8, 81]]],
  ];
  for (const [scale, size, values] of cases) {
    it(`${scale}${size ? ` (n = ${size})` : ''} at positions ${values.map(([p]) => p).join(', ')}`, () => {
      for (const [position, ratio] of values) {
        const got = size === undefined ? positionToRatio(position, scale as FixedScaleName) : positionToRatio(position, scale, size);
        expect(got).toBeCloseTo(ratio, 12);
        const reciprocal = size === undefined ? positionToRatio(-position, scale as FixedScaleName) : positionToRatio(-position, scale, size);
        expect(reciprocal * ratio).toBeCloseTo(1, 12);
      }
    });
  }

  it("the adaptive-balanced scale's defining property: one element judged x over n - 1 equal others gets weight w", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 8 }), (n, position) => {
        const rows = Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => (i === j ? 1 : i === 0 ? positionToRatio(position, 'adaptive-balanced', n) : j === 0 ? positionToRatio(-position, 'adaptive-balanced', n) : 1)),
        );
        const w = 1 / n + ((0.9 - 1 / n) * position) / 8;
        expect(computePriorities(fromRows(rows)).weights[0]).toBeCloseTo(w, 10);
      }),
    );
  });

  it('M, the largest ratio, is what AHP-OS uses for consensus (9 (n - 1) for the adaptive scales)', () => {
    expect(scaleMaximum('saaty')).toBe(9);
    expect(scaleMaximum('logarithmic')).toBeCloseTo(3.321928095, 9);
    expect(scaleMaximum('root-square')).toBe(3);
    expect(scaleMaximum('power')).toBe(81);
    expect(scaleMaximum('geometric')).toBe(256);
    expect(scaleMaximum('balanced-n', 7)).toBeCloseTo(9, 12);
    expect(scaleMaximum('adaptive', 5)).toBeCloseTo(36, 12);
    expect(scaleMaximum('adaptive-balanced', 5)).toBeCloseTo(36, 12);
  });

  it('a size-dependent scale without the number of elements is an error, not a guess', () => {
    expect(() => positionToRatio(2, 'adaptive' as FixedScaleName)).toThrow(RangeError);
    expect(() => positionToRatio(2, 'balanced-n', 1)).toThrow(RangeError);
  });

  it('evaluate reads positions on the chosen scale with the size of the node', () => {
    const judgments = [
      { a: 'x', b: 'y', position: 8 },
      { a: 'x', b: 'z', position: 8 },
      { a: 'y', b: 'z', position: 0 },
    ];
    const result = evaluate({ elements: ['x', 'y', 'z'], judgments, scale: 'adaptive-balanced' }) as SingleMatrixResult;
    // x judged extreme over two equal others: weight 0.9 by construction of the scale.
    expect((result.weights as Record<string, number>).x).toBeCloseTo(0.9, 12);
  });
});
