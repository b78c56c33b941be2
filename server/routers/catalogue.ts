import 'server-only';
import { getMeasureCatalogue } from '~/server/services/catalogue/get-measures';
import { getCurrentProfileDefinition } from '~/server/services/catalogue/get-profile-definition';
import { listModels } from '~/server/services/catalogue/list-models';
import { createTRPCRouter, publicProcedure } from '../trpc/init';

/** The seeded reference data: public, the same for everyone. */
export const catalogueRouter = createTRPCRouter({
  models: publicProcedure.query(({ ctx }) => listModels({ ctx, input: undefined })),
  measures: publicProcedure.query(({ ctx }) => getMeasureCatalogue({ ctx, input: undefined })),
  profileDefinition: publicProcedure.query(({ ctx }) => getCurrentProfileDefinition({ ctx, input: undefined })),
});
