import 'server-only';
import { sql } from 'drizzle-orm';
import type { SaveProfileInput } from '~/core/contracts/session';
import { clusterProfiles } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { getProfileDefinition } from '../shared/reference-data';
import { assertNotClosed, lockSession } from '../shared/session-state';

/**
 * Saves the whole cluster profile at once (an idempotent replace), checked against the newest profile
 * definition: every factor and regional priority it names must exist there.
 */
export async function saveProfile({ ctx, input }: ServiceArgs<FacilitatorContext, SaveProfileInput>) {
  const definition = await getProfileDefinition(ctx.db);
  if (!definition) throw new AppError('NOT_FOUND', 'No cluster profile definition has been seeded.');
  const factors = new Set(definition.factors.map((f) => f.key));
  const priorities = new Set(definition.regionalPriorities.map((p) => p.key));
  for (const key of Object.keys(input.profile.ratings)) {
    if (!factors.has(key)) {
      throw new AppError('INVALID_INPUT', `"${key}" is not a factor of the cluster profile.`, { field: `profile.ratings.${key}` });
    }
  }
  for (const key of Object.keys(input.profile.regionalPriorities)) {
    if (!priorities.has(key)) {
      throw new AppError('INVALID_INPUT', `"${key}" is not a regional priority of the cluster profile.`, {
        field: `profile.regionalPriorities.${key}`,
      });
    }
  }
  return ctx.db.transaction(async (tx) => {
    const session = await lockSession(tx, ctx.access.sessionId);
    assertNotClosed(session);
    const values = {
      definitionVersion: definition.version,
      ratings: input.profile.ratings,
      regionalPriorities: input.profile.regionalPriorities,
    };
    const [saved] = await tx
      .insert(clusterProfiles)
      .values({ sessionId: session.id, ...values })
      .onConflictDoUpdate({ target: clusterProfiles.sessionId, set: { ...values, updatedAt: sql`now()` } })
      .returning();
    return {
      definitionVersion: saved!.definitionVersion,
      ratings: saved!.ratings,
      regionalPriorities: saved!.regionalPriorities,
      updatedAt: saved!.updatedAt,
    };
  });
}
