import 'server-only';
import type { ServiceArgs, ServiceContext } from '../context';
import { getLatestCatalogue } from '../shared/reference-data';

/** The newest measure catalogue (families and measures), or null before seeding. */
export async function getMeasureCatalogue({ ctx }: ServiceArgs<ServiceContext, void>) {
  return getLatestCatalogue(ctx.db);
}
