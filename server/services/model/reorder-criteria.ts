import 'server-only';
import { eq } from 'drizzle-orm';
import type { ReorderCriteriaInput } from '~/core/contracts/model-edits';
import { criteria } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { siblingsUnder } from './criterion-lookup';

/** Sets the order of one node's children; the list must name exactly the children it has. */
export async function reorderCriteria({ ctx, input }: ServiceArgs<FacilitatorContext, ReorderCriteriaInput>) {
  return editModel(ctx, input.expectedVersion, 'criteria.reordered', async (tx, { model }) => {
    const siblings = siblingsUnder(model, input.parentKey, 'parentKey');
    const current = siblings.map((s) => s.key);
    const isPermutation =
      input.orderedKeys.length === current.length &&
      new Set(input.orderedKeys).size === current.length &&
      input.orderedKeys.every((key) => current.includes(key));
    if (!isPermutation) {
      throw new AppError('INVALID_INPUT', `List each of these keys once: ${current.join(', ')}.`, { field: 'orderedKeys' });
    }
    const byKey = new Map(siblings.map((s) => [s.key, s]));
    for (const [position, key] of input.orderedKeys.entries()) {
      await tx.update(criteria).set({ position, updatedAt: new Date() }).where(eq(criteria.id, byKey.get(key)!.id));
    }
    return { detail: { parentKey: input.parentKey, from: current, to: input.orderedKeys } };
  });
}
