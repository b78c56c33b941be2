import { z } from 'zod';
import { DEFAULT_MEASURE_COUNT } from '../recommend/recommend';
import { SessionRef } from './session';

/** Whose stored result: the group's, or the reader's own (participants only). */
export const ResultScope = z.enum(['group', 'own']);
export type ResultScope = z.infer<typeof ResultScope>;

export const MAX_RECOMMENDED_MEASURES = 50;

/** The recommendation drawn from the latest stored result of one scope. */
export const RecommendationInput = SessionRef.extend({
  scope: ResultScope,
  /** How many measures to return, best first. */
  measureCount: z.number().int().min(1).max(MAX_RECOMMENDED_MEASURES).default(DEFAULT_MEASURE_COUNT),
});
export type RecommendationInput = z.infer<typeof RecommendationInput>;

/** The stored results a link may see, each with its recommendation's `measureCount` best measures. */
export const ResultsInput = SessionRef.extend({
  measureCount: z.number().int().min(1).max(MAX_RECOMMENDED_MEASURES).default(DEFAULT_MEASURE_COUNT),
});
export type ResultsInput = z.infer<typeof ResultsInput>;
