import type { ScaleName } from '../contracts/method';

/** Scales whose ratios depend on n, the number of elements compared in the matrix (Goepel 2019). */
export const SIZE_DEPENDENT_SCALES = ['balanced-n', 'adaptive-balanced', 'adaptive'] as const satisfies readonly ScaleName[];
export type SizeDependentScale = (typeof SIZE_DEPENDENT_SCALES)[number];
export type FixedScaleName = Exclude<ScaleName, SizeDependentScale>;

export function isSizeDependent(scale: ScaleName): scale is SizeDependentScale {
  return (SIZE_DEPENDENT_SCALES as readonly ScaleName[]).includes(scale);
}

type ScaleDefinition = {
  /** The ratio c for the judgment x = 1..9 (x = position + 1) in a matrix of n elements. */
  ratio: (x: number, n: number) => number;
  formula: string;
  source: string;
};

/** w of the two balanced-n scales: evenly spaced from 1/n (x = 1) to `top` (x = 9). c = w (n - 1) / (1 - w). */
const balancedWeightRatio = (x: number, n: number, top: number) => {
  const w = 1 / n + ((top - 1 / n) * (x - 1)) / 8;
  return (w * (n - 1)) / (1 - w);
};

/**
 * The judgment scales of AHP-OS (Goepel 2019, "Comparison of judgment scales of the analytical hierarchy
 * process: a new approach", Int. J. Inf. Technol. Decis. Mak. 18(2), 445-463; implemented in AHP-OS,
 * classes/AhpGroup.php calcScale). Each maps the judgment x = 1..9 (x = position + 1: 1 equal, 3 moderate,
 * 5 strong, 7 very strong, 9 extreme) to a ratio c >= 1; the reciprocal judgment gives 1 / c. Every scale gives
 * c = 1 at x = 1. Three depend on n, the number of elements compared (n >= 2), and are chosen so that an
 * element judged x times every other gets a weight that does not drift with n.
 */
export const SCALE_DEFINITIONS: Readonly<Record<ScaleName, ScaleDefinition>> = {
  saaty: { ratio: (x) => x, formula: 'c = x (1 .. 9)', source: 'Saaty (1977)' },
  balanced: {
    ratio: (x) => (9 + x) / (11 - x),
    formula: 'c = w / (1 - w), w = 0.45 + 0.05 x; c = (9 + x) / (11 - x) (1 .. 9)',
    source: 'Salo & Hamalainen (1997)',
  },
  'balanced-n': {
    ratio: (x, n) => balancedWeightRatio(x, n, 9 / (n + 8)),
    formula: 'c = w (n - 1) / (1 - w), w = 1/n + (9/(n + 8) - 1/n)(x - 1)/8 (1 .. 9)',
    source: 'Goepel (2019)',
  },
  'adaptive-balanced': {
    ratio: (x, n) => balancedWeightRatio(x, n, 0.9),
    formula: 'c = w (n - 1) / (1 - w), w = 1/n + (0.9 - 1/n)(x - 1)/8 (1 .. 9 (n - 1))',
    source: 'Goepel (2019)',
  },
  adaptive: {
    ratio: (x, n) => x ** (1 + Math.log(n - 1) / Math.log(9)),
    formula: 'c = x^(1 + ln(n - 1) / ln 9) (1 .. 9 (n - 1))',
    source: 'Goepel (2019)',
  },
  geometric: { ratio: (x) => 2 ** (x - 1), formula: 'c = 2^(x - 1) (1 .. 256)', source: 'Lootsma (1989)' },
  power: { ratio: (x) => x * x, formula: 'c = x^2 (1 .. 81)', source: 'Harker & Vargas (1987)' },
  'inverse-linear': { ratio: (x) => 9 / (10 - x), formula: 'c = 9 / (10 - x) (1 .. 9)', source: 'Ma & Zheng (1991)' },
  'root-square': { ratio: (x) => Math.sqrt(x), formula: 'c = sqrt(x) (1 .. 3)', source: 'Harker & Vargas (1987)' },
  logarithmic: {
    ratio: (x) => Math.log2(x + 1),
    formula: 'c = log2(x + 1) (1 .. 3.32)',
    source: 'Ishizaka, Balkenborg & Kaplan (2011)',
  },
};

function checkedSize(scale: ScaleName, size: number | undefined): number {
  if (!isSizeDependent(scale)) return 2;
  if (size === undefined || !Number.isInteger(size) || size < 2) {
    throw new RangeError(`the ${scale} scale depends on the number of elements compared (an integer >= 2), got ${size}`);
  }
  return size;
}

/** The ratios of positions 0..8 on a scale; `size` (the number of elements compared) for the size-dependent ones. */
export function scaleRatios(scale: FixedScaleName): number[];
export function scaleRatios(scale: ScaleName, size: number): number[];
export function scaleRatios(scale: ScaleName, size?: number): number[] {
  const n = checkedSize(scale, size);
  const { ratio } = SCALE_DEFINITIONS[scale];
  return Array.from({ length: MAX_POSITION + 1 }, (_, p) => ratio(p + 1, n));
}

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
 * The ratio m[a][b] for a judgment at `position` (-8..8, positive when `a` is preferred) on `scale`, in a matrix
 * of `size` elements (needed, and checked, only for the size-dependent scales). A negative position gives the
 * reciprocal. Throws RangeError for a position that is not an integer in -8..8.
 */
export function positionToRatio(position: number, scale?: FixedScaleName): number;
export function positionToRatio(position: number, scale: ScaleName, size: number): number;
export function positionToRatio(position: number, scale: ScaleName = 'saaty', size?: number): number {
  const magnitude = Math.abs(position);
  if (!Number.isInteger(position) || magnitude > MAX_POSITION) {
    throw new RangeError(`position must be an integer from -8 to 8, got ${position}`);
  }
  const ratio = SCALE_DEFINITIONS[scale].ratio(magnitude + 1, checkedSize(scale, size));
  return position >= 0 ? ratio : 1 / ratio;
}

/** The position whose ratio is nearest to `ratio` in log terms, clamped to the scale's ends. */
export function ratioToNearestPosition(ratio: number, scale?: FixedScaleName): number;
export function ratioToNearestPosition(ratio: number, scale: ScaleName, size: number): number;
export function ratioToNearestPosition(ratio: number, scale: ScaleName = 'saaty', size?: number): number {
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new RangeError(`ratio must be positive, got ${ratio}`);
  const target = Math.abs(Math.log(ratio));
  const ratios = scaleRatios(scale, checkedSize(scale, size));
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

/**
 * The scale's largest ratio M (position 8), used by Goepel's consensus indicator: 9 for Saaty, balanced,
 * balanced-n and inverse linear; 3.32 logarithmic, 3 root square, 81 power, 256 geometric; 9 (n - 1) for the
 * adaptive and adaptive-balanced scales (as AHP-OS's getConsensus uses).
 */
export function scaleMaximum(scale?: FixedScaleName): number;
export function scaleMaximum(scale: ScaleName, size: number): number;
export function scaleMaximum(scale: ScaleName = 'saaty', size?: number): number {
  return SCALE_DEFINITIONS[scale].ratio(MAX_POSITION + 1, checkedSize(scale, size));
}
