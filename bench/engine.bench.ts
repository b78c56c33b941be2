/**
 * Engine benchmark: `npm run bench` (tsx bench/engine.bench.ts). Prints, in one run:
 *
 *   1. single matrices n = 3..8 (seeded, realistic CR 0.02-0.2) plus Saaty's house 8x8: Clusterwise's
 *      computePriorities (eigenvector, full: weights + lambda + CI + CR + GCI), the bare "eigenvector with CR"
 *      (principalEigenpair + randomIndex), additive normalization, npm `ahp` and npm `ahp-lite`, median per
 *      call, and a check that the packages compute the same numbers as ours;
 *   2. a group of 10,000 participants (6 criteria x 3 alternatives): batch path, incremental accumulators,
 *      adding one participant, and evaluate() for reference;
 *   3. 10,000 Monte Carlo samples of rankProbability on that group, with each Monte Carlo model;
 *   4. incomplete matrices: Harker's vector by the power iteration used before (stopped by step size, 2,000
 *      steps at most) and by the solver used now (power steps, then Noda's inverse iteration, to Collatz-Wielandt
 *      bounds), side by side on the same matrices, with their differences; the optimal completion with the
 *      gradient it reached.
 *
 * A benchmark reports; it never fails on a missed target (exit code 0 unless it crashes).
 * Timings: batches of K calls timed with process.hrtime.bigint, median of the per-call batch means, after a
 * warm-up; cases of one row are interleaved over several rounds so background load hits them alike.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  aggregateJudgments,
  analyzeMatrix,
  computePriorities,
  consensusIndicator,
  createNodeAccumulator,
  createRng,
  evaluate,
  fromRows,
  isDisconnected,
  judgmentDispersion,
  positionToRatio,
  randomIndex,
  rankProbability,
  ratioToNearestPosition,
  synthesize,
  toRows,
  type ComparisonMatrix,
  type Rng,
} from '../core/index';
import { principalEigenpair } from '../core/ahp/eigenvector';
import { completeMatrix, harkerWeights } from '../core/ahp/incomplete';
import { emptyMatrix, missingPairs, setJudgment } from '../core/ahp/matrix';
import { ownPriorities, type NodeAccumulator } from '../core/group/accumulator';
import type { UncertainNode } from '../core/sensitivity/rank-probability';
import type { CriterionNode } from '../core/synthesis/synthesize';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// npm packages (CommonJS, untyped): `ahp` exposes AHP.calculateMatrixConsistency(number[][]) -> {ci, ri, cr,
// weightedVector}, the call its run() makes per matrix; `ahp-lite` exposes getWeights(linear-algebra Matrix)
// -> {ev, ci, cr}, ev and cr rounded to 2 decimals. Both use additive normalization (column-normalised row
// means) and lambda = mean((A w)_i / w_i), not the exact eigenvector.
// ---------------------------------------------------------------------------------------------------------
type AhpConsistency = { ci: number; ri: number; cr: number; weightedVector: number[] };
type AhpClass = { calculateMatrixConsistency(matrix: number[][]): AhpConsistency };
type LiteResult = { ev: number[]; ci: number; cr: number };
type LiteModule = { getWeights(matrix: unknown): LiteResult | string };
type LinearAlgebra = { Matrix: new (rows: number[][]) => unknown };

function tryRequire<T>(name: string): T | null {
  try {
    return require(name) as T;
  } catch {
    return null;
  }
}
const AHP = tryRequire<AhpClass>('ahp');
const ahpLite = tryRequire<LiteModule>('ahp-lite');
const linearAlgebraFactory = tryRequire<() => LinearAlgebra>('linear-algebra');
const LaMatrix = linearAlgebraFactory ? linearAlgebraFactory().Matrix : null;

// ---------------------------------------------------------------------------------------------------------
// Timing helpers
// ---------------------------------------------------------------------------------------------------------
let sink = 0; // results feed this so no call is optimised away; printed at the end
const nowNs = (): number => Number(process.hrtime.bigint());

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

type Case = { key: string; call: (index: number) => number };

/** One batch: `k` calls cycling over the set; returns ns per call. */
function runBatch(c: Case, k: number, setSize: number): number {
  let local = 0;
  const start = nowNs();
  for (let i = 0; i < k; i++) local += c.call(i % setSize);
  const elapsed = nowNs() - start;
  sink += local;
  return elapsed / k;
}

/**
 * Interleaved measurement of several cases on the same inputs: a warm-up, then `rounds` rounds in which every
 * case runs batches for about `roundMs`. Returns per-call batch means (ns) per case.
 */
function measureRow(cases: Case[], setSize: number, k: number, rounds = 6, roundMs = 20, warmMs = 40): Map<string, number[]> {
  const samples = new Map<string, number[]>(cases.map((c) => [c.key, []]));
  for (const c of cases) {
    const until = nowNs() + warmMs * 1e6;
    let batches = 0;
    while (nowNs() < until || batches < 3) {
      runBatch(c, k, setSize);
      batches++;
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      const list = samples.get(c.key)!;
      const until = nowNs() + roundMs * 1e6;
      let batches = 0;
      while (nowNs() < until || batches < 3) {
        list.push(runBatch(c, k, setSize));
        batches++;
      }
    }
  }
  return samples;
}

/** Median wall time (ms) of `runs` runs of fn, after `warm` untimed runs. */
function timeRuns<T>(fn: () => T, runs: number, warm = 1): { median: number; all: number[]; last: T } {
  let last = fn();
  for (let i = 1; i < warm; i++) last = fn();
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = nowNs();
    last = fn();
    all.push((nowNs() - start) / 1e6);
  }
  return { median: median(all), all, last };
}

// ---------------------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------------------
function table(headers: string[], rows: string[][], rightAlign: boolean[] = headers.map((_, i) => i > 0)): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (rightAlign[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
const us = (ns: number): string => (ns / 1000 >= 100 ? (ns / 1000).toFixed(0) : ns / 1000 >= 10 ? (ns / 1000).toFixed(1) : (ns / 1000).toFixed(2));
const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const times = (ratio: number): string => (ratio >= 100 ? `${ratio.toFixed(0)}x` : `${ratio.toFixed(1)}x`);
const sci = (value: number): string => (value === 0 ? '0' : value.toExponential(1));
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
function heading(text: string): void {
  console.log(`\n${text}\n${'='.repeat(text.length)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Matrix generation: random weights -> consistent matrix -> log-normal noise -> nearest Saaty value
// ---------------------------------------------------------------------------------------------------------
function saatyRound(ratio: number): number {
  return positionToRatio(ratioToNearestPosition(ratio, 'saaty'), 'saaty');
}

function noisyMatrix(weights: ArrayLike<number>, sigma: number, rng: Rng): ComparisonMatrix {
  const n = weights.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    data[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const value = saatyRound((weights[i]! / weights[j]!) * Math.exp(sigma * rng.normal()));
      data[i * n + j] = value;
      data[j * n + i] = 1 / value;
    }
  }
  return { n, data };
}

function randomWeights(n: number, spread: number, rng: Rng): Float64Array {
  const w = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i] = Math.exp(spread * rng.normal());
  for (let i = 0; i < n; i++) w[i]! /= total;
  return w;
}

/** `count` matrices of size n with CR (exact eigenvector, Saaty 1980 RI) in [0.02, 0.20]. */
function matrixSet(n: number, count: number, seed: number): ComparisonMatrix[] {
  const rng = createRng(seed);
  const set: ComparisonMatrix[] = [];
  for (let attempt = 0; set.length < count && attempt < 200_000; attempt++) {
    const m = noisyMatrix(randomWeights(n, 0.8, rng), 0.35, rng);
    const { cr } = computePriorities(m, 'eigenvector');
    if (cr >= 0.02 && cr <= 0.2) set.push(m);
  }
  return set;
}

// ---------------------------------------------------------------------------------------------------------
// Part 1: single matrices
// ---------------------------------------------------------------------------------------------------------
type RowResult = {
  label: string;
  n: number;
  count: number;
  crs: number[];
  iterations: number;
  medians: Record<string, number | null>;
  iqrEigCr: number;
  checks: { ahpW: number | null; ahpCr: number | null; liteW: number | null; liteCr: number | null; eigVsAdd: number; fullVsBare: number };
};

function eigCr(m: ComparisonMatrix): { vector: Float64Array; cr: number; lambda: number } {
  const pair = principalEigenpair(m);
  const n = m.n;
  const ri = randomIndex(n);
  const cr = n <= 2 || ri.value === 0 ? 0 : (pair.value - n) / (n - 1) / ri.value;
  return { vector: pair.vector, cr, lambda: pair.value };
}

function benchSingleRow(label: string, set: ComparisonMatrix[]): RowResult {
  const n = set[0]!.n;
  const rows = set.map(toRows);
  const laMatrices = LaMatrix ? rows.map((r) => new LaMatrix(r)) : null;
  const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let d = 0;
    for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
    return d;
  };

  // Does each package work at this n, and does it compute what our additive normalization computes?
  let ahpOk = AHP !== null;
  let liteOk = ahpLite !== null && laMatrices !== null;
  let ahpW = 0;
  let ahpCr = 0;
  let liteW = 0;
  let liteCr = 0;
  let eigVsAdd = 0;
  let fullVsBare = 0;
  let iterations = 0;
  const crs: number[] = [];
  set.forEach((m, index) => {
    const full = computePriorities(m, 'eigenvector');
    const bare = eigCr(m);
    const add = computePriorities(m, 'additive-normalization');
    crs.push(full.cr);
    iterations += principalEigenpair(m).iterations;
    fullVsBare = Math.max(fullVsBare, maxAbs(full.weights, bare.vector), Math.abs(full.cr - bare.cr));
    eigVsAdd = Math.max(eigVsAdd, maxAbs(full.weights, add.weights));
    if (ahpOk) {
      try {
        const r = AHP!.calculateMatrixConsistency(rows[index]!);
        if (!r || !Array.isArray(r.weightedVector) || !Number.isFinite(r.cr)) throw new Error('no result');
        ahpW = Math.max(ahpW, maxAbs(add.weights, r.weightedVector));
        ahpCr = Math.max(ahpCr, Math.abs(add.cr - r.cr));
      } catch {
        ahpOk = false;
      }
    }
    if (liteOk) {
      try {
        const r = ahpLite!.getWeights(laMatrices![index]!);
        if (typeof r !== 'object' || !Array.isArray(r.ev) || !Number.isFinite(r.cr)) throw new Error('no result');
        liteW = Math.max(liteW, maxAbs(add.weights, r.ev));
        liteCr = Math.max(liteCr, Math.abs(add.cr - r.cr));
      } catch {
        liteOk = false;
      }
    }
  });

  const cases: Case[] = [
    { key: 'full', call: (i) => computePriorities(set[i]!, 'eigenvector').cr },
    { key: 'eigCr', call: (i) => eigCr(set[i]!).cr },
    { key: 'add', call: (i) => computePriorities(set[i]!, 'additive-normalization').cr },
  ];
  if (ahpOk) cases.push({ key: 'ahp', call: (i) => AHP!.calculateMatrixConsistency(rows[i]!).cr });
  if (liteOk) cases.push({ key: 'lite', call: (i) => (ahpLite!.getWeights(laMatrices![i]!) as LiteResult).cr });
  const k = 100;
  const samples = measureRow(cases, set.length, k);
  const medians: Record<string, number | null> = { full: null, eigCr: null, add: null, ahp: null, lite: null };
  for (const [key, list] of samples) medians[key] = median(list);
  const eigSamples = samples.get('eigCr')!;
  return {
    label,
    n,
    count: set.length,
    crs,
    iterations: iterations / set.length,
    medians,
    iqrEigCr: (quantile(eigSamples, 0.75) - quantile(eigSamples, 0.25)) / median(eigSamples),
    checks: {
      ahpW: ahpOk ? ahpW : null,
      ahpCr: ahpOk ? ahpCr : null,
      liteW: liteOk ? liteW : null,
      liteCr: liteOk ? liteCr : null,
      eigVsAdd,
      fullVsBare,
    },
  };
}

function houseMatrix(): ComparisonMatrix | null {
  try {
    const cases = JSON.parse(readFileSync(new URL('../../shared/reference/ahp-cases.json', import.meta.url), 'utf8')) as Array<{
      id: string;
      input?: { matrix?: number[][] };
    }>;
    const house = cases.find((c) => c.id === 'harker-house-a37-replacement');
    return house?.input?.matrix ? fromRows(house.input.matrix) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Part 2: group of 10,000 participants, 6 criteria x 3 alternatives
// ---------------------------------------------------------------------------------------------------------
const PARTICIPANTS = 10_000;
const CRITERIA = 6;
const ALTERNATIVES = ['A', 'B', 'C'];
const criteria: CriterionNode[] = Array.from({ length: CRITERIA }, (_, c) => ({ id: `c${c + 1}` }));
const nodeIds = ['goal', ...criteria.map((c) => c.id)];
const nodeSizes = nodeIds.map((id) => (id === 'goal' ? CRITERIA : ALTERNATIVES.length));

type Participant = ComparisonMatrix[]; // one matrix per node, in nodeIds order

function groupTruth(rng: Rng): Float64Array[] {
  return nodeSizes.map((size) => randomWeights(size, 0.7, rng));
}

/** A participant: own view = truth x log-normal bias, then noisy rounded judgments; both spreads personal. */
function makeParticipant(truth: Float64Array[], rng: Rng): Participant {
  const bias = 0.1 + 0.4 * rng.next();
  const noise = 0.1 + 0.3 * rng.next();
  return truth.map((weights) => {
    const own = weights.map((w) => w * Math.exp(bias * rng.normal()));
    return noisyMatrix(own, noise, rng);
  });
}

type GroupResult = { scores: number[]; consensus: number[]; crs: number[] };

type Steps = Record<string, number>;
const addStep = (steps: Steps, key: string, ns: number) => {
  steps[key] = (steps[key] ?? 0) + ns;
};

/** (a) batch path through the core functions. */
function batchPath(byNode: ComparisonMatrix[][], weights: number[], steps: Steps): GroupResult & { aggregated: ComparisonMatrix[] } {
  const local = new Map<string, ArrayLike<number>>();
  const consensus: number[] = [];
  const crs: number[] = [];
  const aggregated: ComparisonMatrix[] = [];
  nodeIds.forEach((id, node) => {
    const matrices = byNode[node]!;
    let t = nowNs();
    const agg = aggregateJudgments(matrices, weights);
    addStep(steps, 'aggregateJudgments', nowNs() - t);
    t = nowNs();
    const analysis = analyzeMatrix(agg);
    addStep(steps, 'analyzeMatrix (group)', nowNs() - t);
    if (isDisconnected(analysis)) throw new Error(`node ${id} disconnected`);
    t = nowNs();
    const own = matrices.map((m) => ownPriorities(m, {})!);
    addStep(steps, 'ownPriorities x 10k', nowNs() - t);
    t = nowNs();
    consensus.push(consensusIndicator(own, weights));
    addStep(steps, 'consensusIndicator', nowNs() - t);
    local.set(id, analysis.weights);
    crs.push(analysis.cr);
    aggregated.push(agg);
  });
  const t = nowNs();
  const { scores } = synthesize(criteria, ALTERNATIVES.length, local);
  addStep(steps, 'synthesize', nowNs() - t);
  return { scores, consensus, crs, aggregated };
}

type Accumulators = NodeAccumulator[];

function addParticipant(accumulators: Accumulators, participant: Participant, steps: Steps | null): ArrayLike<number>[] {
  const owns: ArrayLike<number>[] = [];
  for (let node = 0; node < accumulators.length; node++) {
    const m = participant[node]!;
    let t = steps ? nowNs() : 0;
    const own = ownPriorities(m, {})!;
    if (steps) {
      addStep(steps, 'ownPriorities x 10k', nowNs() - t);
      t = nowNs();
    }
    accumulators[node]!.add(m, 1, own);
    if (steps) addStep(steps, 'accumulator.add', nowNs() - t);
    owns.push(own);
  }
  return owns;
}

function groupFromAccumulators(accumulators: Accumulators, steps: Steps | null): GroupResult {
  const local = new Map<string, ArrayLike<number>>();
  const consensus: number[] = [];
  const crs: number[] = [];
  let t = steps ? nowNs() : 0;
  nodeIds.forEach((id, node) => {
    const acc = accumulators[node]!;
    const analysis = analyzeMatrix(acc.aggregatedMatrix());
    if (isDisconnected(analysis)) throw new Error(`node ${id} disconnected`);
    local.set(id, analysis.weights);
    crs.push(analysis.cr);
    consensus.push(acc.consensus(9));
  });
  if (steps) {
    addStep(steps, 'aggregatedMatrix+analyze+consensus', nowNs() - t);
    t = nowNs();
  }
  const { scores } = synthesize(criteria, ALTERNATIVES.length, local);
  if (steps) addStep(steps, 'synthesize', nowNs() - t);
  return { scores, consensus, crs };
}

/** (b) incremental path: accumulators per node, all participants added, then read out. */
function incrementalPath(participants: Participant[], steps: Steps): { result: GroupResult; accumulators: Accumulators } {
  const accumulators = nodeSizes.map((size) => createNodeAccumulator(size));
  for (const participant of participants) addParticipant(accumulators, participant, steps);
  return { result: groupFromAccumulators(accumulators, steps), accumulators };
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------
type Target = { target: string; measured: string; ok: boolean | null };
const targets: Target[] = [];
const startAll = nowNs();

console.log('Clusterwise engine benchmark');
console.log(
  `node ${process.version} on ${process.platform}/${process.arch}; ahp ${AHP ? 'loaded' : 'MISSING'}, ahp-lite ${ahpLite && LaMatrix ? 'loaded' : 'MISSING'}; ` +
    'times are medians of per-call batch means (batches of 100 calls, interleaved rounds, after warm-up)',
);

// ----- Part 1 -----
heading('1. Single matrices: per-call median (us); ratio = package median / Clusterwise eigenvector+CR median');
const rowsOut: RowResult[] = [];
for (let n = 3; n <= 8; n++) rowsOut.push(benchSingleRow(`random n=${n}`, matrixSet(n, 100, 1000 + n)));
const house = houseMatrix();
if (house) rowsOut.push(benchSingleRow('Saaty house 8x8', [house]));
else console.log('(Saaty house matrix not found in /work/shared/reference/ahp-cases.json: row skipped)');

const cell = (value: number | null | undefined) => (value === null || value === undefined ? 'n/a' : us(value));
const ratio = (value: number | null | undefined, base: number | null | undefined) =>
  value === null || value === undefined || !base ? 'n/a' : times(value / base);
console.log(
  table(
    ['matrices', 'n', 'CR median [min-max]', 'power its', 'CW eig full', 'CW eig+CR', 'IQR', 'CW add-norm', 'npm ahp', 'ahp / eig+CR', 'ahp-lite', 'lite / eig+CR'],
    rowsOut.map((r) => [
      r.count === 1 ? r.label : `${r.label} (${r.count})`,
      String(r.n),
      r.count === 1 ? r.crs[0]!.toFixed(3) : `${median(r.crs).toFixed(3)} [${Math.min(...r.crs).toFixed(3)}-${Math.max(...r.crs).toFixed(3)}]`,
      r.iterations.toFixed(1),
      cell(r.medians.full),
      cell(r.medians.eigCr),
      `${(r.iqrEigCr * 100).toFixed(0)}%`,
      cell(r.medians.add),
      cell(r.medians.ahp),
      ratio(r.medians.ahp, r.medians.eigCr),
      cell(r.medians.lite),
      ratio(r.medians.lite, r.medians.eigCr),
    ]),
    [false, true, true, true, true, true, true, true, true, true, true, true],
  ),
);
console.log(
  'CW eig full = computePriorities(m, "eigenvector") (weights, lambda, CI, CR, GCI); CW eig+CR = principalEigenpair + randomIndex;\n' +
    'CW add-norm = computePriorities(m, "additive-normalization"); npm ahp = AHP.calculateMatrixConsistency(rows); ahp-lite = getWeights(Matrix).\n' +
    'IQR = interquartile range of the eig+CR batch means relative to their median (noise). Both packages compute additive normalization.',
);

console.log('\nSame work? max |difference| over each set (weights, CR); the packages are compared with our additive normalization:');
const agree = (value: number | null, tolerance: number) => (value === null ? 'n/a' : `${sci(value)} ${value <= tolerance ? 'ok' : 'DIFFERS'}`);
console.log(
  table(
    ['matrices', 'ahp w', 'ahp CR', 'ahp-lite w (2 dp)', 'ahp-lite CR (2 dp)', 'full vs eig+CR', 'eigenvector vs add-norm w (approximation error)'],
    rowsOut.map((r) => [
      r.label,
      agree(r.checks.ahpW, 1e-12),
      agree(r.checks.ahpCr, 1e-12),
      agree(r.checks.liteW, 0.005 + 1e-12),
      agree(r.checks.liteCr, 0.005 + 1e-12),
      agree(r.checks.fullVsBare, 0),
      r.checks.eigVsAdd.toFixed(4),
    ]),
  ),
);
console.log('tolerances: ahp 1e-12; ahp-lite 0.005 (it rounds weights and CR to 2 decimals); full vs eig+CR must be identical.');

// For context: npm ahp's object API (what its README shows) on the house matrix as an 8-criteria problem with 2
// items; run() also builds a text log, so this is not the same work as one matrix, only an order of magnitude.
let ahpRunNs: number | null = null;
if (AHP && house) {
  try {
    const AhpCtor = AHP as unknown as new () => { import(context: unknown): { run(): { error: unknown } } };
    const names = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
    const context = JSON.stringify({
      items: ['X', 'Y'],
      criteria: names,
      criteriaItemRank: Object.fromEntries(names.map((name) => [name, [[1, 2], [0.5, 1]]])),
      criteriaRank: toRows(house),
    });
    const runOnce = () => (new AhpCtor().import(JSON.parse(context)).run().error ? 0 : 1);
    ahpRunNs = median(measureRow([{ key: 'run', call: runOnce }], 1, 20, 3, 60, 60).get('run')!);
  } catch {
    ahpRunNs = null;
  }
}
const house8 = rowsOut.find((row) => row.count === 1 && row.n === 8);
if (ahpRunNs !== null && house8) {
  console.log(
    `\nFor context: npm ahp object API, new AHP().import(ctx).run() with the house matrix as criteria (8 criteria x 2 items; run() also formats a text log): ` +
      `${us(ahpRunNs)} us per run = ${times(ahpRunNs / house8.medians.eigCr!)} the house eigenvector+CR.`,
  );
}

for (const r of rowsOut.filter((row) => row.n === 8)) {
  const eig = r.medians.eigCr!;
  targets.push({ target: `${r.label}: eigenvector with CR < 2 us median`, measured: `${us(eig)} us`, ok: eig < 2000 });
  targets.push({
    target: `${r.label}: >= 100x faster than npm ahp`,
    measured: r.medians.ahp === null ? 'n/a' : times(r.medians.ahp! / eig),
    ok: r.medians.ahp === null ? null : r.medians.ahp! / eig >= 100,
  });
  targets.push({
    target: `${r.label}: faster than ahp-lite (approximation)`,
    measured: r.medians.lite === null ? 'n/a' : `${us(eig)} vs ${us(r.medians.lite!)} us (${times(r.medians.lite! / eig)})`,
    ok: r.medians.lite === null ? null : eig < r.medians.lite!,
  });
}

// ----- Part 2 -----
heading(`2. Group: ${PARTICIPANTS.toLocaleString('en-US')} participants, ${CRITERIA} criteria x ${ALTERNATIVES.length} alternatives (7 matrices each)`);
const groupRng = createRng(20240607);
const truth = groupTruth(groupRng);
let t0 = nowNs();
const participants: Participant[] = Array.from({ length: PARTICIPANTS }, () => makeParticipant(truth, groupRng));
const byNode: ComparisonMatrix[][] = nodeIds.map((_, node) => participants.map((p) => p[node]!));
const unitWeights = new Array<number>(PARTICIPANTS).fill(1);
const generateMs = (nowNs() - t0) / 1e6;
const participantCrs = byNode.map((matrices) => median(matrices.slice(0, 2000).map((m) => computePriorities(m).cr)));
console.log(
  `generated in ${ms(generateMs)} ms (seeded); median individual CR per node (first 2,000): ${participantCrs.map((cr, i) => `${nodeIds[i]} ${cr.toFixed(3)}`).join(', ')}`,
);

const RUNS = 5;
const batchSteps: Steps = {};
const batch = timeRuns(() => batchPath(byNode, unitWeights, batchSteps), RUNS);
const incSteps: Steps = {};
const incremental = timeRuns(() => incrementalPath(participants, incSteps), RUNS);
const stepsPerRun = (steps: Steps) => (key: string) => (steps[key] ?? 0) / (RUNS + 1) / 1e6;

const finiteMatrix = (m: ComparisonMatrix) => m.data.every((value) => Number.isFinite(value) && value > 0);
const batchValid = batch.last.aggregated.every(finiteMatrix) && batch.last.scores.every(Number.isFinite) && batch.last.crs.every(Number.isFinite);
const accumulators = incremental.last.accumulators;
// The accumulators' AIJ (sums of logs) is the group matrix used for the Monte Carlo of part 3.
const incrementalAggregated = accumulators.map((acc) => acc.aggregatedMatrix());
const incrementalValid = incrementalAggregated.every(finiteMatrix) && incremental.last.result.crs.every(Number.isFinite);

// (c) one more participant: add to the accumulators and recompute the group result
const extraRng = createRng(777);
const extras = Array.from({ length: 300 }, () => makeParticipant(truth, extraRng));
const oneMore: number[] = [];
for (let round = 0; round < 2; round++) {
  for (const extra of extras) {
    const start = nowNs();
    const owns = addParticipant(accumulators, extra, null);
    const result = groupFromAccumulators(accumulators, null);
    const elapsed = nowNs() - start;
    sink += result.scores[0]!;
    if (round === 1) oneMore.push(elapsed);
    extra.forEach((m, node) => accumulators[node]!.remove(m, 1, owns[node]!));
  }
}
const oneMoreMedian = median(oneMore);
// split of (c): own priorities + add, versus the read-out
const oneMoreAdd: number[] = [];
for (const extra of extras) {
  const start = nowNs();
  const owns = addParticipant(accumulators, extra, null);
  oneMoreAdd.push(nowNs() - start);
  extra.forEach((m, node) => accumulators[node]!.remove(m, 1, owns[node]!));
}
const oneMoreAddMedian = median(oneMoreAdd);

// Part 3's Monte Carlo runs here, before (d): evaluate() builds a result graph of several hundred MB whose
// garbage collection would otherwise land in the Monte Carlo runs. Printed in section 3 below.
const uncertain = new Map<string, UncertainNode>();
t0 = nowNs();
nodeIds.forEach((id, node) => {
  const agg = incrementalAggregated[node]!;
  const sigma = new Float64Array(agg.n * agg.n);
  for (const entry of judgmentDispersion(byNode[node]!, unitWeights)) sigma[entry.i * agg.n + entry.j] = Math.log(entry.geometricSd);
  uncertain.set(id, { kind: 'pairwise', n: agg.n, logMatrix: agg.data.map(Math.log), sigma, effectiveSize: new Float64Array(agg.n * agg.n).fill(unitWeights.length) });
});
const dispersionMs = (nowNs() - t0) / 1e6;
const SAMPLES = 10_000;
const mc = timeRuns(
  () => rankProbability(criteria, ALTERNATIVES, uncertain, { method: 'eigenvector', synthesis: 'distributive', samples: SAMPLES, seed: 1, model: 'spread' }, createRng(1)),
  RUNS,
);
const mcEstimate = timeRuns(
  () => rankProbability(criteria, ALTERNATIVES, uncertain, { method: 'eigenvector', synthesis: 'distributive', samples: SAMPLES, seed: 1, model: 'estimate' }, createRng(1)),
  RUNS,
);

// (d) evaluate() of the whole group problem, JSON in -> result out, monteCarlo false. Inside a function so
// the big input and result can be collected afterwards; only figures leave it.
function runEvaluate() {
  const problem = {
    criteria,
    alternatives: ALTERNATIVES,
    monteCarlo: false as const,
    participants: participants.map((p, k) => ({
      id: `p${k + 1}`,
      comparisons: Object.fromEntries(nodeIds.map((id, node) => [id, toRows(p[node]!)])),
    })),
  };
  const problemJson = JSON.stringify(problem);
  let start = nowNs();
  const parsedInput: unknown = JSON.parse(problemJson);
  const parseMs = (nowNs() - start) / 1e6;
  start = nowNs();
  const evaluated = evaluate(parsedInput);
  const evaluateMs = (nowNs() - start) / 1e6;
  start = nowNs();
  const outputJson = JSON.stringify(evaluated);
  const stringifyMs = (nowNs() - start) / 1e6;
  const isGroup = evaluated.kind === 'group-hierarchy';
  return {
    parseMs,
    evaluateMs,
    stringifyMs,
    inputMB: problemJson.length / 1e6,
    outputMB: outputJson.length / 1e6,
    scores: isGroup ? ALTERNATIVES.map((id) => evaluated.alternatives[id]!) : ALTERNATIVES.map(() => Number.NaN),
    consensus: isGroup ? nodeIds.map((id) => evaluated.consensus[id]!) : [],
    valid:
      isGroup && Object.values(evaluated.nodes).every((node) => Number.isFinite(node.cr) && Object.values(node.weights).every(Number.isFinite)),
  };
}
const evaluation = runEvaluate();
const { parseMs, evaluateMs, stringifyMs } = evaluation;

// agreement between the three paths
const b = batch.last;
const inc = incremental.last.result;
const evalScores = evaluation.scores;
const evalConsensus = evaluation.consensus;
const maxDiff = (x: readonly number[], y: readonly number[]) => Math.max(...x.map((v, i) => Math.abs(v - y[i]!)));
const evaluateValid = evaluation.valid;
const validity = (ok: boolean) => (ok ? 'yes' : 'NO (NaN)');

const groupRows: string[][] = [
  [
    '(a) batch: aggregateJudgments + analyzeMatrix + ownPriorities per participant + consensusIndicator + synthesize',
    ms(batch.median),
    `[${batch.all.map(ms).join(', ')}]`,
    '< 100 ms',
    verdict(batch.median < 100),
    validity(batchValid),
  ],
  [
    '(b) incremental: createNodeAccumulator, add 10k (own priorities incl.), read aggregatedMatrix/consensus, synthesize',
    ms(incremental.median),
    `[${incremental.all.map(ms).join(', ')}]`,
    '< 100 ms',
    verdict(incremental.median < 100),
    validity(incrementalValid),
  ],
  [
    '(c) one more participant: own priorities + add to 7 accumulators + recompute group result',
    `${us(oneMoreMedian)} us`,
    `median of ${oneMore.length}; own priorities + add ${us(oneMoreAddMedian)} us, rest is the read-out (7 x analyzeMatrix)`,
    '-',
    '-',
    'yes',
  ],
  [
    '(d) evaluate() full group problem (monteCarlo: false), once',
    ms(evaluateMs),
    `+ JSON.parse ${ms(parseMs)} ms (${evaluation.inputMB.toFixed(1)} MB) + JSON.stringify ${ms(stringifyMs)} ms (${evaluation.outputMB.toFixed(0)} MB)`,
    'reference',
    evaluateMs < 100 ? 'under 100 ms' : 'over 100 ms',
    validity(evaluateValid),
  ],
];
console.log(
  table(['path', 'ms (median)', 'runs / detail', 'target', 'status', 'finite result'], groupRows, [false, true, false, false, false, false]),
);
if (!batchValid || !evaluateValid) {
  const sample = batch.last.aggregated[1]!;
  console.log(
    `WARNING: aggregateJudgments (used by (a) and by evaluate) returned non-finite cells for ${PARTICIPANTS} participants ` +
      `(e.g. node ${nodeIds[1]}: ${Array.from(sample.data).map((v) => v.toPrecision(3)).join(' ')}): the product of 10,000 judgments ` +
      'overflows to Infinity / underflows to 0 before the 1/W root, so the group weights are NaN and evaluate() returns equal scores. ' +
      'The accumulators sum logs and are not affected. Timings of (a) and (d) are still the cost of the same operations.',
  );
}

const stepA = stepsPerRun(batchSteps);
const stepB = stepsPerRun(incSteps);
console.log('\nWhere the time goes (ms per run, mean over all runs incl. warm-up):');
console.log(
  table(
    ['path', 'step', 'ms'],
    [
      ...['aggregateJudgments', 'analyzeMatrix (group)', 'ownPriorities x 10k', 'consensusIndicator', 'synthesize'].map((key) => ['(a)', key, ms(stepA(key))]),
      ...['ownPriorities x 10k', 'accumulator.add', 'aggregatedMatrix+analyze+consensus', 'synthesize'].map((key) => ['(b)', key, ms(stepB(key))]),
    ],
    [false, false, true],
  ),
);
console.log(
  `\nSame result? (a) and (d) agree with each other${batchValid ? '' : ' (both NaN-based, see WARNING)'}; group scores A/B/C: (a) ${b.scores.map((s) => s.toFixed(4)).join('/')}, (b) ${inc.scores.map((s) => s.toFixed(4)).join('/')}, ` +
    `(d) ${evalScores.map((s) => s.toFixed(4)).join('/')}; max |a-b| ${sci(maxDiff(b.scores, inc.scores))}, max |a-d| ${sci(maxDiff(b.scores, evalScores))}; ` +
    `consensus max |a-b| ${sci(maxDiff(b.consensus, inc.consensus))}, |a-d| ${evalConsensus.length ? sci(maxDiff(b.consensus, evalConsensus)) : 'n/a'}; ` +
    `group CR (a) ${b.crs.map((cr) => cr.toFixed(3)).join(', ')}, (b) ${inc.crs.map((cr) => cr.toFixed(3)).join(', ')}; consensus ${b.consensus.map((c) => c.toFixed(3)).join(', ')}`,
);
targets.push({
  target: '10,000-participant group < 100 ms: (a) batch path',
  measured: `${ms(batch.median)} ms${batchValid ? '' : ' (result NaN)'}`,
  ok: batch.median < 100,
});
targets.push({ target: '10,000-participant group < 100 ms: (b) incremental path', measured: `${ms(incremental.median)} ms`, ok: incremental.median < 100 });

// ----- Part 3 -----
heading('3. Monte Carlo: rankProbability, 10,000 samples on the group hierarchy (spread = group judgment dispersion)');
console.log('input as evaluate() builds it: ln of the AIJ matrix (taken from the accumulators, finite) and sigma_ij = ln(geometric SD) from judgmentDispersion');
const mcSigma = [...uncertain.values()].map((u) => (u.kind === 'pairwise' ? Math.max(...u.sigma) : 0));
console.log(
  table(
    ['computation', 'ms (median)', 'runs', 'target', 'status'],
    [
      ['rankProbability, 10,000 samples, eigenvector, distributive (model spread)', ms(mc.median), `[${mc.all.map(ms).join(', ')}]`, '< 200 ms', verdict(mc.median < 200)],
      ['the same, model estimate (sigma / sqrt(10,000))', ms(mcEstimate.median), `[${mcEstimate.all.map(ms).join(', ')}]`, '-', '-'],
      ['setup: judgmentDispersion of the 7 nodes (10k each), once', ms(dispersionMs), '-', '-', '-'],
    ],
    [false, true, false, false, false],
  ),
);
console.log(
  `first place: ${Object.entries(mc.last.firstPlace).map(([id, p]) => `${id} ${(p * 100).toFixed(1)}%`).join(', ')}; ` +
    `largest sigma of ln a_ij per node: ${mcSigma.map((s) => s.toFixed(2)).join(', ')}; ${(SAMPLES * nodeIds.length).toLocaleString('en-US')} eigenvectors per run`,
);
console.log(`model estimate, first place: ${Object.entries(mcEstimate.last.firstPlace).map(([id, p]) => `${id} ${(p * 100).toFixed(1)}%`).join(', ')}`);
targets.push({ target: '10,000 Monte Carlo samples < 200 ms', measured: `${ms(mc.median)} ms`, ok: mc.median < 200 });

// ----- Part 4 -----
heading("4. Incomplete matrices: Harker's vector before (power iteration) and now (power steps + Noda's inverse iteration), side by side");
/** The Harker solver before this benchmark's change, kept here to compare: power iteration on Harker's matrix. */
function harkerByPowerIteration(matrix: ComparisonMatrix, pairs: ReadonlyArray<readonly [number, number]>, start?: ArrayLike<number>): Float64Array {
  const { n } = matrix;
  const data = Float64Array.from(matrix.data);
  for (const [i, j] of pairs) {
    data[i * n + j] = 0;
    data[j * n + i] = 0;
    data[i * n + i]! += 1;
    data[j * n + j]! += 1;
  }
  return principalEigenpair({ n, data }, false, start).vector;
}
const chain15 = emptyMatrix(15);
for (let i = 0; i < 14; i++) setJudgment(chain15, i, i + 1, 2);
const chainPairs = missingPairs(chain15);
/** Half the pairs of a realistic 8x8 left out, keeping a spanning path so the judgments stay linked. */
const sparseSet = matrixSet(8, 50, 4242).map((m, index) => {
  const rng = createRng(9000 + index);
  const sparse = { n: 8, data: Float64Array.from(m.data) };
  for (let i = 0; i < 8; i++) {
    for (let j = i + 2; j < 8; j++) {
      if (rng.next() < 0.6) {
        sparse.data[i * 8 + j] = Number.NaN;
        sparse.data[j * 8 + i] = Number.NaN;
      }
    }
  }
  return sparse;
});
const sparsePairs = sparseSet.map(missingPairs);
/** What the suggested value of every inconsistent judgment needs: the complete matrix with that judgment left out. */
const houseSet = matrixSet(8, 50, 31337);
const houseWeights = houseSet.map((m) => computePriorities(m).weights);
const leftOut = houseSet.map((m, index) => {
  const without = { n: 8, data: Float64Array.from(m.data) };
  const [i, j] = [index % 7, 7];
  without.data[i * 8 + j] = Number.NaN;
  without.data[j * 8 + i] = Number.NaN;
  return { matrix: without, pairs: [[i, j]] as Array<[number, number]> };
});
const exactChain = 2 ** 14;
const chainError = (w: ArrayLike<number>) => Math.abs(w[0]! / w[14]! - exactChain) / exactChain;
const harkerRows: Array<[string, Case, Case, () => number]> = [
  [
    '15-chain a[i][i+1] = 2 (91 pairs missing)',
    { key: 'before', call: () => harkerByPowerIteration(chain15, chainPairs)[0]! },
    { key: 'now', call: () => harkerWeights(chain15, chainPairs).vector[0]! },
    () => Math.max(chainError(harkerByPowerIteration(chain15, chainPairs)), 0),
  ],
  [
    'realistic 8x8, 60% of the non-adjacent pairs missing (50)',
    { key: 'before', call: (k) => harkerByPowerIteration(sparseSet[k]!, sparsePairs[k]!)[0]! },
    { key: 'now', call: (k) => harkerWeights(sparseSet[k]!, sparsePairs[k]!).vector[0]! },
    () => Math.max(...sparseSet.map((m, k) => maxRelative(harkerByPowerIteration(m, sparsePairs[k]!), harkerWeights(m, sparsePairs[k]!).vector))),
  ],
  [
    'suggested value: complete 8x8 minus one judgment, started from its weights (50)',
    { key: 'before', call: (k) => harkerByPowerIteration(leftOut[k]!.matrix, leftOut[k]!.pairs, houseWeights[k])[0]! },
    { key: 'now', call: (k) => harkerWeights(leftOut[k]!.matrix, leftOut[k]!.pairs, houseWeights[k]).vector[0]! },
    () => Math.max(...leftOut.map((c, k) => maxRelative(harkerByPowerIteration(c.matrix, c.pairs, houseWeights[k]), harkerWeights(c.matrix, c.pairs, houseWeights[k]).vector))),
  ],
];
function maxRelative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let top = 0;
  for (let i = 0; i < b.length; i++) top = Math.max(top, Math.abs(a[i]! - b[i]!) / b[i]!);
  return top;
}
const chainNow = harkerWeights(chain15, chainPairs);
console.log(
  table(
    ['matrices', 'before (us)', 'now (us)', 'now / before', 'max relative difference before vs now'],
    harkerRows.map(([label, before, now, difference], index) => {
      const size = index === 0 ? 1 : 50;
      const measured = measureRow([before, now], size, index === 0 ? 20 : 100);
      const b = median(measured.get('before')!);
      const n = median(measured.get('now')!);
      return [label, us(b), us(n), (n / b).toFixed(2), sci(difference())];
    }),
    [false, true, true, true, true],
  ),
);
console.log(
  `15-chain: a[0][14] before ${(harkerByPowerIteration(chain15, chainPairs)[0]! / harkerByPowerIteration(chain15, chainPairs)[14]!).toFixed(1)}, ` +
    `now ${(chainNow.vector[0]! / chainNow.vector[14]!).toFixed(6)} (exact 16384; relative error ${sci(chainError(chainNow.vector))}), ` +
    `${chainNow.convergence.iterations} steps (the least squares start is exact on a tree), Collatz-Wielandt bounds within ${sci(chainNow.convergence.reached)} relative`,
);
const optimalCases: Array<[string, () => ReturnType<typeof completeMatrix>[]]> = [
  ['15-chain (a tree: already optimal at the start)', () => [completeMatrix(chain15, 'optimal')]],
  ['realistic 8x8, sparse as above (50)', () => sparseSet.map((m) => completeMatrix(m, 'optimal'))],
];
console.log(
  '\n' +
    table(
      ['optimal completion', 'ms per call (median)', 'largest |gradient| reached', 'tolerance', 'converged', 'steps (max)'],
      optimalCases.map(([label, run]) => {
        const timed = timeRuns(run, RUNS);
        const results = timed.last;
        return [
          label,
          ms(timed.median / results.length),
          sci(Math.max(...results.map((r) => r.convergence!.reached))),
          sci(results[0]!.convergence!.tolerance),
          `${results.filter((r) => r.convergence!.isConverged).length}/${results.length}`,
          String(Math.max(...results.map((r) => r.convergence!.iterations))),
        ];
      }),
      [false, true, true, true, true, true],
    ),
);

// ----- Summary -----
heading('Targets');
console.log(
  table(
    ['target', 'measured', 'result'],
    targets.map((t) => [t.target, t.measured, t.ok === null ? 'n/a' : verdict(t.ok)]),
    [false, true, false],
  ),
);
console.log(`\ntotal ${((nowNs() - startAll) / 1e9).toFixed(1)} s; checksum ${sink.toPrecision(6)}`);
