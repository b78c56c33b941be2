import { z } from 'zod';
import { Locale, Slug } from './localized';
import { MAX_ELEMENTS_PER_NODE, type DecisionModelTemplate } from './model';
import { ElementDescription, ElementName, MAX_MEASURES_PER_SESSION } from './model-edits';
import { SessionId } from './session';
import { ExportedAlternative, ExportedCriterion, ExportedMeasure } from './session-export';

export const TEMPLATE_NAME_MAX = 120;
export const TEMPLATE_DESCRIPTION_MAX = 500;

/**
 * "Save this model as a template": the session's criteria tree, strategies and measures become a decision model
 * that new sessions can start from. The name and description are typed in one language, `locale`.
 */
export const SaveModelTemplateInput = z.object({
  sessionId: SessionId,
  name: z.string().trim().min(1, 'give the template a name').max(TEMPLATE_NAME_MAX),
  description: z.string().trim().max(TEMPLATE_DESCRIPTION_MAX).default(''),
  locale: Locale,
});
export type SaveModelTemplateInput = z.infer<typeof SaveModelTemplateInput>;

/**
 * A model saved from a session. Unlike seed templates its texts are as the facilitator typed them (one language or
 * more), and it carries the session's own measures, so a session started from it has the same model.
 */
export const SavedModelTemplate = z.object({
  key: Slug,
  version: z.number().int().positive(),
  name: ElementName,
  description: ElementDescription,
  goal: ElementName,
  criteria: z.array(ExportedCriterion).min(1).max(MAX_ELEMENTS_PER_NODE),
  strategies: z.array(ExportedAlternative).max(MAX_ELEMENTS_PER_NODE),
  measures: z.array(ExportedMeasure).max(MAX_MEASURES_PER_SESSION),
  /** The catalogue the source session's measures came from, if any. */
  catalogueVersion: z.number().int().positive().nullable(),
});
export type SavedModelTemplate = z.infer<typeof SavedModelTemplate>;

/** What a decision_models row holds: a versioned seed model, or one a facilitator saved. */
export type StoredModelTemplate = DecisionModelTemplate | SavedModelTemplate;

export function isSavedTemplate(template: StoredModelTemplate): template is SavedModelTemplate {
  return 'measures' in template;
}

export const MODEL_ORIGINS = ['seed', 'saved'] as const;
export type ModelOrigin = (typeof MODEL_ORIGINS)[number];
