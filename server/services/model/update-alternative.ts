import 'server-only';
import { eq } from 'drizzle-orm';
import type { UpdateAlternativeInput } from '~/core/contracts/model-edits';
import { alternatives } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';

/** Renames or redescribes a strategy; its key, and so its answers, stay. */
export async function updateAlternative({ ctx, input }: ServiceArgs<FacilitatorContext, UpdateAlternativeInput>) {
  return editModel(ctx, input.expectedVersion, 'alternative.updated', async (tx, { model }) => {
    const alternative = model.alternatives.find((a) => a.key === input.key);
    if (!alternative) throw new AppError('NOT_FOUND', `This session has no strategy "${input.key}".`, { field: 'key' });
    const changes = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.description ? { description: input.description } : {}),
    };
    await tx.update(alternatives).set({ ...changes, updatedAt: new Date() }).where(eq(alternatives.id, alternative.id));
    return { detail: { key: input.key, changed: Object.keys(changes) } };
  });
}
