import 'server-only';
import { eq } from 'drizzle-orm';
import type { ReorderAlternativesInput } from '~/core/contracts/model-edits';
import { alternatives } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';

export async function reorderAlternatives({ ctx, input }: ServiceArgs<FacilitatorContext, ReorderAlternativesInput>) {
  return editModel(ctx, input.expectedVersion, 'alternatives.reordered', async (tx, { model }) => {
    const current = model.alternatives.map((a) => a.key);
    const isPermutation =
      input.orderedKeys.length === current.length &&
      new Set(input.orderedKeys).size === current.length &&
      input.orderedKeys.every((key) => current.includes(key));
    if (!isPermutation) {
      throw new AppError('INVALID_INPUT', `List each of these keys once: ${current.join(', ')}.`, { field: 'orderedKeys' });
    }
    const byKey = new Map(model.alternatives.map((a) => [a.key, a]));
    for (const [position, key] of input.orderedKeys.entries()) {
      await tx.update(alternatives).set({ position, updatedAt: new Date() }).where(eq(alternatives.id, byKey.get(key)!.id));
    }
    return { detail: { from: current, to: input.orderedKeys } };
  });
}
