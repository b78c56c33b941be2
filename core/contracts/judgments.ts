import { z } from 'zod';
import { ScalePosition } from './method';
import { ElementKey, NodeKey } from './model-edits';
import { RatingIntensity } from './ratings';
import { SessionId } from './session';
import { MAX_COMMENT_LENGTH, cleanCommentText } from './comment-text';

export { MAX_COMMENT_LENGTH, cleanCommentText } from './comment-text';

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

/**
 * A participant's reason for a judgment: cleaned (cleanCommentText), then bounded. A raw text far over the bound
 * is refused before cleaning, so the server never normalises megabytes. The same rule as checkCommentText
 * (./comment-text.ts), which the questionnaire uses without zod.
 */
export const CommentText = z
  .string()
  .max(MAX_COMMENT_LENGTH * 4, { message: `at most ${MAX_COMMENT_LENGTH} characters` })
  .transform(cleanCommentText)
  .pipe(z.string().max(MAX_COMMENT_LENGTH, { message: `at most ${MAX_COMMENT_LENGTH} characters` }));

/**
 * A reason for the judgment of one pair (in either order) at `nodeKey`; it is kept when the answer changes or is
 * withdrawn, and replaced by the next save. An empty text (after cleaning) clears it.
 */
export const SaveCommentInput = z
  .object({ sessionId: SessionId, nodeKey: NodeKey, a: ElementKey, b: ElementKey, text: CommentText })
  .refine((comment) => comment.a !== comment.b, { message: 'compare two different elements', path: ['b'] });
export type SaveCommentInput = z.infer<typeof SaveCommentInput>;

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
