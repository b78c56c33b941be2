import type { CompletionMethod } from '../contracts/method';
import { principalEigenpair } from './eigenvector';
import { type ComparisonMatrix, linkedGroups, missingPairs } from './matrix';

export type FilledValue = { i: number; j: number; value: number };

export type Completion = {
  method: CompletionMethod;
  /** The filled-in m[i][j] for each pair not judged, i < j. */
  values: FilledValue[];
  matrix: ComparisonMatrix;
};

/**
 * Completes an incomplete matrix whose judgments link all elements (check with `linkedGroups` first).
 *
 * - optimal (default): the completion that minimises lambda max (Bozoki, Fulop & Ronyai 2010). With
 *   x = e^y, lambda max is strictly convex in y when the judgments are connected, so a descent on y reaches
 *   the unique optimum. Gradient: d lambda / d y_ij = (v_i a_ij w_j - v_j a_ji w_i) / (v . w), with v and w
 *   the left and right Perron vectors. Started from the logarithmic least squares completion, which is
 *   already optimal when the judgments form a tree (lambda max = n) and close to it otherwise.
 * - harker: Harker (1987): zero for a missing entry, 1 + (number missing in the row) on the diagonal; the
 *   Perron vector w of that matrix fills m[i][j] = w_i / w_j. It equals the eigenvector of the completed matrix.
 */
export function completeMatrix(matrix: ComparisonMatrix, method: CompletionMethod = 'optimal'): Completion {
  const pairs = missingPairs(matrix);
  if (pairs.length === 0) return { method, values: [], matrix };
  const completed =
    method === 'harker'
      ? harkerCompletion(matrix, pairs)
      : minimiseLambdaMax(matrix, pairs, logLeastSquaresCompletion(matrix, pairs));
  const { n, data } = completed;
  return {
    method,
    values: pairs.map(([i, j]) => ({ i, j, value: data[i * n + j]! })),
    matrix: completed,
  };
}

function harkerCompletion(matrix: ComparisonMatrix, pairs: Array<[number, number]>): ComparisonMatrix {
  const { n } = matrix;
  const w = harkerWeights(matrix, pairs);
  const completed = Float64Array.from(matrix.data);
  for (const [i, j] of pairs) {
    completed[i * n + j] = w[i]! / w[j]!;
    completed[j * n + i] = w[j]! / w[i]!;
  }
  return { n, data: completed };
}

/**
 * The Perron vector of Harker's matrix for the given missing pairs. `start`, the weights of a nearby matrix,
 * lets the power iteration begin close to the answer.
 */
export function harkerWeights(
  matrix: ComparisonMatrix,
  pairs: ReadonlyArray<readonly [number, number]>,
  start?: ArrayLike<number>,
): Float64Array {
  const { n } = matrix;
  const harkerData = Float64Array.from(matrix.data);
  for (const [i, j] of pairs) {
    harkerData[i * n + j] = 0;
    harkerData[j * n + i] = 0;
    harkerData[i * n + i]! += 1;
    harkerData[j * n + j]! += 1;
  }
  return principalEigenpair({ n, data: harkerData }, false, start).vector;
}

/**
 * Fills each missing pair with u_i - u_j (in logs), where u minimises sum over judged pairs of
 * (ln a_ij - u_i + u_j)^2: the graph Laplacian system L u = r, solved with u_0 = 0.
 */
function logLeastSquaresCompletion(matrix: ComparisonMatrix, pairs: Array<[number, number]>): ComparisonMatrix {
  const { n, data } = matrix;
  const size = n - 1;
  const system = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || Number.isNaN(data[i * n + j]!)) continue;
      // Row i of the Laplacian: degree on the diagonal, -1 per judged neighbour; u_0 = 0 drops row/column 0.
      if (i > 0) {
        system[(i - 1) * size + (i - 1)]! += 1;
        if (j > 0) system[(i - 1) * size + (j - 1)]! -= 1;
        rhs[i - 1]! += Math.log(data[i * n + j]!);
      }
    }
  }
  const u = new Float64Array(n);
  u.set(solveLinearSystem(system, rhs, size), 1);
  const completed = Float64Array.from(data);
  for (const [i, j] of pairs) {
    completed[i * n + j] = Math.exp(u[i]! - u[j]!);
    completed[j * n + i] = Math.exp(u[j]! - u[i]!);
  }
  return { n, data: completed };
}

/** Gaussian elimination with partial pivoting; the Laplacian of a connected graph minus one row is regular. */
function solveLinearSystem(a: Float64Array, b: Float64Array, size: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let c = 0; c < size; c++) {
    let pivot = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(m[r * size + c]!) > Math.abs(m[pivot * size + c]!)) pivot = r;
    if (pivot !== c) {
      for (let k = 0; k < size; k++) {
        const t = m[c * size + k]!;
        m[c * size + k] = m[pivot * size + k]!;
        m[pivot * size + k] = t;
      }
      const t = x[c]!;
      x[c] = x[pivot]!;
      x[pivot] = t;
    }
    const diagonal = m[c * size + c]!;
    for (let r = c + 1; r < size; r++) {
      const factor = m[r * size + c]! / diagonal;
      if (factor === 0) continue;
      for (let k = c; k < size; k++) m[r * size + k]! -= factor * m[c * size + k]!;
      x[r]! -= factor * x[c]!;
    }
  }
  for (let c = size - 1; c >= 0; c--) {
    let sum = x[c]!;
    for (let k = c + 1; k < size; k++) sum -= m[c * size + k]! * x[k]!;
    x[c] = sum / m[c * size + c]!;
  }
  return x;
}

// lambda max is flat near its optimum: a gradient of 1e-10 places each log-entry within about 1e-9 of it.
const OPTIMAL_GRADIENT_TOLERANCE = 1e-10;
const OPTIMAL_MAX_STEPS = 2000;

function minimiseLambdaMax(
  matrix: ComparisonMatrix,
  pairs: Array<[number, number]>,
  start: ComparisonMatrix,
): ComparisonMatrix {
  const { n } = matrix;
  const m = pairs.length;
  let y = Float64Array.from(pairs, ([i, j]) => Math.log(start.data[i * n + j]!));
  const build = (logs: Float64Array): ComparisonMatrix => {
    const data = Float64Array.from(matrix.data);
    for (let k = 0; k < m; k++) {
      const [i, j] = pairs[k]!;
      data[i * n + j] = Math.exp(logs[k]!);
      data[j * n + i] = Math.exp(-logs[k]!);
    }
    return { n, data };
  };
  const evaluateAt = (logs: Float64Array) => {
    const completed = build(logs);
    const right = principalEigenpair(completed);
    const left = principalEigenpair(completed, true).vector;
    const w = right.vector;
    let dot = 0;
    for (let i = 0; i < n; i++) dot += left[i]! * w[i]!;
    const gradient = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const [i, j] = pairs[k]!;
      const aij = completed.data[i * n + j]!;
      gradient[k] = (left[i]! * aij * w[j]! - left[j]! * w[i]! / aij) / dot;
    }
    return { lambda: right.value, gradient, completed };
  };
  let current = evaluateAt(y);
  let step = 1;
  let previousY: Float64Array | null = null;
  let previousGradient: Float64Array | null = null;
  for (let iteration = 0; iteration < OPTIMAL_MAX_STEPS; iteration++) {
    let gradientNorm = 0;
    for (const g of current.gradient) gradientNorm = Math.max(gradientNorm, Math.abs(g));
    if (gradientNorm < OPTIMAL_GRADIENT_TOLERANCE) break;
    if (previousY && previousGradient) {
      // Barzilai-Borwein step length: a cheap curvature estimate that makes gradient descent near-Newton here.
      let sy = 0;
      let ss = 0;
      for (let k = 0; k < m; k++) {
        const s = y[k]! - previousY[k]!;
        const dg = current.gradient[k]! - previousGradient[k]!;
        sy += s * dg;
        ss += s * s;
      }
      step = sy > 0 ? ss / sy : 1;
    }
    // Armijo backtracking keeps every step a descent step, so convexity guarantees convergence.
    let accepted = false;
    for (let halvings = 0; halvings < 40; halvings++) {
      const candidateY = new Float64Array(m);
      let decrease = 0;
      for (let k = 0; k < m; k++) {
        candidateY[k] = y[k]! - step * current.gradient[k]!;
        decrease += current.gradient[k]! * current.gradient[k]!;
      }
      const candidate = evaluateAt(candidateY);
      if (candidate.lambda <= current.lambda - 1e-4 * step * decrease + 1e-15 * current.lambda) {
        previousY = y;
        previousGradient = current.gradient;
        y = candidateY;
        current = candidate;
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) break;
  }
  return current.completed;
}

/**
 * The missing pair that, if asked next, would tell the most, for adaptive questionnaires: a pair joining two
 * unlinked groups when there are several; otherwise the pair whose estimate is least supported (fewest
 * elements k judged against both i and j, so fewest indirect estimates a_ik a_kj) among the heaviest elements,
 * scored (w_i + w_j) / (1 + supporting elements). Null when the matrix is complete.
 */
export function nextMostInformativePair(
  judged: ComparisonMatrix,
  weights: ArrayLike<number> | null,
): { i: number; j: number } | null {
  const { n, data } = judged;
  const pairs = missingPairs(judged);
  if (pairs.length === 0) return null;
  const groups = linkedGroups(judged);
  if (groups.length > 1) {
    const groupOf = new Int32Array(n);
    groups.forEach((group, index) => group.forEach((element) => (groupOf[element] = index)));
    const joining = pairs.find(([i, j]) => groupOf[i] !== groupOf[j])!;
    return { i: joining[0], j: joining[1] };
  }
  let best: { i: number; j: number } | null = null;
  let bestScore = -Infinity;
  for (const [i, j] of pairs) {
    let support = 0;
    for (let k = 0; k < n; k++) {
      if (k !== i && k !== j && !Number.isNaN(data[i * n + k]!) && !Number.isNaN(data[j * n + k]!)) support++;
    }
    const importance = weights ? weights[i]! + weights[j]! : 1;
    const score = importance / (1 + support);
    if (score > bestScore) {
      bestScore = score;
      best = { i, j };
    }
  }
  return best;
}
