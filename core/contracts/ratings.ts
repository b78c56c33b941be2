import { z } from 'zod';
import { RATING_INTENSITIES, ratingValue } from '../ahp/ratings-scale';

/** The ratings scale (defined in ../ahp/ratings-scale, zod-free for the browser); labels under `rating.<key>`. */
export { RATING_INTENSITIES, ratingValue };

export const RatingIntensity = z.enum(['none', 'low', 'moderate', 'high', 'very-high']);
export type RatingIntensity = z.infer<typeof RatingIntensity>;
