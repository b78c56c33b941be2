import { z } from 'zod';
import { LocalizedText, Slug } from './localized';

/** Limits that keep a questionnaire answerable; the API enforces the same ones. */
export const MAX_ELEMENTS_PER_NODE = 20;
export const MAX_CRITERIA_DEPTH = 4;

export type CriterionTemplate = {
  key: Slug;
  name: LocalizedText;
  description: LocalizedText;
  children?: CriterionTemplate[];
};

export const CriterionTemplate: z.ZodType<CriterionTemplate> = z.lazy(() =>
  z.object({
    key: Slug,
    name: LocalizedText,
    description: LocalizedText,
    children: z.array(CriterionTemplate).min(2).max(MAX_ELEMENTS_PER_NODE).optional(),
  }),
);

export const StrategyTemplate = z.object({
  key: Slug,
  name: LocalizedText,
  description: LocalizedText,
});
export type StrategyTemplate = z.infer<typeof StrategyTemplate>;

/**
 * A decision model shipped as versioned seed data (db/seed/models/*.json): the goal, the criteria tree
 * and the regulation strategies that are the alternatives of the strategy decision.
 */
export const DecisionModelTemplate = z.object({
  key: Slug,
  version: z.number().int().positive(),
  name: LocalizedText,
  description: LocalizedText,
  goal: LocalizedText,
  criteria: z.array(CriterionTemplate).min(1).max(MAX_ELEMENTS_PER_NODE),
  strategies: z.array(StrategyTemplate).min(2).max(MAX_ELEMENTS_PER_NODE),
});
export type DecisionModelTemplate = z.infer<typeof DecisionModelTemplate>;
