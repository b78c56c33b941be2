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
