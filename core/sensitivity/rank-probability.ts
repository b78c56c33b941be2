import { GOAL_NODE_ID } from '../model/decision-model';
import { normalizeScores, priorityVector } from '../ahp/priorities';
import type { MonteCarloModel, PriorityMethod, SynthesisMode } from '../contracts/method';
import type { Rng } from '../random';
import { leafDivisor, type CriterionNode } from '../synthesis/synthesize';
import { indexOfMax } from './weight-thresholds';

/**
 * What a node's judgments could have been: for a pairwise node the (completed) matrix in logs with a spread
 * per pair (sigma of ln a_ij: the group's weighted geometric SD, or for one person the RMS of their log
 * residuals); for scores, the values and their weighted standard deviation. `effectiveSize` is Kish's effective
 * number of participants behind each pair (row-major, i < j) or each score, (sum w)^2 / sum w^2 over those who
 * gave it: 1 for one person, K for K equally weighted people. Only the `estimate` model reads it.
 */
export type UncertainNode =
  | { kind: 'pairwise'; n: number; logMatrix: Float64Array; sigma: Float64Array; effectiveSize: Float64Array }
  | { kind: 'scores'; values: number[]; sd: number[]; effectiveSize: number[] };

/** Kish's effective sample size of weights: (sum w)^2 / sum w^2; n for n equal weights, 0 for none. */
export function kishEffectiveSize(weights: readonly number[]): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/** The model of a stored rank probability: results stored before the model was named used `spread`. */
export function storedMonteCarloModel(stored: { model?: MonteCarloModel }): MonteCarloModel {
  return stored.model ?? 'spread';
}

export type RankProbability = {
  samples: number;
  seed: number;
  /** What the samples varied; see MonteCarloModel. */
  model: MonteCarloModel;
  /** Share of samples in which each alternative ranked first. */
  firstPlace: Record<string, number>;
};

/**
 * Monte Carlo estimate of how likely each alternative is to rank first: each sample draws every judgment as
 * ln a_ij + s_ij z (z standard normal; scores as value + s z, floored at 0), recomputes every node's priorities
 * with the chosen method, synthesises, and records the winner. The spread s depends on `model`:
 * - spread: s = sigma, the participants' own dispersion (how divided the room is; unchanged by more people who
 *   answer alike);
 * - estimate: s = sigma / sqrt(n_eff), the standard error of the weighted (geometric) mean with Kish's effective
 *   number of participants n_eff (how sure the group's estimate is; shrinks as the group grows).
 * Pairs with sigma 0 (everyone agrees, or a value filled in by completion) are not varied. `firstPlace` has a
 * sampling error of about sqrt(p (1 - p) / samples). The RNG is passed in, so the estimate is reproducible from
 * its seed.
 */
export function rankProbability(
  criteria: readonly CriterionNode[],
  alternatives: readonly string[],
  nodes: ReadonlyMap<string, UncertainNode>,
  options: { method: PriorityMethod; synthesis: SynthesisMode; samples: number; seed: number; model: MonteCarloModel },
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
  const uncertain = ids.map((id) => withModel(nodes.get(id)!, options.model));
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
    model: options.model,
    firstPlace: Object.fromEntries(alternatives.map((name, a) => [name, wins[a]! / options.samples])),
  };
}

/** The node with the spread each sample draws with: sigma itself, or its standard error under `estimate`. */
function withModel(node: UncertainNode, model: MonteCarloModel): UncertainNode {
  if (model === 'spread') return node;
  if (node.kind === 'scores') {
    return { ...node, sd: node.sd.map((sd, a) => standardError(sd, node.effectiveSize[a]!)) };
  }
  return { ...node, sigma: node.sigma.map((sigma, cell) => standardError(sigma, node.effectiveSize[cell]!)) };
}

const standardError = (sigma: number, effectiveSize: number) => (sigma > 0 && effectiveSize > 0 ? sigma / Math.sqrt(effectiveSize) : sigma);
