import 'server-only';
import { eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { clusterProfiles } from '~/db/schema';
import type { AccessContext, ServiceArgs } from '../context';

/** The session's cluster profile as assessed so far, or null before the first save. */
export async function getProfile({ ctx }: ServiceArgs<AccessContext, SessionRef>) {
  const [row] = await ctx.db.select().from(clusterProfiles).where(eq(clusterProfiles.sessionId, ctx.access.sessionId));
  return row
    ? {
        definitionVersion: row.definitionVersion,
        ratings: row.ratings,
        regionalPriorities: row.regionalPriorities,
        updatedAt: row.updatedAt,
      }
    : null;
}
