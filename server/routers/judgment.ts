import 'server-only';
import { RemoveJudgmentInput, RemoveRatingInput, SaveJudgmentInput, SaveRatingInput } from '~/core/contracts/judgments';
import { removeJudgment } from '~/server/services/judgments/remove-judgment';
import { removeRating } from '~/server/services/judgments/remove-rating';
import { saveJudgment } from '~/server/services/judgments/save-judgment';
import { saveRating } from '~/server/services/judgments/save-rating';
import { createTRPCRouter, participantProcedure } from '../trpc/init';

/** A participant's answers, saved one at a time; every save is idempotent. */
export const judgmentRouter = createTRPCRouter({
  save: participantProcedure.input(SaveJudgmentInput).mutation(({ ctx, input }) => saveJudgment({ ctx, input })),
  remove: participantProcedure.input(RemoveJudgmentInput).mutation(({ ctx, input }) => removeJudgment({ ctx, input })),
  saveRating: participantProcedure.input(SaveRatingInput).mutation(({ ctx, input }) => saveRating({ ctx, input })),
  removeRating: participantProcedure.input(RemoveRatingInput).mutation(({ ctx, input }) => removeRating({ ctx, input })),
});
