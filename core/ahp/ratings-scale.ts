/**
 * The default ratings scale for scoring options against a criterion (absolute measurement, Saaty 1986):
 * named intensities with ratio values, normalised to the best intensity = 1. Labels live in the message files
 * under `rating.<key>`. Kept free of zod so the questionnaire can show the scale without loading the contracts.
 */
export const RATING_INTENSITIES = [
  { key: 'none', value: 0 },
  { key: 'low', value: 0.11 },
  { key: 'moderate', value: 0.33 },
  { key: 'high', value: 0.6 },
  { key: 'very-high', value: 1 },
] as const;

export type RatingIntensityKey = (typeof RATING_INTENSITIES)[number]['key'];

const VALUE_BY_KEY: ReadonlyMap<string, number> = new Map(RATING_INTENSITIES.map((r) => [r.key, r.value]));

/** The ratio value of an intensity key; a key the scale does not have is a programming error (stored keys are checked on write). */
export function ratingValue(intensity: string): number {
  const value = VALUE_BY_KEY.get(intensity);
  if (value === undefined) throw new RangeError(`unknown rating intensity ${intensity}`);
  return value;
}
