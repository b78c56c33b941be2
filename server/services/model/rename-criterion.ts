import 'server-only';
import { eq } from 'drizzle-orm';
import type { RenameCriterionInput } from '~/core/contracts/model-edits';
import { criteria } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { requireCriterion } from './criterion-lookup';

/** Changes the name only: the key, and so every answer about the criterion, stays. */
export async function renameCriterion({ ctx, input }: ServiceArgs<FacilitatorContext, RenameCriterionInput>) {
  return editModel(ctx, input.expectedVersion, 'criterion.renamed', async (tx, { model }) => {
    const node = requireCriterion(model, input.key, 'key').spec;
    await tx.update(criteria).set({ name: input.name, updatedAt: new Date() }).where(eq(criteria.id, node.id));
    return { detail: { key: input.key, from: node.name, to: input.name } };
  });
}
