import { z } from 'zod';
import { ScalePosition } from './method';
import { ElementKey, NodeKey } from './model-edits';
import { RatingIntensity } from './ratings';
import { SessionId } from './session';

/**
 * One pairwise judgment as the participant gave it: at `nodeKey` (the goal or a criterion), `a` against `b`,
 * on the verbal scale (-8..8, positive when `a` is preferred). Saving the same pair again, in either order,
 * replaces the earlier answer.
 */
export const SaveJudgmentInput = z
  .object({
    sessionId: SessionId,
    nodeKey: NodeKey,
    a: ElementKey,
    b: ElementKey,
    position: ScalePosition,
  })
  .refine((judgment) => judgment.a !== judgment.b, { message: 'compare two different elements', path: ['b'] });
export type SaveJudgmentInput = z.infer<typeof SaveJudgmentInput>;

export const RemoveJudgmentInput = z.object({ sessionId: SessionId, nodeKey: NodeKey, a: ElementKey, b: ElementKey });
export type RemoveJudgmentInput = z.infer<typeof RemoveJudgmentInput>;

/** One rating of a strategy against a leaf criterion, as a named intensity of the ratings scale. */
export const SaveRatingInput = z.object({
  sessionId: SessionId,
  criterionKey: ElementKey,
  alternativeKey: ElementKey,
  intensity: RatingIntensity,
});
export type SaveRatingInput = z.infer<typeof SaveRatingInput>;

export const RemoveRatingInput = z.object({ sessionId: SessionId, criterionKey: ElementKey, alternativeKey: ElementKey });
export type RemoveRatingInput = z.infer<typeof RemoveRatingInput>;
