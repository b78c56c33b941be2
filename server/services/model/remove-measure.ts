import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { RemoveMeasureInput } from '~/core/contracts/model-edits';
import { measures } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';

export async function removeMeasure({ ctx, input }: ServiceArgs<FacilitatorContext, RemoveMeasureInput>) {
  return editModel(ctx, input.expectedVersion, 'measure.removed', async (tx, { session }) => {
    const removed = await tx
      .delete(measures)
      .where(and(eq(measures.sessionId, session.id), eq(measures.key, input.key)))
      .returning({ name: measures.name });
    if (removed.length === 0) throw new AppError('NOT_FOUND', `This session has no measure "${input.key}".`, { field: 'key' });
    return { detail: { key: input.key, name: removed[0]?.name } };
  });
}
