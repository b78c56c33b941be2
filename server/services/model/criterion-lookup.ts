import 'server-only';
import { GOAL_NODE_ID, type ModelCriterion } from '~/core/model';
import { AppError } from '~/server/errors';
import type { CriterionElement, SessionModel } from '../shared/session-model';

export function requireCriterion(model: SessionModel, key: string, field: string): ModelCriterion<CriterionElement> {
  const criterion = model.criterion(key);
  if (!criterion) throw new AppError('NOT_FOUND', `This session has no criterion "${key}".`, { field });
  return criterion;
}

/** The key of the criterion a criterion hangs under, or null under the goal (as the edit contracts name it). */
export function parentKeyOf(criterion: ModelCriterion<CriterionElement>): string | null {
  return criterion.parentKey === GOAL_NODE_ID ? null : criterion.parentKey;
}

/** The children of a parent (null: the goal), in their order. */
export function siblingsUnder(model: SessionModel, parentKey: string | null, field: string): readonly CriterionElement[] {
  return parentKey === null ? model.roots : requireCriterion(model, parentKey, field).spec.children;
}

/** Keys already used by criteria and strategies: both name elements of the same problem. */
export function takenElementKeys(model: SessionModel): Set<string> {
  return new Set([...model.criteria.map((c) => c.key), ...model.alternativeKeys]);
}
