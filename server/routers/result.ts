import 'server-only';
import { RecommendationInput, ResultsInput } from '~/core/contracts/recommendation';
import { SessionRef } from '~/core/contracts/session';
import { computeGroupResult } from '~/server/services/results/compute-group';
import { computeMyResult } from '~/server/services/results/compute-mine';
import { getResults } from '~/server/services/results/get';
import { getRecommendation } from '~/server/services/results/get-recommendation';
import { createTRPCRouter, facilitatorProcedure, memberProcedure, participantProcedure } from '../trpc/init';

export const resultRouter = createTRPCRouter({
  compute: facilitatorProcedure.input(SessionRef).mutation(({ ctx, input }) => computeGroupResult({ ctx, input })),
  computeMine: participantProcedure.input(SessionRef).mutation(({ ctx, input }) => computeMyResult({ ctx, input })),
  get: memberProcedure.input(ResultsInput).query(({ ctx, input }) => getResults({ ctx, input })),
  recommendation: memberProcedure
    .input(RecommendationInput)
    .query(({ ctx, input }) => getRecommendation({ ctx, input })),
});
