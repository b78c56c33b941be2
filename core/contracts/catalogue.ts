import { z } from 'zod';
import { LocalizedText, Slug } from './localized';

export const MeasureSide = z.enum(['intra-cluster', 'public']);
export type MeasureSide = z.infer<typeof MeasureSide>;

export const MeasureFamily = z.object({
  key: Slug,
  side: MeasureSide,
  name: LocalizedText,
  description: LocalizedText,
});
export type MeasureFamily = z.infer<typeof MeasureFamily>;

/**
 * One cluster-policy measure. The keys it names (criteria, profile factors, regional priorities,
 * strategies) refer to the default model and profile definition; the catalogue test checks them.
 */
export const Measure = z.object({
  key: Slug,
  family: Slug,
  name: LocalizedText,
  rationale: LocalizedText,
  criteria: z.array(Slug).min(1).max(20),
  answersWeaknesses: z.array(Slug).max(20),
  servesPriorities: z.array(Slug).max(10),
  /** How well the measure fits each regulation strategy, 0 (not at all) .. 1 (fully). */
  strategyFit: z.record(Slug, z.number().min(0).max(1)),
});
export type Measure = z.infer<typeof Measure>;

/** The versioned measure catalogue (db/seed/catalogue/*.json): data, not code. */
export const MeasureCatalogue = z.object({
  version: z.number().int().positive(),
  families: z.array(MeasureFamily).min(1).max(20),
  measures: z.array(Measure).min(1).max(200),
});
export type MeasureCatalogue = z.infer<typeof MeasureCatalogue>;
