import type { inferRouterOutputs } from '@trpc/server';
import type { GroupHierarchyResult, HierarchyResult, MatrixResult } from '~/core';
import type { AppRouter } from '~/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;
export type SessionData = Outputs['session']['get'];
export type ResultsData = Outputs['result']['get'];
export type ResultView = NonNullable<ResultsData['group']>;
export type ParticipantList = Outputs['participant']['list'];
export type CriterionView = SessionData['model']['criteria'][number];
export type LocalizedName = CriterionView['name'];

export type AnyHierarchyResult = HierarchyResult | GroupHierarchyResult;

/** GOAL_ID of core/synthesis: the node whose elements are the top-level criteria. */
export const GOAL_KEY = 'goal';

/**
 * The stored result is JSON typed as a plain record on the wire; a session always evaluates a hierarchy (one
 * person) or a group hierarchy, so anything else is treated as no result rather than guessed at.
 */
export function asHierarchyResult(value: unknown): AnyHierarchyResult | null {
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Partial<AnyHierarchyResult>;
  if (candidate.kind !== 'hierarchy' && candidate.kind !== 'group-hierarchy') return null;
  if (!candidate.nodes || !candidate.criteria || !candidate.alternatives || !Array.isArray(candidate.ranking)) return null;
  return candidate as AnyHierarchyResult;
}

export function isGroupResult(result: AnyHierarchyResult): result is GroupHierarchyResult {
  return result.kind === 'group-hierarchy';
}

export type FlatCriterion = { key: string; name: LocalizedName; depth: number; parentKey: string; hasChildren: boolean };

/** The criteria tree in reading order (pre-order), each with its depth (1 = top level) and parent node key. */
export function flattenCriteria(roots: readonly CriterionView[]): FlatCriterion[] {
  const out: FlatCriterion[] = [];
  const visit = (nodes: readonly CriterionView[], depth: number, parentKey: string) => {
    for (const node of nodes) {
      out.push({ key: node.key, name: node.name, depth, parentKey, hasChildren: node.children.length > 0 });
      visit(node.children, depth + 1, node.key);
    }
  };
  visit(roots, 1, GOAL_KEY);
  return out;
}

/** Weights of a node result keyed by element id (a hierarchy always keys them). */
export function weightOf(node: MatrixResult | undefined, element: string): number | null {
  if (!node || Array.isArray(node.weights)) return null;
  const value = node.weights[element];
  return typeof value === 'number' ? value : null;
}

/** A judged ratio a/b told the way people say it: which one is more important, and how many times. */
export function describeRatio(a: string, b: string, ratio: number): { isEqual: boolean; more: string; factor: number } {
  const factor = ratio >= 1 ? ratio : 1 / ratio;
  return { isEqual: factor < 1.05, more: ratio >= 1 ? a : b, factor };
}

/** Server-side skip reasons are English sentences; they are matched by their stable start to be translated. */
export function skipReasonKey(reason: string): 'incomplete' | 'weightZero' | 'allNone' | 'inconsistent' | 'other' {
  if (reason.startsWith('not enough answers')) return 'incomplete';
  if (reason.startsWith('weight 0')) return 'weightZero';
  if (reason.startsWith('every strategy is rated')) return 'allNone';
  if (reason.startsWith('CR ')) return 'inconsistent';
  return 'other';
}
