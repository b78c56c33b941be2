import { GOAL_NODE_ID } from '../model/decision-model';
import { normalizeScores, priorityVector } from '../ahp/priorities';
import type { PriorityMethod, SynthesisMode } from '../contracts/method';
import type { Rng } from '../random';
import { leafDivisor, type CriterionNode } from '../synthesis/synthesize';
import { indexOfMax } from './weight-thresholds';

/**
 * What a node's judgments could have been: for a pairwise node the (completed) matrix in logs with a spread
 * per pair (sigma of ln a_ij: the group's geometric SD, or for one person the RMS of their log residuals);
 * for scores, the values and their standard deviation.
 */
export type UncertainNode =
  | { kind: 'pairwise'; n: number; logMatrix: Float64Array; sigma: Float64Array }
  | { kind: 'scores'; values: number[]; sd: number[] };

export type RankProbability = {
  samples: number;
  seed: number;
  /** Share of samples in which each alternative ranked first. */
  firstPlace: Record<string, number>;
};

/**
 * Monte Carlo estimate of how likely each alternative is to rank first given the spread of the judgments:
 * each sample draws every judgment as ln a_ij + sigma_ij z (z standard normal; scores as value + sd z,
 * floored at 0), recomputes every node's priorities with the chosen method, synthesises, and records the
 * winner. The RNG is passed in, so the estimate is reproducible from its seed.
 */
export function rankProbability(
  criteria: readonly CriterionNode[],
  alternatives: readonly string[],
  nodes: ReadonlyMap<string, UncertainNode>,
  options: { method: PriorityMethod; synthesis: SynthesisMode; samples: number; seed: number },
  rng: Rng,
): RankProbability {
  const alternativeCount = alternatives.length;
  const wins = new Array<number>(alternativeCount).fill(0);
  // Nodes get indices, and each leaf the chain of (node, child position) from the goal, so a sample's
  // synthesis is a few multiplications instead of building the full synthesis record.
  const ids = [...nodes.keys()];
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  const leaves: Array<{ node: number; path: Array<[number, number]> }> = [];
  const walk = (children: readonly CriterionNode[], parent: string, path: Array<[number, number]>) => {
    children.forEach((child, position) => {
      const step: Array<[number, number]> = [...path, [indexOf.get(parent)!, position]];
      if (child.children && child.children.length > 0) walk(child.children, child.id, step);
      else leaves.push({ node: indexOf.get(child.id)!, path: step });
    });
  };
  walk(criteria, GOAL_NODE_ID, []);
  const uncertain = ids.map((id) => nodes.get(id)!);
  const buffers = uncertain.map((node) => (node.kind === 'pairwise' ? new Float64Array(node.n * node.n) : null));
  const local: ArrayLike<number>[] = new Array(ids.length);
  const totals = new Float64Array(alternativeCount);
  for (let sample = 0; sample < options.samples; sample++) {
    for (let index = 0; index < uncertain.length; index++) {
      const node = uncertain[index]!;
      if (node.kind === 'scores') {
        local[index] = normalizeScores(node.values.map((value, a) => Math.max(0, value + node.sd[a]! * rng.normal())));
        continue;
      }
      const { n, logMatrix, sigma } = node;
      const data = buffers[index]!;
      for (let i = 0; i < n; i++) {
        data[i * n + i] = 1;
        for (let j = i + 1; j < n; j++) {
          const cell = i * n + j;
          const s = sigma[cell]!;
          const value = Math.exp(s > 0 ? logMatrix[cell]! + s * rng.normal() : logMatrix[cell]!);
          data[cell] = value;
          data[j * n + i] = 1 / value;
        }
      }
      const matrix = { n, data };
      local[index] = priorityVector(matrix, options.method);
    }
    totals.fill(0);
    for (const leaf of leaves) {
      let global = 1;
      for (const [node, position] of leaf.path) global *= local[node]![position]!;
      const priorities = local[leaf.node]!;
      const divisor = leafDivisor(priorities, alternativeCount, options.synthesis);
      for (let a = 0; a < alternativeCount; a++) totals[a]! += (global * priorities[a]!) / divisor;
    }
    wins[indexOfMax(totals)]!++;
  }
  return {
    samples: options.samples,
    seed: options.seed,
    firstPlace: Object.fromEntries(alternatives.map((name, a) => [name, wins[a]! / options.samples])),
  };
}
