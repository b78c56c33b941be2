import 'server-only';
import { eq } from 'drizzle-orm';
import type { RemoveCriterionInput } from '~/core/contracts/model-edits';
import { criteria } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { subtreeKeys } from '~/core/model';
import { parentKeyOf, requireCriterion, siblingsUnder } from './criterion-lookup';

/** Removes a criterion with its sub-criteria; every answer about them goes too (the audit entry counts them). */
export async function removeCriterion({ ctx, input }: ServiceArgs<FacilitatorContext, RemoveCriterionInput>) {
  return editModel(ctx, input.expectedVersion, 'criterion.removed', async (tx, { model }) => {
    const criterion = requireCriterion(model, input.key, 'key');
    const node = criterion.spec;
    const parentKey = parentKeyOf(criterion);
    const remaining = siblingsUnder(model, parentKey, 'key').filter((s) => s.id !== node.id);
    if (parentKey === null && remaining.length === 0) {
      throw new AppError('INVALID_INPUT', 'The goal needs at least one criterion; add another before removing this one.', {
        field: 'key',
      });
    }
    await tx.delete(criteria).where(eq(criteria.id, node.id));
    for (const [position, sibling] of remaining.entries()) {
      await tx.update(criteria).set({ position }).where(eq(criteria.id, sibling.id));
    }
    return { detail: { key: input.key, name: node.name, removedKeys: subtreeKeys(model, input.key) } };
  });
}
