import { z } from 'zod';
import { GOAL_NODE_ID } from '../model/decision-model';
import { Slug } from './localized';
import { MAX_ELEMENTS_PER_NODE } from './model';
import { ExpectedVersion, SessionId } from './session';


/** Caps that keep a session answerable and its export bounded. */
export const MAX_CRITERIA_PER_SESSION = 200;
export const MAX_MEASURES_PER_SESSION = 200;

/**
 * The key of a criterion, strategy or measure inside a session: stable across renames, used as the node id in
 * the problem handed to the engine and in exports.
 */
export const ElementKey = Slug.refine((key) => key !== GOAL_NODE_ID, {
  message: `"${GOAL_NODE_ID}" is reserved for the root of the hierarchy`,
});
export type ElementKey = z.infer<typeof ElementKey>;

/** Where comparisons hang: the goal or a criterion. */
export const NodeKey = Slug;
export type NodeKey = z.infer<typeof NodeKey>;

const NameLine = z.string().trim().min(1).max(200);
const DescriptionText = z.string().trim().max(2000);

/**
 * A name typed by a facilitator, in one or more UI languages; seed texts arrive with all three. The UI shows
 * the session's locale and falls back to any language present.
 */
export const ElementName = z
  .object({ en: NameLine.optional(), ru: NameLine.optional(), az: NameLine.optional() })
  .refine((name) => Boolean(name.en ?? name.ru ?? name.az), { message: 'give the name in at least one language' });
export type ElementName = z.infer<typeof ElementName>;

export const ElementDescription = z.object({
  en: DescriptionText.optional(),
  ru: DescriptionText.optional(),
  az: DescriptionText.optional(),
});
export type ElementDescription = z.infer<typeof ElementDescription>;

const ModelEdit = z.object({ sessionId: SessionId, expectedVersion: ExpectedVersion });

export const SetGoalInput = ModelEdit.extend({ goal: ElementName });
export type SetGoalInput = z.infer<typeof SetGoalInput>;

export const AddCriterionInput = ModelEdit.extend({
  /** null: a top-level criterion under the goal. */
  parentKey: ElementKey.nullable(),
  /** Absent: derived from the name. */
  key: ElementKey.optional(),
  name: ElementName,
  description: ElementDescription.default({}),
});
export type AddCriterionInput = z.infer<typeof AddCriterionInput>;

export const RenameCriterionInput = ModelEdit.extend({ key: ElementKey, name: ElementName });
export type RenameCriterionInput = z.infer<typeof RenameCriterionInput>;

export const DescribeCriterionInput = ModelEdit.extend({ key: ElementKey, description: ElementDescription });
export type DescribeCriterionInput = z.infer<typeof DescribeCriterionInput>;

/** The new order of all children of one node: exactly the keys it has now. */
export const ReorderCriteriaInput = ModelEdit.extend({
  parentKey: ElementKey.nullable(),
  orderedKeys: z.array(ElementKey).min(1).max(MAX_ELEMENTS_PER_NODE),
});
export type ReorderCriteriaInput = z.infer<typeof ReorderCriteriaInput>;

/** Nest a criterion (with its sub-criteria) under another one, or lift it to the top level (null). */
export const MoveCriterionInput = ModelEdit.extend({
  key: ElementKey,
  newParentKey: ElementKey.nullable(),
  /** Absent: last among the new siblings. */
  position: z.number().int().min(0).max(MAX_ELEMENTS_PER_NODE - 1).optional(),
});
export type MoveCriterionInput = z.infer<typeof MoveCriterionInput>;

/** Removes the criterion, its sub-criteria and every answer given about them. */
export const RemoveCriterionInput = ModelEdit.extend({ key: ElementKey });
export type RemoveCriterionInput = z.infer<typeof RemoveCriterionInput>;

export const AddAlternativeInput = ModelEdit.extend({
  key: ElementKey.optional(),
  name: ElementName,
  description: ElementDescription.default({}),
});
export type AddAlternativeInput = z.infer<typeof AddAlternativeInput>;

export const UpdateAlternativeInput = ModelEdit.extend({
  key: ElementKey,
  name: ElementName.optional(),
  description: ElementDescription.optional(),
});
export type UpdateAlternativeInput = z.infer<typeof UpdateAlternativeInput>;

export const ReorderAlternativesInput = ModelEdit.extend({
  orderedKeys: z.array(ElementKey).min(1).max(MAX_ELEMENTS_PER_NODE),
});
export type ReorderAlternativesInput = z.infer<typeof ReorderAlternativesInput>;

export const RemoveAlternativeInput = ModelEdit.extend({ key: ElementKey });
export type RemoveAlternativeInput = z.infer<typeof RemoveAlternativeInput>;

/** A measure as a session holds it: the catalogue's fields, with texts a facilitator may type in one language. */
export const SessionMeasureFields = z.object({
  family: Slug,
  name: ElementName,
  rationale: ElementDescription.default({}),
  criteria: z.array(ElementKey).min(1).max(MAX_ELEMENTS_PER_NODE),
  answersWeaknesses: z.array(Slug).max(20).default([]),
  servesPriorities: z.array(Slug).max(10).default([]),
  strategyFit: z.record(ElementKey, z.number().min(0).max(1)).default({}),
});
export type SessionMeasureFields = z.infer<typeof SessionMeasureFields>;

export const AddMeasureInput = ModelEdit.extend({ key: ElementKey.optional(), ...SessionMeasureFields.shape });
export type AddMeasureInput = z.infer<typeof AddMeasureInput>;

export const UpdateMeasureInput = ModelEdit.extend({
  key: ElementKey,
  family: Slug.optional(),
  name: ElementName.optional(),
  rationale: ElementDescription.optional(),
  criteria: z.array(ElementKey).min(1).max(MAX_ELEMENTS_PER_NODE).optional(),
  answersWeaknesses: z.array(Slug).max(20).optional(),
  servesPriorities: z.array(Slug).max(10).optional(),
  strategyFit: z.record(ElementKey, z.number().min(0).max(1)).optional(),
});
export type UpdateMeasureInput = z.infer<typeof UpdateMeasureInput>;

export const RemoveMeasureInput = ModelEdit.extend({ key: ElementKey });
export type RemoveMeasureInput = z.infer<typeof RemoveMeasureInput>;
