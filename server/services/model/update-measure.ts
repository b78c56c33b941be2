import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { UpdateMeasureInput } from '~/core/contracts/model-edits';
import { measures } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { checkMeasureReferences } from './measure-checks';

/** Changes the fields given; a catalogue measure edited here becomes the session's own version of it. */
export async function updateMeasure({ ctx, input }: ServiceArgs<FacilitatorContext, UpdateMeasureInput>) {
  const { sessionId: _sessionId, expectedVersion, key, ...fields } = input;
  return editModel(ctx, expectedVersion, 'measure.updated', async (tx, { session, model }) => {
    checkMeasureReferences(model, fields);
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const updated = await tx
      .update(measures)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(measures.sessionId, session.id), eq(measures.key, key)))
      .returning({ id: measures.id });
    if (updated.length === 0) throw new AppError('NOT_FOUND', `This session has no measure "${key}".`, { field: 'key' });
    return { detail: { key, changed: Object.keys(changes) } };
  });
}
