import type { ScaleName } from '../contracts/method';

/**
 * Judgment scales: each maps a verbal position 0..8 (0 equal, 2 moderate, 4 strong, 6 very strong,
 * 8 extreme, odd positions in between) to a ratio. A judgment is stored as the position the person chose,
 * so the scale can be changed after the answers are in.
 *
 * - saaty: p + 1 (Saaty 1977, 1-9).
 * - balanced: w / (1 - w) with w = 0.5 + 0.05 p (Salo & Hämäläinen 1997), 1 .. 9.
 * - geometric: 2^p (the geometric scale of AHP-OS, Goepel 2018; Lootsma-type), 1 .. 256.
 */
export const SCALE_RATIOS: Readonly<Record<ScaleName, readonly number[]>> = {
  saaty: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  balanced: Array.from({ length: 9 }, (_, p) => {
    const w = 0.5 + 0.05 * p;
    return w / (1 - w);
  }),
  geometric: Array.from({ length: 9 }, (_, p) => 2 ** p),
};

/** Keys of the verbal labels, one per position 0..8; the wording lives in the UI message files. */
export const VERBAL_POSITION_KEYS = [
  'equal',
  'equal-to-moderate',
  'moderate',
  'moderate-to-strong',
  'strong',
  'strong-to-very-strong',
  'very-strong',
  'very-strong-to-extreme',
  'extreme',
] as const;
export type VerbalPositionKey = (typeof VERBAL_POSITION_KEYS)[number];

export const MAX_POSITION = 8;

/**
 * The ratio m[a][b] for a judgment at `position` (-8..8, positive when `a` is preferred).
 * A negative position gives the reciprocal.
 */
export function positionToRatio(position: number, scale: ScaleName = 'saaty'): number {
  const magnitude = Math.abs(position);
  if (!Number.isInteger(position) || magnitude > MAX_POSITION) {
    throw new RangeError(`position must be an integer from -8 to 8, got ${position}`);
  }
  const ratio = SCALE_RATIOS[scale][magnitude]!;
  return position >= 0 ? ratio : 1 / ratio;
}

/** The position whose ratio is nearest to `ratio` in log terms, clamped to the scale's ends. */
export function ratioToNearestPosition(ratio: number, scale: ScaleName = 'saaty'): number {
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new RangeError(`ratio must be positive, got ${ratio}`);
  const target = Math.abs(Math.log(ratio));
  const ratios = SCALE_RATIOS[scale];
  let best = 0;
  let bestDistance = Infinity;
  for (let p = 0; p < ratios.length; p++) {
    const distance = Math.abs(Math.log(ratios[p]!) - target);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = p;
    }
  }
  // Never -0: a ratio just under 1 is "equal", stored and compared as position 0.
  return ratio >= 1 || best === 0 ? best : -best;
}

/** The scale's largest ratio M, used by Goepel's consensus indicator. */
export function scaleMaximum(scale: ScaleName = 'saaty'): number {
  return SCALE_RATIOS[scale][MAX_POSITION]!;
}
