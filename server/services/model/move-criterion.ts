import 'server-only';
import { eq } from 'drizzle-orm';
import { MAX_CRITERIA_DEPTH, MAX_ELEMENTS_PER_NODE } from '~/core/contracts/model';
import type { MoveCriterionInput } from '~/core/contracts/model-edits';
import { criteria } from '~/db/schema';
import type { Db } from '~/db/client';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { editModel } from '../shared/edit-model';
import { subtreeHeight, subtreeKeys } from '~/core/model';
import type { CriterionElement } from '../shared/session-model';
import { parentKeyOf, requireCriterion, siblingsUnder } from './criterion-lookup';

async function renumber(tx: Db, nodes: readonly CriterionElement[]): Promise<void> {
  for (const [position, node] of nodes.entries()) {
    await tx.update(criteria).set({ position }).where(eq(criteria.id, node.id));
  }
}

/**
 * Nests a criterion (with its sub-criteria) under another one, or lifts it to the top (null). Answers that
 * compared it with its old siblings are dropped; so are strategy answers under a leaf that gains children.
 */
export async function moveCriterion({ ctx, input }: ServiceArgs<FacilitatorContext, MoveCriterionInput>) {
  return editModel(ctx, input.expectedVersion, 'criterion.moved', async (tx, { model }) => {
    const criterion = requireCriterion(model, input.key, 'key');
    const node = criterion.spec;
    const oldParentKey = parentKeyOf(criterion);
    if (input.newParentKey !== null && subtreeKeys(model, input.key).includes(input.newParentKey)) {
      throw new AppError('INVALID_INPUT', 'A criterion cannot be nested under itself or its own sub-criteria.', {
        field: 'newParentKey',
      });
    }
    const newParent = input.newParentKey === null ? null : requireCriterion(model, input.newParentKey, 'newParentKey');
    if ((newParent?.depth ?? 0) + subtreeHeight(model, input.key) > MAX_CRITERIA_DEPTH) {
      throw new AppError('LIMIT_REACHED', `Criteria nest at most ${MAX_CRITERIA_DEPTH} levels deep.`, {
        field: 'newParentKey',
      });
    }
    const oldSiblings = siblingsUnder(model, oldParentKey, 'key').filter((s) => s.id !== node.id);
    if (oldParentKey === null && oldSiblings.length === 0) {
      throw new AppError('INVALID_INPUT', 'The goal needs at least one criterion directly under it.', { field: 'key' });
    }
    const newSiblings = siblingsUnder(model, input.newParentKey, 'newParentKey').filter((s) => s.id !== node.id);
    if (newSiblings.length >= MAX_ELEMENTS_PER_NODE) {
      throw new AppError('LIMIT_REACHED', `A node holds at most ${MAX_ELEMENTS_PER_NODE} criteria.`, {
        field: 'newParentKey',
      });
    }
    const position = Math.min(input.position ?? newSiblings.length, newSiblings.length);
    newSiblings.splice(position, 0, node);
    await tx
      .update(criteria)
      .set({ parentId: newParent?.spec.id ?? null, updatedAt: new Date() })
      .where(eq(criteria.id, node.id));
    if (oldParentKey !== input.newParentKey) await renumber(tx, oldSiblings);
    await renumber(tx, newSiblings);
    return { detail: { key: input.key, fromParentKey: oldParentKey, toParentKey: input.newParentKey, position } };
  });
}
