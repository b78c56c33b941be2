import { GOAL_NODE_ID } from '../model/decision-model';
import type { SynthesisMode } from '../contracts/method';

/** A criteria tree with ids; leaves are scored against the alternatives. */
export type CriterionNode = { id: string; children?: CriterionNode[] };

export type LocalPriorities = ReadonlyMap<string, ArrayLike<number>>;

export type Synthesis = {
  /** Local and global weight of every criterion (the goal has global 1). */
  criteria: Record<string, { local: number; global: number }>;
  /** Global leaf weights in tree order, used by sensitivity analysis. */
  leaves: Array<{ id: string; global: number }>;
  /** Alternative scores summing to 1, in the order of the alternatives. */
  scores: number[];
  /** Unnormalised alternative totals (the scores before the final division; same ranking). */
  totals: number[];
  /** The unnormalised contribution of each criterion's subtree to each alternative (sum over its leaves). */
  contributions: Record<string, number[]>;
};


/**
 * Hierarchic composition. `local` holds, for the goal and every criterion with children, the weights of its
 * children in order, and for every leaf the priorities of the alternatives under it.
 *
 * - distributive: global(alternative) = sum over leaves of global(leaf) * local(alternative | leaf).
 * - ideal: each leaf's alternative priorities are divided by their maximum first (the best alternative gets
 *   the leaf's whole weight, so adding a copy of an alternative cannot reverse ranks); scores are normalised to
 *   sum 1 at the end.
 */
export function synthesize(
  criteria: readonly CriterionNode[],
  alternativeCount: number,
  local: LocalPriorities,
  mode: SynthesisMode = 'distributive',
): Synthesis {
  const result: Synthesis = { criteria: {}, leaves: [], scores: [], totals: [], contributions: {} };
  const visit = (nodes: readonly CriterionNode[], parentId: string, parentGlobal: number): number[] => {
    const weights = local.get(parentId)!;
    const subtotal = new Array<number>(alternativeCount).fill(0);
    nodes.forEach((node, index) => {
      const localWeight = weights[index]!;
      const global = parentGlobal * localWeight;
      result.criteria[node.id] = { local: localWeight, global };
      let contribution: number[];
      if (node.children && node.children.length > 0) {
        contribution = visit(node.children, node.id, global);
      } else {
        result.leaves.push({ id: node.id, global });
        const priorities = local.get(node.id)!;
        const divisor = leafDivisor(priorities, alternativeCount, mode);
        contribution = Array.from({ length: alternativeCount }, (_, a) => (global * priorities[a]!) / divisor);
      }
      result.contributions[node.id] = contribution;
      for (let a = 0; a < alternativeCount; a++) subtotal[a]! += contribution[a]!;
    });
    return subtotal;
  };
  const totals = visit(criteria, GOAL_NODE_ID, 1);
  const sum = totals.reduce((acc, value) => acc + value, 0);
  result.totals = totals;
  result.scores = totals.map((value) => (sum > 0 ? value / sum : 1 / alternativeCount));
  return result;
}

/** What a leaf's alternative priorities are divided by: 1 (distributive) or their maximum (ideal). */
export function leafDivisor(priorities: ArrayLike<number>, alternativeCount: number, mode: SynthesisMode): number {
  if (mode === 'distributive') return 1;
  let max = 0;
  for (let a = 0; a < alternativeCount; a++) max = Math.max(max, priorities[a]!);
  return max === 0 ? 1 : max;
}

/** Ids ordered by descending score; ties keep the given order. */
export function rankByScore(ids: readonly string[], scores: readonly number[]): string[] {
  return ids
    .map((id, index) => ({ id, score: scores[index]!, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.id);
}
