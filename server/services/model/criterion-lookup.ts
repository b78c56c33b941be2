import 'server-only';
import { AppError } from '~/server/errors';
import type { CriterionNode, Hierarchy } from '../shared/hierarchy';

export function requireCriterion(hierarchy: Hierarchy, key: string, field: string): CriterionNode {
  const node = hierarchy.criteriaByKey.get(key);
  if (!node) throw new AppError('NOT_FOUND', `This session has no criterion "${key}".`, { field });
  return node;
}

/** The children of a parent (null: the goal), in their order. */
export function siblingsUnder(hierarchy: Hierarchy, parentKey: string | null, field: string): CriterionNode[] {
  return parentKey === null ? hierarchy.roots : requireCriterion(hierarchy, parentKey, field).children;
}

/** Keys already used by criteria and strategies: both name elements of the same problem. */
export function takenElementKeys(hierarchy: Hierarchy): Set<string> {
  return new Set([...hierarchy.criteriaByKey.keys(), ...hierarchy.alternatives.map((a) => a.key)]);
}
