import { z } from 'zod';
import { LOCALES } from '../locales';

export { LOCALES };
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A user-facing text of seed data, in every UI language. */
export const LocalizedText = z.object({
  en: z.string().min(1).max(2000),
  ru: z.string().min(1).max(2000),
  az: z.string().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Stable machine key of seed data (criteria, strategies, measures, profile factors). */
export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, starting with a letter');
export type Slug = z.infer<typeof Slug>;
