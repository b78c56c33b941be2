import 'server-only';
import type { ServiceArgs, ServiceContext } from '../context';
import { getProfileDefinition } from '../shared/reference-data';

/** The newest cluster profile questionnaire, or null before seeding. */
export async function getCurrentProfileDefinition({ ctx }: ServiceArgs<ServiceContext, void>) {
  return getProfileDefinition(ctx.db);
}
