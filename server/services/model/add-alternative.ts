import 'server-only';
import { MAX_ELEMENTS_PER_NODE } from '~/core/contracts/model';
import type { AddAlternativeInput } from '~/core/contracts/model-edits';
import { alternatives } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { deriveKey } from '~/core/model';
import { takenElementKeys } from './criterion-lookup';

/** Adds a strategy (an option of the decision) at the end of the list. */
export async function addAlternative({ ctx, input }: ServiceArgs<FacilitatorContext, AddAlternativeInput>) {
  return editModel(ctx, input.expectedVersion, 'alternative.added', async (tx, { session, model }) => {
    if (model.alternatives.length >= MAX_ELEMENTS_PER_NODE) {
      throw new AppError('LIMIT_REACHED', `A decision holds at most ${MAX_ELEMENTS_PER_NODE} strategies.`);
    }
    const taken = takenElementKeys(model);
    if (input.key && taken.has(input.key)) {
      throw new AppError('CONFLICT', `The key "${input.key}" is already used in this model.`, { field: 'key' });
    }
    const key = input.key ?? deriveKey(input.name, taken, 'strategy');
    await tx.insert(alternatives).values({
      sessionId: session.id,
      key,
      name: input.name,
      description: input.description,
      position: model.alternatives.length,
    });
    return { detail: { key, name: input.name }, value: { key } };
  });
}
