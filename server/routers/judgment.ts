import 'server-only';
import { RemoveJudgmentInput, RemoveRatingInput, SaveCommentInput, SaveJudgmentInput, SaveRatingInput } from '~/core/contracts/judgments';
import { SessionRef } from '~/core/contracts/session';
import { listComments } from '~/server/services/judgments/list-comments';
import { removeJudgment } from '~/server/services/judgments/remove-judgment';
import { removeRating } from '~/server/services/judgments/remove-rating';
import { saveComment } from '~/server/services/judgments/save-comment';
import { saveJudgment } from '~/server/services/judgments/save-judgment';
import { saveRating } from '~/server/services/judgments/save-rating';
import { rateLimit } from '../trpc/middleware/rate-limit';
import { createTRPCRouter, memberProcedure, participantProcedure } from '../trpc/init';

/**
 * One budget for all of a participant's answer calls: far above a person's pace (a pair takes seconds to
 * think about), low enough that one phone or script cannot flood a room of 200.
 */
const answerProcedure = participantProcedure.use(rateLimit('judgment', { limit: 30, windowMs: 10_000, what: 'answers' }));

/** A participant's answers, saved one at a time; every save is idempotent. */
export const judgmentRouter = createTRPCRouter({
  save: answerProcedure.input(SaveJudgmentInput).mutation(({ ctx, input }) => saveJudgment({ ctx, input })),
  remove: answerProcedure.input(RemoveJudgmentInput).mutation(({ ctx, input }) => removeJudgment({ ctx, input })),
  saveRating: answerProcedure.input(SaveRatingInput).mutation(({ ctx, input }) => saveRating({ ctx, input })),
  removeRating: answerProcedure.input(RemoveRatingInput).mutation(({ ctx, input }) => removeRating({ ctx, input })),
  /** A participant's reason for one judgment; an empty text clears it. */
  saveComment: answerProcedure.input(SaveCommentInput).mutation(({ ctx, input }) => saveComment({ ctx, input })),
  /** The reasons given: all of them for the facilitator, a participant's own for a participant. */
  comments: memberProcedure.input(SessionRef).query(({ ctx, input }) => listComments({ ctx, input })),
});
