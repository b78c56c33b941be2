import { z } from 'zod';
import { RATING_INTENSITIES } from '../ahp/ratings-scale';

/** The ratings scale (defined in ../ahp/ratings-scale, zod-free for the browser); labels under `rating.<key>`. */
export { RATING_INTENSITIES };

export const RatingIntensity = z.enum(['none', 'low', 'moderate', 'high', 'very-high']);
export type RatingIntensity = z.infer<typeof RatingIntensity>;

export function ratingValue(intensity: RatingIntensity): number {
  const found = RATING_INTENSITIES.find((r) => r.key === intensity);
  if (!found) throw new RangeError(`unknown rating intensity ${intensity}`);
  return found.value;
}
