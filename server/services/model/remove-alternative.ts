import 'server-only';
import { eq } from 'drizzle-orm';
import type { RemoveAlternativeInput } from '~/core/contracts/model-edits';
import { alternatives } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';

/** Removes a strategy and every answer that compared or rated it; a decision keeps at least two. */
export async function removeAlternative({ ctx, input }: ServiceArgs<FacilitatorContext, RemoveAlternativeInput>) {
  return editModel(ctx, input.expectedVersion, 'alternative.removed', async (tx, { model }) => {
    const alternative = model.alternatives.find((a) => a.key === input.key);
    if (!alternative) throw new AppError('NOT_FOUND', `This session has no strategy "${input.key}".`, { field: 'key' });
    if (model.alternatives.length <= 2) {
      throw new AppError('INVALID_INPUT', 'A decision needs at least two strategies to choose from.', { field: 'key' });
    }
    await tx.delete(alternatives).where(eq(alternatives.id, alternative.id));
    const remaining = model.alternatives.filter((a) => a.id !== alternative.id);
    for (const [position, a] of remaining.entries()) {
      await tx.update(alternatives).set({ position }).where(eq(alternatives.id, a.id));
    }
    return { detail: { key: input.key, name: alternative.name } };
  });
}
