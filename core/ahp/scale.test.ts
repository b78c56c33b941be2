import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionToRatio, ratioToNearestPosition } from './scale';

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
    for (const scale of ['saaty', 'balanced', 'geometric'] as const) {
      fc.assert(
        fc.property(fc.integer({ min: -8, max: 8 }), (position) => {
          expect(ratioToNearestPosition(positionToRatio(position, scale), scale)).toBe(position);
          expect(ratioToNearestPosition(1 / positionToRatio(position, scale), scale)).toBe(position === 0 ? 0 : -position);
        }),
      );
    }
  });
});
