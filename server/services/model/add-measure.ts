import 'server-only';
import { eq } from 'drizzle-orm';
import { type AddMeasureInput, MAX_MEASURES_PER_SESSION } from '~/core/contracts/model-edits';
import { measures } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { deriveKey } from '~/core/model';
import { checkMeasureReferences } from './measure-checks';

/** Adds the facilitator's own support measure to the session. */
export async function addMeasure({ ctx, input }: ServiceArgs<FacilitatorContext, AddMeasureInput>) {
  return editModel(ctx, input.expectedVersion, 'measure.added', async (tx, { session, model }) => {
    checkMeasureReferences(model, input);
    const existing = await tx
      .select({ key: measures.key, position: measures.position })
      .from(measures)
      .where(eq(measures.sessionId, session.id));
    if (existing.length >= MAX_MEASURES_PER_SESSION) {
      throw new AppError('LIMIT_REACHED', `A session holds at most ${MAX_MEASURES_PER_SESSION} measures.`);
    }
    const taken = new Set(existing.map((m) => m.key));
    if (input.key && taken.has(input.key)) {
      throw new AppError('CONFLICT', `The measure key "${input.key}" is already used in this session.`, { field: 'key' });
    }
    const key = input.key ?? deriveKey(input.name, taken, 'measure');
    await tx.insert(measures).values({
      sessionId: session.id,
      key,
      origin: 'custom',
      family: input.family,
      name: input.name,
      rationale: input.rationale,
      criteria: input.criteria,
      answersWeaknesses: input.answersWeaknesses,
      servesPriorities: input.servesPriorities,
      strategyFit: input.strategyFit,
      position: Math.max(-1, ...existing.map((m) => m.position)) + 1,
    });
    return { detail: { key, name: input.name }, value: { key } };
  });
}
