import type { CompletionMethod } from '../contracts/method';
import { principalEigenpair } from './eigenvector';
import { type ComparisonMatrix, linkedGroups, missingPairs } from './matrix';

export type FilledValue = { i: number; j: number; value: number };

/**
 * How far a completion's iteration got, against the tolerance it was asked to reach.
 * - gradient (optimal): the largest |d lambda max / d ln x_ij| over the filled-in entries.
 * - collatz-wielandt (harker): the relative width (max - min) / max of the Collatz-Wielandt bounds
 *   min_i (C w)_i / w_i <= rho <= max_i (C w)_i / w_i on the Perron root of Harker's matrix.
 * `isConverged` is reached <= tolerance. A tree of judgments needs no iteration for the optimal completion.
 */
export type CompletionConvergence = {
  criterion: 'gradient' | 'collatz-wielandt';
  tolerance: number;
  reached: number;
  isConverged: boolean;
  iterations: number;
};

export type Completion = {
  method: CompletionMethod;
  /** The filled-in m[i][j] for each pair not judged, i < j. */
  values: FilledValue[];
  matrix: ComparisonMatrix;
  convergence: CompletionConvergence | null;
};

/**
 * Completes an incomplete matrix whose judgments link all elements (check with `linkedGroups` first).
 *
 * - optimal (default): the completion that minimises lambda max (Bozoki, Fulop & Ronyai 2010). With
 *   x = e^y, lambda max is strictly convex in y when the judgments are connected, so a descent on y reaches
 *   the unique optimum. Gradient: d lambda / d y_ij = (v_i a_ij w_j - v_j a_ji w_i) / (v . w), with v and w
 *   the left and right Perron vectors. Started from the logarithmic least squares completion, which is
 *   already optimal when the judgments form a tree (lambda max = n) and close to it otherwise. Stopped when the
 *   largest |gradient| is below OPTIMAL_GRADIENT_TOLERANCE (1e-10); `convergence` says what was reached.
 * - harker: Harker (1987): zero for a missing entry, 1 + (number missing in the row) on the diagonal; the
 *   Perron vector w of that matrix fills m[i][j] = w_i / w_j. It equals the eigenvector of the completed matrix.
 *   Solved by Noda's inverse iteration to Collatz-Wielandt bounds agreeing within HARKER_TOLERANCE (see
 *   `harkerWeights`).
 * Edge cases: a complete matrix comes back as given with `convergence: null`.
 */
export function completeMatrix(matrix: ComparisonMatrix, method: CompletionMethod = 'optimal'): Completion {
  const pairs = missingPairs(matrix);
  if (pairs.length === 0) return { method, values: [], matrix, convergence: null };
  const { matrix: completed, convergence } =
    method === 'harker'
      ? harkerCompletion(matrix, pairs)
      : minimiseLambdaMax(matrix, pairs, logLeastSquaresCompletion(matrix, pairs));
  const { n, data } = completed;
  return {
    method,
    values: pairs.map(([i, j]) => ({ i, j, value: data[i * n + j]! })),
    matrix: completed,
    convergence,
  };
}

function harkerCompletion(matrix: ComparisonMatrix, pairs: Array<[number, number]>): HarkerResult {
  const { n } = matrix;
  const harker = harkerWeights(matrix, pairs);
  const w = harker.vector;
  const completed = Float64Array.from(matrix.data);
  for (const [i, j] of pairs) {
    completed[i * n + j] = w[i]! / w[j]!;
    completed[j * n + i] = w[j]! / w[i]!;
  }
  return { matrix: { n, data: completed }, convergence: harker.convergence };
}

type HarkerResult = { matrix: ComparisonMatrix; convergence: CompletionConvergence };

/**
 * Harker's vector is accepted when the Collatz-Wielandt bounds on its eigenvalue agree to this, relatively:
 * max_i (C w)_i / w_i - min_i (C w)_i / w_i <= HARKER_TOLERANCE * max_i (C w)_i / w_i. It bounds the eigenvalue;
 * the weights' error is this times the conditioning of the Perron vector: on 200 random sparse matrices
 * (n = 3..30) the weights were within 5e-11 relative of a 40-digit computation, and exact to rounding on chains
 * and trees (incomplete.test.ts). All of 3,000 such matrices met it in at most 9 steps.
 */
export const HARKER_TOLERANCE = 1e-12;
const HARKER_MAX_STEPS = 100;
/**
 * Power steps tried before switching to inverse iteration: with a start close to the answer (the suggested value
 * of a judgment starts from the weights of the whole matrix) a few cheap steps usually meet the same bound, and a
 * power step costs about a sixth of an LU solve for n = 8. As soon as the shrinking of the bounds says more than
 * HARKER_POWER_BUDGET further steps would be needed (slow mixing, as on a chain or sparse judgments), the
 * inverse iteration takes over.
 */
const HARKER_POWER_STEPS = 40;
const HARKER_POWER_BUDGET = 12;

/**
 * The Perron vector of Harker's matrix C for the given missing pairs (Harker 1987): c_ij = a_ij where judged,
 * 0 where not, c_ii = 1 + (number of pairs missing in row i). C is non-negative, and irreducible when the
 * judgments link all elements, so its Perron root rho is simple and its vector w positive.
 *
 * Solved by Noda's inverse iteration (Noda 1971; quadratic convergence, Elsner 1976), not by power iteration,
 * which stalls on sparse judgments: a 15-element chain has |lambda2 / lambda1| = 0.997, and 2,000 power steps
 * left a[0][14] at 16211 instead of 16384. Each step solves (mu I - C) z = w with mu = max_i (C w)_i / w_i >= rho,
 * a non-singular M-matrix whose inverse is positive, so every iterate stays positive. For any positive w,
 * min_i (C w)_i / w_i <= rho <= max_i (C w)_i / w_i (Collatz-Wielandt): the stopping rule is a proven bound on
 * rho, not a step size. Plain power steps come first, held to the same bound (each step computes C w anyway);
 * when their shrinking bounds project more than HARKER_POWER_BUDGET further steps, the inverse iteration takes
 * over from where they got.
 * `start` (any positive vector, e.g. the weights of a nearby matrix) saves steps; without it the logarithmic least
 * squares weights are used. `convergence.reached` is the final relative width of the bounds, `iterations` the
 * power and inverse steps together.
 */
export function harkerWeights(
  matrix: ComparisonMatrix,
  pairs: ReadonlyArray<readonly [number, number]>,
  start?: ArrayLike<number>,
): { vector: Float64Array; lambda: number; convergence: CompletionConvergence } {
  const { n } = matrix;
  const c = Float64Array.from(matrix.data);
  for (const [i, j] of pairs) {
    c[i * n + j] = 0;
    c[j * n + i] = 0;
    c[i * n + i]! += 1;
    c[j * n + j]! += 1;
  }
  let w = isPositiveStart(start, n) ? Float64Array.from(start) : logLeastSquaresWeights(matrix);
  normalize(w);
  const tolerance = HARKER_TOLERANCE;
  let steps = 0;
  let lower = 0;
  let upper = Infinity;
  let previousWidth = Infinity;
  const product = new Float64Array(n);
  for (; steps <= HARKER_POWER_STEPS; steps++) {
    // One product C w gives both the bounds for w and the next power iterate.
    let total = 0;
    lower = Infinity;
    upper = -Infinity;
    for (let i = 0, row = 0; i < n; i++, row += n) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += c[row + j]! * w[j]!;
      product[i] = acc;
      total += acc;
      const ratio = acc / w[i]!;
      if (ratio < lower) lower = ratio;
      if (ratio > upper) upper = ratio;
    }
    const width = upper - lower;
    if (width <= tolerance * upper || steps === HARKER_POWER_STEPS) break;
    // The bounds shrink geometrically, by about |lambda2| / rho per step: project how many steps are left.
    const shrink = width / previousWidth;
    if (steps >= 2 && (shrink >= 1 || Math.log((tolerance * upper) / width) / Math.log(shrink) > HARKER_POWER_BUDGET)) break;
    previousWidth = width;
    const inverse = 1 / total;
    for (let i = 0; i < n; i++) w[i] = product[i]! * inverse;
  }
  let bounds = { lower, upper };
  let work: Float64Array | null = null;
  let z: Float64Array | null = null;
  const maxSteps = steps + HARKER_MAX_STEPS;
  while (steps < maxSteps && !(bounds.upper - bounds.lower <= tolerance * bounds.upper)) {
    work ??= new Float64Array(n * n);
    z ??= new Float64Array(n);
    // mu equal to rho up to rounding makes the system singular: w is then as good as double precision allows.
    if (!solveShifted(c, bounds.upper, w, n, work, z)) break;
    normalize(z);
    const next = collatzWielandt(c, z, n);
    steps++;
    if (!(next.upper - next.lower < bounds.upper - bounds.lower)) break;
    [w, z] = [z, w];
    bounds = next;
  }
  const reached = (bounds.upper - bounds.lower) / bounds.upper;
  return {
    vector: w,
    lambda: bounds.upper,
    convergence: {
      criterion: 'collatz-wielandt',
      tolerance: HARKER_TOLERANCE,
      reached,
      isConverged: reached <= HARKER_TOLERANCE,
      iterations: steps,
    },
  };
}

/**
 * Solves (mu I - C) z = rhs into `z` for mu >= rho(C). mu I - C is then a non-singular M-matrix: Gaussian
 * elimination needs no pivoting and keeps the signs of its factors (Fiedler & Ptak), so z > 0 for rhs > 0.
 * Returns false when rounding left a pivot or an entry of z that is not positive, the sign that mu is rho to
 * double precision. `work` (n x n) is overwritten.
 */
function solveShifted(c: Float64Array, mu: number, rhs: Float64Array, n: number, work: Float64Array, z: Float64Array): boolean {
  for (let k = 0; k < n * n; k++) work[k] = -c[k]!;
  for (let i = 0; i < n; i++) {
    work[i * n + i]! += mu;
    z[i] = rhs[i]!;
  }
  for (let col = 0; col < n; col++) {
    const pivot = work[col * n + col]!;
    if (!(pivot > 0)) return false;
    for (let row = col + 1; row < n; row++) {
      const factor = work[row * n + col]! / pivot;
      if (factor === 0) continue;
      for (let k = col + 1; k < n; k++) work[row * n + k]! -= factor * work[col * n + k]!;
      z[row]! -= factor * z[col]!;
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let sum = z[row]!;
    for (let k = row + 1; k < n; k++) sum -= work[row * n + k]! * z[k]!;
    const value = sum / work[row * n + row]!;
    if (!(value > 0 && Number.isFinite(value))) return false;
    z[row] = value;
  }
  return true;
}

function isPositiveStart(start: ArrayLike<number> | undefined, n: number): start is ArrayLike<number> {
  if (!start || start.length !== n) return false;
  for (let i = 0; i < n; i++) if (!(start[i]! > 0 && Number.isFinite(start[i]!))) return false;
  return true;
}

function normalize(w: Float64Array): void {
  let total = 0;
  for (const x of w) total += x;
  for (let i = 0; i < w.length; i++) w[i]! /= total;
}

/** min_i and max_i of (C w)_i / w_i: lower and upper bounds on the Perron root of C for any positive w. */
function collatzWielandt(c: Float64Array, w: Float64Array, n: number): { lower: number; upper: number } {
  let lower = Infinity;
  let upper = -Infinity;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += c[i * n + j]! * w[j]!;
    const ratio = acc / w[i]!;
    if (ratio < lower) lower = ratio;
    if (ratio > upper) upper = ratio;
  }
  return { lower, upper };
}

/**
 * u minimising sum over judged pairs of (ln a_ij - u_i + u_j)^2 (logarithmic least squares): the graph
 * Laplacian system L u = r, solved with u_0 = 0.
 */
function logLeastSquaresLogs(matrix: ComparisonMatrix): Float64Array {
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
  return u;
}

/** exp(u) of the logarithmic least squares solution, normalised; shifted by max u so that nothing overflows. */
function logLeastSquaresWeights(matrix: ComparisonMatrix): Float64Array {
  const u = logLeastSquaresLogs(matrix);
  let top = -Infinity;
  for (const x of u) top = Math.max(top, x);
  const w = u.map((x) => Math.exp(x - top));
  normalize(w);
  return w;
}

/** Fills each missing pair with exp(u_i - u_j) of the logarithmic least squares solution. */
function logLeastSquaresCompletion(matrix: ComparisonMatrix, pairs: Array<[number, number]>): ComparisonMatrix {
  const { n, data } = matrix;
  const u = logLeastSquaresLogs(matrix);
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

/**
 * The optimal completion stops when no partial derivative d lambda max / d ln x_ij exceeds this. lambda max is
 * strictly convex in the logs with curvature of order 1 for realistic judgments, so a gradient of 1e-10 places
 * each log-entry within about 1e-9 of the optimum.
 */
export const OPTIMAL_GRADIENT_TOLERANCE = 1e-10;
const OPTIMAL_MAX_STEPS = 2000;

function minimiseLambdaMax(
  matrix: ComparisonMatrix,
  pairs: Array<[number, number]>,
  start: ComparisonMatrix,
): { matrix: ComparisonMatrix; convergence: CompletionConvergence } {
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
  const maxAbs = (values: Float64Array) => values.reduce((top, g) => Math.max(top, Math.abs(g)), 0);
  let iterations = 0;
  for (; iterations < OPTIMAL_MAX_STEPS; iterations++) {
    if (maxAbs(current.gradient) < OPTIMAL_GRADIENT_TOLERANCE) break;
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
  return {
    matrix: current.completed,
    convergence: {
      criterion: 'gradient',
      tolerance: OPTIMAL_GRADIENT_TOLERANCE,
      reached: maxAbs(current.gradient),
      isConverged: maxAbs(current.gradient) <= OPTIMAL_GRADIENT_TOLERANCE,
      iterations,
    },
  };
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
