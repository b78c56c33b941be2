import 'server-only';
import { MAX_CRITERIA_DEPTH, MAX_ELEMENTS_PER_NODE } from '~/core/contracts/model';
import { type AddCriterionInput, MAX_CRITERIA_PER_SESSION } from '~/core/contracts/model-edits';
import { criteria } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { deriveKey } from '~/core/model';
import { requireCriterion, siblingsUnder, takenElementKeys } from './criterion-lookup';

/**
 * Adds a criterion as the last child of `parentKey` (or of the goal). Adding the first sub-criterion turns a
 * leaf into a node, so the strategy answers given under it are dropped.
 */
export async function addCriterion({ ctx, input }: ServiceArgs<FacilitatorContext, AddCriterionInput>) {
  return editModel(ctx, input.expectedVersion, 'criterion.added', async (tx, { session, model }) => {
    const siblings = siblingsUnder(model, input.parentKey, 'parentKey');
    const parent = input.parentKey === null ? null : requireCriterion(model, input.parentKey, 'parentKey');
    if (siblings.length >= MAX_ELEMENTS_PER_NODE) {
      throw new AppError('LIMIT_REACHED', `A node holds at most ${MAX_ELEMENTS_PER_NODE} criteria.`, { field: 'parentKey' });
    }
    if ((parent?.depth ?? 0) + 1 > MAX_CRITERIA_DEPTH) {
      throw new AppError('LIMIT_REACHED', `Criteria nest at most ${MAX_CRITERIA_DEPTH} levels deep.`, { field: 'parentKey' });
    }
    if (model.criteria.length >= MAX_CRITERIA_PER_SESSION) {
      throw new AppError('LIMIT_REACHED', `A session holds at most ${MAX_CRITERIA_PER_SESSION} criteria.`);
    }
    const taken = takenElementKeys(model);
    if (input.key && taken.has(input.key)) {
      throw new AppError('CONFLICT', `The key "${input.key}" is already used in this model.`, { field: 'key' });
    }
    const key = input.key ?? deriveKey(input.name, taken, 'criterion');
    await tx.insert(criteria).values({
      sessionId: session.id,
      parentId: parent?.spec.id ?? null,
      key,
      name: input.name,
      description: input.description,
      position: siblings.length,
    });
    return { detail: { key, parentKey: input.parentKey, name: input.name }, value: { key } };
  });
}
