import type { ScaleName } from '../contracts/method';
import type { ComparisonMatrix } from './matrix';
import { ratioToNearestPosition } from './scale';

/**
 * A judgment that contributes much to inconsistency, with the value that would fit the others.
 * `error` is |ln(a_ij w_j / w_i)|: how far, in log terms, the judgment is from the ratio the weights imply
 * (Saaty's e_ij; its square summed over pairs is the core of the GCI).
 */
export type InconsistentJudgment = {
  i: number;
  j: number;
  value: number;
  /** The value the other judgments imply for this pair (Harker completion with this judgment left out). */
  consistentValue: number;
  /** The nearest position of the chosen scale to `consistentValue` (-8..8). */
  consistentPosition: number;
  error: number;
};

export const MOST_INCONSISTENT_COUNT = 3;

/**
 * The judgments with the largest log error under the given weights, strongest first, and for each the value
 * that is consistent with the rest: the completion of the matrix with that judgment removed, as given by
 * `completeWithout` (analyzeMatrix uses Harker's method there, cheap enough for every answer). Pairs that are not judged
 * (NaN) or whose removal would disconnect the matrix are skipped. Empty for n <= 2 and for a consistent matrix.
 */
export function mostInconsistentJudgments(
  matrix: ComparisonMatrix,
  weights: ArrayLike<number>,
  judged: ComparisonMatrix,
  completeWithout: (i: number, j: number) => number | null,
  scale: ScaleName = 'saaty',
  count = MOST_INCONSISTENT_COUNT,
): InconsistentJudgment[] {
  const { n, data } = matrix;
  if (n <= 2) return [];
  const candidates: Array<{ i: number; j: number; error: number }> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Number.isNaN(judged.data[i * n + j]!)) continue;
      const error = Math.abs(Math.log((data[i * n + j]! * weights[j]!) / weights[i]!));
      if (error > 1e-9) candidates.push({ i, j, error });
    }
  }
  candidates.sort((x, y) => y.error - x.error);
  const result: InconsistentJudgment[] = [];
  for (const { i, j, error } of candidates) {
    if (result.length >= count) break;
    const consistentValue = completeWithout(i, j);
    if (consistentValue === null) continue;
    result.push({
      i,
      j,
      value: data[i * n + j]!,
      consistentValue,
      consistentPosition: ratioToNearestPosition(consistentValue, scale, n),
      error,
    });
  }
  return result;
}
