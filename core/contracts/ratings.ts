import { z } from 'zod';

/**
 * The default ratings scale for scoring options against a criterion (absolute measurement, Saaty 1986):
 * named intensities with ratio values, normalised to the best intensity = 1. Labels live in the message files
 * under `rating.<key>`.
 */
export const RATING_INTENSITIES = [
  { key: 'none', value: 0 },
  { key: 'low', value: 0.11 },
  { key: 'moderate', value: 0.33 },
  { key: 'high', value: 0.6 },
  { key: 'very-high', value: 1 },
] as const;

export const RatingIntensity = z.enum(['none', 'low', 'moderate', 'high', 'very-high']);
export type RatingIntensity = z.infer<typeof RatingIntensity>;

export function ratingValue(intensity: RatingIntensity): number {
  const found = RATING_INTENSITIES.find((r) => r.key === intensity);
  if (!found) throw new RangeError(`unknown rating intensity ${intensity}`);
  return found.value;
}
