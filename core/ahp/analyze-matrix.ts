import type { CompletionMethod, PriorityMethod, ScaleName } from '../contracts/method';
import { completeMatrix, type CompletionConvergence, type FilledValue, harkerWeights, nextMostInformativePair } from './incomplete';
import { type InconsistentJudgment, mostInconsistentJudgments } from './inconsistency';
import { type ComparisonMatrix, isComplete, linkedGroups, missingPairs } from './matrix';
import { computePriorities, type PriorityResult } from './priorities';
import type { RandomIndexTableName } from './random-index';

export type MatrixOptions = {
  method?: PriorityMethod;
  randomIndex?: RandomIndexTableName;
  completion?: CompletionMethod;
  scale?: ScaleName;
};

/** Saaty's rule of thumb: a CR above 0.10 asks the person to revisit judgments. */
export const CR_THRESHOLD = 0.1;

export type MatrixAnalysis = PriorityResult & {
  isConsistentEnough: boolean;
  /** The judgments contributing most to inconsistency (at most three), with values that fit the others. */
  mostInconsistent: InconsistentJudgment[];
  /**
   * Null for a complete matrix; otherwise the completion method, the filled-in values (i < j) and how far its
   * iteration converged (the tolerance it was held to and what it reached).
   */
  completion: { method: CompletionMethod; values: FilledValue[]; convergence: CompletionConvergence | null } | null;
  /** For an incomplete matrix, the missing pair that would tell the most if asked next. */
  nextPair: { i: number; j: number } | null;
};

export type DisconnectedJudgments = {
  kind: 'disconnected';
  /** Element indices grouped by what the judgments link; more than one group means no priorities exist. */
  groups: number[][];
};

/**
 * Everything the product shows about one comparison matrix: priorities, consistency, the worst judgments
 * and, for an incomplete matrix, its completion. An unlinked set of judgments is returned as a diagnostic,
 * not thrown: it is something a participant did, and the questionnaire shows it.
 */
export function analyzeMatrix(judged: ComparisonMatrix, options: MatrixOptions = {}): MatrixAnalysis | DisconnectedJudgments {
  const method = options.method ?? 'eigenvector';
  const table = options.randomIndex ?? 'saaty-1980';
  const completionMethod = options.completion ?? 'optimal';
  const complete = isComplete(judged);
  if (!complete) {
    const groups = linkedGroups(judged);
    if (groups.length > 1) return { kind: 'disconnected', groups };
  }
  const completion = complete ? null : completeMatrix(judged, completionMethod);
  const matrix = completion ? completion.matrix : judged;
  const priorities = computePriorities(matrix, method, table);
  const mostInconsistent = mostInconsistentJudgments(
    matrix,
    priorities.weights,
    judged,
    (i, j) => valueFittingTheRest(judged, i, j, priorities.weights),
    options.scale ?? 'saaty',
  );
  return {
    ...priorities,
    isConsistentEnough: priorities.cr <= CR_THRESHOLD,
    mostInconsistent,
    completion: completion ? { method: completion.method, values: completion.values, convergence: completion.convergence } : null,
    nextPair: complete ? null : nextMostInformativePair(judged, priorities.weights),
  };
}

/**
 * The value of m[i][j] that agrees with all other judgments: judgment (i, j) is left out and filled by
 * Harker's method (Harker 1987), w_i / w_j of the Perron vector of Harker's matrix, started from the current
 * weights: cheap enough to run after every answer in the browser. For n = 3 this is exactly a_ik a_kj.
 * Null when the other judgments do not link i and j.
 */
function valueFittingTheRest(judged: ComparisonMatrix, i: number, j: number, weights: ArrayLike<number>): number | null {
  const { n, data } = judged;
  if (n === 3 && isComplete(judged)) {
    const k = 3 - i - j;
    return data[i * n + k]! * data[k * n + j]!;
  }
  const without = { n, data: Float64Array.from(data) };
  without.data[i * n + j] = Number.NaN;
  without.data[j * n + i] = Number.NaN;
  if (linkedGroups(without).length > 1) return null;
  const w = harkerWeights(without, [[i, j], ...missingPairs(judged)], weights).vector;
  return w[i]! / w[j]!;
}

/**
 * The first figure of an analysis that a double cannot hold, named, or null when every figure is a finite
 * number and every weight and filled-in value positive. Values too far apart (for example [[1, 1e308],
 * [1e-308, 1]], whose closed form divides 1e308 by 1e-308, or a chain of 1e-200 judgments, whose weights span
 * 1e400) make the arithmetic overflow to Infinity or NaN or underflow to 0, which JSON would print as null or as
 * a weight of 0 that no positive judgment can give. The engine reports that as invalid input, never as a result.
 */
export function unrepresentableFigure(analysis: MatrixAnalysis): string | null {
  const isPositive = (x: number) => Number.isFinite(x) && x > 0;
  const index = analysis.weights.findIndex((w) => !isPositive(w));
  if (index >= 0) return `weights[${index}] = ${analysis.weights[index]}`;
  for (const key of ['lambdaMax', 'ci', 'cr', 'gci'] as const) {
    if (!Number.isFinite(analysis[key])) return `${key} = ${analysis[key]}`;
  }
  const filled = analysis.completion?.values.find((entry) => !isPositive(entry.value));
  if (filled) return `the filled-in m[${filled.i}][${filled.j}] = ${filled.value}`;
  const suggested = analysis.mostInconsistent.find((entry) => !isPositive(entry.consistentValue));
  if (suggested) return `the consistent value of m[${suggested.i}][${suggested.j}] = ${suggested.consistentValue}`;
  return null;
}

export function isDisconnected(result: MatrixAnalysis | DisconnectedJudgments): result is DisconnectedJudgments {
  return 'kind' in result && result.kind === 'disconnected';
}
