import 'server-only';
import { eq } from 'drizzle-orm';
import type { DescribeCriterionInput } from '~/core/contracts/model-edits';
import { criteria } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { requireCriterion } from './criterion-lookup';

export async function describeCriterion({ ctx, input }: ServiceArgs<FacilitatorContext, DescribeCriterionInput>) {
  return editModel(ctx, input.expectedVersion, 'criterion.described', async (tx, { model }) => {
    const node = requireCriterion(model, input.key, 'key').spec;
    await tx.update(criteria).set({ description: input.description, updatedAt: new Date() }).where(eq(criteria.id, node.id));
    return { detail: { key: input.key, from: node.description, to: input.description } };
  });
}
