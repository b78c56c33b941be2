import 'server-only';
import { SaveModelTemplateInput } from '~/core/contracts/templates';
import { saveModelTemplate } from '~/server/services/templates/save';
import { templateSaveRateLimit } from '../trpc/middleware/rate-limit';
import { createTRPCRouter, facilitatorProcedure } from '../trpc/init';

/** Decision models saved from sessions; they are listed with the seeded ones by `catalogue.models`. */
export const templateRouter = createTRPCRouter({
  save: facilitatorProcedure.use(templateSaveRateLimit).input(SaveModelTemplateInput).mutation(({ ctx, input }) => saveModelTemplate({ ctx, input })),
});
