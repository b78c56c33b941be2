import { principalEigenpair } from '../ahp/eigenvector';
import { additiveNormalizationWeights, geometricMeanWeights, normalizeScores } from '../ahp/priorities';
import type { PriorityMethod, SynthesisMode } from '../contracts/method';
import type { Rng } from '../random';
import { synthesize, type CriterionNode } from '../synthesis/synthesize';
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
  const wins = new Array<number>(alternatives.length).fill(0);
  const local = new Map<string, ArrayLike<number>>();
  const entries = [...nodes.entries()];
  const buffers = new Map<string, Float64Array>();
  for (const [id, node] of entries) if (node.kind === 'pairwise') buffers.set(id, new Float64Array(node.n * node.n));
  for (let sample = 0; sample < options.samples; sample++) {
    for (const [id, node] of entries) {
      if (node.kind === 'scores') {
        local.set(id, normalizeScores(node.values.map((value, a) => Math.max(0, value + node.sd[a]! * rng.normal()))));
        continue;
      }
      const { n, logMatrix, sigma } = node;
      const data = buffers.get(id)!;
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
      local.set(
        id,
        options.method === 'eigenvector'
          ? principalEigenpair(matrix).vector
          : options.method === 'geometric-mean'
            ? geometricMeanWeights(matrix)
            : additiveNormalizationWeights(matrix),
      );
    }
    const { totals } = synthesize(criteria, alternatives.length, local, options.synthesis);
    wins[indexOfMax(totals)]!++;
  }
  return {
    samples: options.samples,
    seed: options.seed,
    firstPlace: Object.fromEntries(alternatives.map((name, a) => [name, wins[a]! / options.samples])),
  };
}
