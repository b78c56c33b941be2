import 'server-only';
import { SaveProfileInput, SessionRef } from '~/core/contracts/session';
import { getProfile } from '~/server/services/profile/get';
import { saveProfile } from '~/server/services/profile/save';
import { createTRPCRouter, facilitatorProcedure, memberProcedure } from '../trpc/init';

export const profileRouter = createTRPCRouter({
  get: memberProcedure.input(SessionRef).query(({ ctx, input }) => getProfile({ ctx, input })),
  save: facilitatorProcedure.input(SaveProfileInput).mutation(({ ctx, input }) => saveProfile({ ctx, input })),
});
