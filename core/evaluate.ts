import { GOAL_NODE_ID } from './model/decision-model';
import { analyzeMatrix, isDisconnected, type MatrixAnalysis, unrepresentableFigure } from './ahp/analyze-matrix';
import type { CompletionConvergence } from './ahp/incomplete';
import { type ComparisonMatrix, toRows } from './ahp/matrix';
import { normalizeScores } from './ahp/priorities';
import type { RandomIndex } from './ahp/random-index';
import { scaleMaximum } from './ahp/scale';
import type { CompletionMethod, ConsensusFormula, PriorityMethod } from './contracts/method';
import {
  formatPath,
  type ParsedProblem,
  Problem,
  type ProblemIssue,
  ProblemValidationError,
} from './contracts/problem';
import { aggregateJudgments, aggregatePriorities, judgmentDispersion, type JudgmentDispersion } from './group/aggregate';
import { consensusIndicator, consensusLevel } from './group/consensus';
import { type Hierarchy, type NodeData, type PairwiseNode, readProblem } from './problem/read-problem';
import { createRng } from './random';
import { kishEffectiveSize, rankProbability, type RankProbability, type UncertainNode } from './sensitivity/rank-probability';
import { pairReversals, weightThresholds, type PairReversal, type WeightThreshold } from './sensitivity/weight-thresholds';
import { rankByScore, synthesize } from './synthesis/synthesize';

export const DEFAULT_MONTE_CARLO = { samples: 2000, seed: 1, model: 'spread' } as const;

type Named<T> = T & { a?: string; b?: string };

/**
 * A consensus value below 0, reported as it is (see consensusIndicator): the participants' priorities at `node`
 * (null for a single matrix) are more diverse than the formula's case of no consensus.
 */
export type ConsensusBelowZero = { node: string | null; value: number; reason: 'more-diverse-than-formula-maximum' };

/** The result for one comparison matrix; see docs/engine-cli.md, section 1. */
export type MatrixResult<W extends number[] | Record<string, number> = number[] | Record<string, number>> = {
  method: PriorityMethod | 'direct';
  isApproximation: boolean;
  /** An array in element order for a bare matrix; keyed by id inside a hierarchy or when `elements` is given. */
  weights: W;
  lambdaMax: number;
  ci: number;
  cr: number;
  randomIndex: RandomIndex | null;
  gci: number;
  isConsistentEnough: boolean;
  mostInconsistent: Array<Named<MatrixAnalysis['mostInconsistent'][number]>>;
  completion: {
    method: CompletionMethod;
    values: Array<Named<{ i: number; j: number; value: number }>>;
    convergence: CompletionConvergence | null;
  } | null;
  nextPair: Named<{ i: number; j: number }> | null;
};

/**
 * The judgments a pairwise node's figures were computed from, row by row in the node's element order (1 on the
 * diagonal, null where nobody judged the pair): the person's own, or the group's aggregated ones (AIJ, also under
 * AIP, see ConsistencySource). Bounded by the model, not the group. Rated nodes have none; results computed
 * before this field existed neither.
 */
export type JudgedMatrices = Record<string, Array<Array<number | null>>>;

export type HierarchyResult = {
  kind: 'hierarchy';
  method: PriorityMethod;
  consistencyOf: 'own-judgments';
  synthesis: ParsedProblem['synthesis'];
  nodes: Record<string, NodeResult>;
  judgedMatrices?: JudgedMatrices;
  criteria: Record<string, { local: number; global: number }>;
  alternatives: Record<string, number>;
  ranking: string[];
  robustness: {
    thresholds: WeightThreshold[];
    reversals: PairReversal[];
    rankProbability: RankProbability | null;
  };
};

/**
 * Why the engine left a participant out of a group: their worst CR (on `node`; null for a single matrix) is above
 * the problem's `maxCr`, or (single matrix) their judgments do not link every element.
 */
export type CrAboveLimit = { code: 'cr-above-limit'; node: string; cr: number; limit: number };
export type MatrixExclusion = { code: 'cr-above-limit'; node: null; cr: number; limit: number } | { code: 'unlinked' };

type ParticipantSummary<E> = { id: string; weight: number; excluded: boolean; exclusion: E | null; distance: number | null };

/**
 * What the consistency figures of a result's nodes (lambdaMax, CI, CR, GCI, mostInconsistent) describe: one
 * person's own judgments, or the group's aggregated judgments (the AIJ matrix: the weighted geometric mean of
 * everyone's judgments), also under AIP, where the weights are aggregated from each participant's priorities.
 */
export type ConsistencySource = 'own-judgments' | 'aggregated-judgments';

/** Every participant was left out by `maxCr`: nobody is left to aggregate. `exclusions` says each one's CR. */
export class NoParticipantLeftError extends ProblemValidationError {
  readonly exclusions: Array<{ id: string; exclusion: CrAboveLimit }>;
  constructor(exclusions: Array<{ id: string; exclusion: CrAboveLimit }>) {
    super([{ path: 'participants', message: 'every participant is above maxCr' }]);
    this.name = 'NoParticipantLeftError';
    this.exclusions = exclusions;
  }
}

export type GroupMatrixResult = MatrixResult & {
  kind: 'group-matrix';
  aggregation: ParsedProblem['aggregation'];
  consensus: number;
  consensusLevel: ReturnType<typeof consensusLevel>;
  consensusFormula: ConsensusFormula;
  consensusBelowZero: ConsensusBelowZero[];
  matrix: number[][] | null;
  dispersion: JudgmentDispersion[];
  consistencyOf: 'aggregated-judgments';
  participants: Array<ParticipantSummary<MatrixExclusion> & Partial<MatrixResult>>;
  furthest: Array<{ id: string; distance: number }>;
};

export type GroupHierarchyResult = Omit<HierarchyResult, 'kind' | 'consistencyOf'> & {
  kind: 'group-hierarchy';
  consistencyOf: 'aggregated-judgments';
  aggregation: ParsedProblem['aggregation'];
  consensus: Record<string, number>;
  consensusFormula: ConsensusFormula;
  consensusBelowZero: ConsensusBelowZero[];
  overallConsensus: number;
  consensusLevel: ReturnType<typeof consensusLevel>;
  dispersion: Record<string, Array<JudgmentDispersion & { a: string; b: string }>>;
  disagreement: Record<string, Array<{ id: string; distance: number }>>;
  participants: Array<
    ParticipantSummary<CrAboveLimit> & {
      nodes: Record<string, NodeResult>;
      alternatives: Record<string, number> | null;
      ranking: string[] | null;
    }
  >;
  furthest: Array<{ id: string; distance: number }>;
};

/** A node of a hierarchy: weights keyed by element id. */
export type NodeResult = MatrixResult<Record<string, number>>;

export type SingleMatrixResult = MatrixResult & { kind: 'matrix'; elements?: string[] };
export type EvaluateResult = SingleMatrixResult | HierarchyResult | GroupMatrixResult | GroupHierarchyResult;

/**
 * The engine's entry point for any problem, shared by the CLI and the module API: validates `input` against the
 * `Problem` contract and returns the result for one matrix, a hierarchy, or a group. Throws
 * ProblemValidationError (every issue with its JSON path) for input that is not a valid problem, including a
 * set of judgments that does not link all elements. Callers that know which kind they hand in use the typed
 * entry points below.
 */
export function evaluate(input: unknown): EvaluateResult {
  const { problem, read } = readOrThrow(input);
  switch (read.kind) {
    case 'matrix': {
      const result = matrixResult(analyzeOrThrow(read.node, problem, problem.matrix ? 'matrix' : ''), read.node.elements, read.hasNames);
      return { kind: 'matrix', ...result, ...(read.hasNames ? { elements: read.node.elements } : {}) };
    }
    case 'hierarchy':
      return computeHierarchy(read.hierarchy, read.nodes, problem);
    case 'group-matrix':
      return computeGroupMatrix(read, problem);
    case 'group-hierarchy':
      return computeGroupHierarchy(read.hierarchy, read.participants, problem);
  }
}

/** One person's hierarchy (`criteria`, `alternatives`, `comparisons`): as `evaluate`, typed. */
export function evaluateHierarchy(problem: Problem): HierarchyResult {
  const { problem: parsed, read } = readOrThrow(problem);
  if (read.kind !== 'hierarchy') throw new ProblemValidationError([{ path: '(root)', message: `expected a hierarchy of one person, got a ${read.kind} problem` }]);
  return computeHierarchy(read.hierarchy, read.nodes, parsed);
}

/** A group's hierarchy (`criteria`, `alternatives`, `participants` with their `comparisons`): as `evaluate`, typed. */
export function evaluateGroupHierarchy(problem: Problem): GroupHierarchyResult {
  const { problem: parsed, read } = readOrThrow(problem);
  if (read.kind !== 'group-hierarchy') throw new ProblemValidationError([{ path: '(root)', message: `expected a group hierarchy, got a ${read.kind} problem` }]);
  return computeGroupHierarchy(read.hierarchy, read.participants, parsed);
}

/**
 * A group's hierarchy as evaluateGroupHierarchy computes it, and the result of each subset of its participants
 * (`subsets`: participant ids), each as if those participants alone had answered, without the Monte Carlo. Each
 * participant's own analysis is done once and shared, so the subsets cost only their aggregation. A subset whose
 * participants are all left out by `maxCr`, or who cannot make a result on their own (nobody in it compared a
 * node), is null with the reason.
 */
export function evaluateGroupHierarchyBySubsets(
  problem: Problem,
  subsets: ReadonlyArray<readonly string[]>,
): { whole: GroupHierarchyResult; subsets: Array<GroupHierarchyResult | ProblemValidationError> } {
  const { problem: parsed, read } = readOrThrow(problem);
  if (read.kind !== 'group-hierarchy') throw new ProblemValidationError([{ path: '(root)', message: `expected a group hierarchy, got a ${read.kind} problem` }]);
  const own = ownResults(read.hierarchy, read.participants, parsed);
  const whole = aggregateGroup(read.hierarchy, own, parsed);
  const withoutMonteCarlo = { ...parsed, monteCarlo: false as const };
  return {
    whole,
    subsets: subsets.map((ids) => {
      const members = new Set(ids);
      try {
        return aggregateGroup(read.hierarchy, own.filter((entry) => members.has(entry.participant.id)), withoutMonteCarlo);
      } catch (error) {
        if (error instanceof ProblemValidationError) return error;
        throw error;
      }
    }),
  };
}

function readOrThrow(input: unknown): { problem: ParsedProblem; read: NonNullable<ReturnType<typeof readProblem>> } {
  const parsed = Problem.safeParse(input);
  if (!parsed.success) {
    throw new ProblemValidationError(parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  }
  const issues: ProblemIssue[] = [];
  const read = readProblem(parsed.data, issues);
  if (!read) throw new ProblemValidationError(issues);
  return { problem: parsed.data, read };
}

function analyzeOrThrow(node: PairwiseNode, problem: ParsedProblem, path: string): MatrixAnalysis {
  const analysis = analyzeMatrix(node.matrix, problem);
  if (isDisconnected(analysis)) {
    const groups = analysis.groups.map((group) => `{${group.map((index) => node.elements[index]).join(', ')}}`);
    throw new ProblemValidationError([
      {
        path: path || (node.elements.length ? 'judgments' : '(root)'),
        message: `the judgments do not link all elements: ${groups.join(' and ')} are not compared with each other, directly or through others`,
      },
    ]);
  }
  assertRepresentable(unrepresentableFigure(analysis), path || 'judgments');
  return analysis;
}

function belowZero(consensus: Record<string, number>): ConsensusBelowZero[] {
  return Object.entries(consensus)
    .filter(([, value]) => value < 0)
    .map(([node, value]) => ({ node, value, reason: 'more-diverse-than-formula-maximum' as const }));
}

/** Goepel's M for a node of `size` elements; a node of one element has consensus 1 whatever M is. */
function consensusScaleMaximum(problem: ParsedProblem, size: number): number {
  return size < 2 ? scaleMaximum() : scaleMaximum(problem.scale, size);
}

/** The scores' sum, which normalisation divides by, when a double cannot hold it; null otherwise. */
function unrepresentableScores(values: readonly number[]): string | null {
  const total = values.reduce((sum, value) => sum + value, 0);
  return Number.isFinite(total) ? null : `the sum of the scores = ${total}`;
}

/**
 * Overflow and underflow are invalid input, never a result with null or 0 weights (see unrepresentableFigure).
 * `figure` names the first figure that a double could not hold, or is null when all are fine.
 */
function assertRepresentable(figure: string | null, path: string): void {
  if (figure === null) return;
  throw new ProblemValidationError([
    {
      path,
      message: `the values are too far apart for 64-bit arithmetic, so the computation overflows or underflows (${figure}); rescale them so that the ratios they imply stay well within 1e-150 to 1e150`,
    },
  ]);
}

function matrixResult(analysis: MatrixAnalysis, elements: string[], keyed: boolean): MatrixResult {
  const name = <T extends { i: number; j: number }>(entry: T): Named<T> =>
    keyed ? { ...entry, a: elements[entry.i]!, b: elements[entry.j]! } : entry;
  return {
    method: analysis.method,
    isApproximation: analysis.isApproximation,
    weights: keyed ? Object.fromEntries(elements.map((id, i) => [id, analysis.weights[i]!])) : analysis.weights,
    lambdaMax: analysis.lambdaMax,
    ci: analysis.ci,
    cr: analysis.cr,
    randomIndex: analysis.randomIndex,
    gci: analysis.gci,
    isConsistentEnough: analysis.isConsistentEnough,
    mostInconsistent: analysis.mostInconsistent.map(name),
    completion: analysis.completion
      ? { method: analysis.completion.method, values: analysis.completion.values.map(name), convergence: analysis.completion.convergence }
      : null,
    nextPair: analysis.nextPair ? name(analysis.nextPair) : null,
  };
}

/** A hierarchy node's result: weights keyed by element id. */
function nodeResult(analysis: MatrixAnalysis, elements: string[]): NodeResult {
  const result = matrixResult(analysis, elements, true);
  return { ...result, weights: Object.fromEntries(elements.map((id, i) => [id, analysis.weights[i]!])) };
}

function scoresResult(node: { elements: string[]; values: number[] }): NodeResult {
  const weights = normalizeScores(node.values);
  return {
    method: 'direct',
    isApproximation: false,
    weights: Object.fromEntries(node.elements.map((id, i) => [id, weights[i]!])),
    lambdaMax: node.elements.length,
    ci: 0,
    cr: 0,
    randomIndex: null,
    gci: 0,
    isConsistentEnough: true,
    mostInconsistent: [],
    completion: null,
    nextPair: null,
  };
}

function weightsOf(result: MatrixResult, elements: string[]): number[] {
  return Array.isArray(result.weights) ? result.weights : elements.map((id) => (result.weights as Record<string, number>)[id]!);
}

/** RMS of the log residuals ln(a_ij w_j / w_i): one person's spread, used for their Monte Carlo. */
function residualSigma(matrix: ComparisonMatrix, weights: readonly number[]): Float64Array {
  const { n, data } = matrix;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const e = Math.log((data[i * n + j]! * weights[j]!) / weights[i]!);
      sum += e * e;
      count++;
    }
  }
  return new Float64Array(n * n).fill(count ? Math.sqrt(sum / count) : 0);
}

function logMatrixOf(weightsOrMatrix: ComparisonMatrix): Float64Array {
  return weightsOrMatrix.data.map(Math.log);
}

/** A matrix as JSON can hold it: a missing pair (NaN) as null. */
function judgedRows(matrix: ComparisonMatrix): Array<Array<number | null>> {
  return toRows(matrix).map((row) => row.map((value) => (Number.isNaN(value) ? null : value)));
}

function completedMatrix(node: PairwiseNode, analysis: MatrixAnalysis): ComparisonMatrix {
  if (!analysis.completion) return node.matrix;
  const { n } = node.matrix;
  const data = Float64Array.from(node.matrix.data);
  for (const { i, j, value } of analysis.completion.values) {
    data[i * n + j] = value;
    data[j * n + i] = 1 / value;
  }
  return { n, data };
}

function synthesizeHierarchy(
  hierarchy: Hierarchy,
  nodeResults: Record<string, NodeResult>,
  uncertain: Map<string, UncertainNode> | null,
  problem: ParsedProblem,
): Omit<HierarchyResult, 'kind' | 'nodes' | 'method' | 'synthesis' | 'consistencyOf'> {
  const local = new Map(hierarchy.nodes.map((node) => [node.id, weightsOf(nodeResults[node.id]!, node.elements)]));
  const synthesis = synthesize(hierarchy.criteria, hierarchy.alternatives.length, local, problem.synthesis);
  const monteCarlo = problem.monteCarlo === false ? null : (problem.monteCarlo ?? DEFAULT_MONTE_CARLO);
  return {
    criteria: synthesis.criteria,
    alternatives: Object.fromEntries(hierarchy.alternatives.map((id, a) => [id, synthesis.scores[a]!])),
    ranking: rankByScore(hierarchy.alternatives, synthesis.scores),
    robustness: {
      thresholds: weightThresholds(synthesis, hierarchy.alternatives),
      reversals: pairReversals(synthesis, hierarchy.alternatives),
      rankProbability:
        monteCarlo && uncertain
          ? rankProbability(
              hierarchy.criteria,
              hierarchy.alternatives,
              uncertain,
              { method: problem.method, synthesis: problem.synthesis, ...monteCarlo },
              createRng(monteCarlo.seed),
            )
          : null,
    },
  };
}

function computeHierarchy(hierarchy: Hierarchy, nodes: Map<string, NodeData>, problem: ParsedProblem): HierarchyResult {
  const nodeResults: Record<string, NodeResult> = {};
  const judgedMatrices: JudgedMatrices = {};
  const uncertain = new Map<string, UncertainNode>();
  for (const { id } of hierarchy.nodes) {
    const node = nodes.get(id)!;
    if (node.kind === 'scores') {
      assertRepresentable(unrepresentableScores(node.values), formatPath(['comparisons', id]));
      nodeResults[id] = scoresResult(node);
      uncertain.set(id, { kind: 'scores', values: node.values, sd: node.values.map(() => 0), effectiveSize: node.values.map(() => 1) });
      continue;
    }
    const analysis = analyzeOrThrow(node, problem, formatPath(['comparisons', id]));
    nodeResults[id] = nodeResult(analysis, node.elements);
    judgedMatrices[id] = judgedRows(node.matrix);
    const completed = completedMatrix(node, analysis);
    uncertain.set(id, {
      kind: 'pairwise',
      n: completed.n,
      logMatrix: logMatrixOf(completed),
      sigma: residualSigma(completed, analysis.weights),
      effectiveSize: new Float64Array(completed.n * completed.n).fill(1),
    });
  }
  return {
    kind: 'hierarchy',
    method: problem.method,
    synthesis: problem.synthesis,
    consistencyOf: 'own-judgments',
    nodes: nodeResults,
    judgedMatrices,
    ...synthesizeHierarchy(hierarchy, nodeResults, uncertain, problem),
  };
}

/** Kish's effective number of participants behind each judged pair (row-major, i < j): those who judged it. */
function pairEffectiveSizes(matrices: readonly ComparisonMatrix[], weights: readonly number[]): Float64Array {
  const n = matrices[0]!.n;
  const sums = new Float64Array(n * n);
  const squares = new Float64Array(n * n);
  matrices.forEach((matrix, k) => {
    const w = weights[k]!;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (Number.isNaN(matrix.data[i * n + j]!)) continue;
        sums[i * n + j]! += w;
        squares[i * n + j]! += w * w;
      }
    }
  });
  return sums.map((sum, cell) => (squares[cell]! > 0 ? (sum * sum) / squares[cell]! : 0));
}

/** RMS of ln(a_k / a_group) over the pairs participant k judged (i < j); 0 = they agree with the group. */
function logDistance(own: ComparisonMatrix, group: ComparisonMatrix): { sum: number; count: number } {
  const { n } = own;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = own.data[i * n + j]!;
      const reference = group.data[i * n + j]!;
      if (Number.isNaN(value) || Number.isNaN(reference)) continue;
      const e = Math.log(value / reference);
      sum += e * e;
      count++;
    }
  }
  return { sum, count };
}

const FURTHEST_COUNT = 3;

function furthest(distances: Array<{ id: string; distance: number | null }>): Array<{ id: string; distance: number }> {
  return distances
    .filter((entry): entry is { id: string; distance: number } => entry.distance !== null)
    .sort((a, b) => b.distance - a.distance)
    .slice(0, FURTHEST_COUNT)
    .map(({ id, distance }) => ({ id, distance }));
}

function computeGroupMatrix(
  read: Extract<ReturnType<typeof readProblem>, { kind: 'group-matrix' }>,
  problem: ParsedProblem,
): GroupMatrixResult {
  const { elements, hasNames } = read;
  const own = read.participants.map((participant, index) => {
    const analysis = analyzeMatrix(participant.node.matrix, problem);
    if (isDisconnected(analysis)) return { participant, analysis: null };
    const given = problem.participants![index]!.matrix ? 'matrix' : 'judgments';
    assertRepresentable(unrepresentableFigure(analysis), formatPath(['participants', index, given]));
    return { participant, analysis };
  });
  const included = own.filter(({ analysis }) => analysis && !(problem.maxCr !== undefined && analysis.cr > problem.maxCr));
  if (included.length === 0) {
    throw new ProblemValidationError([
      { path: 'participants', message: 'no participant is left to aggregate (all are above maxCr or have unlinked judgments)' },
    ]);
  }
  const matrices = included.map(({ participant }) => participant.node.matrix);
  const weights = included.map(({ participant }) => participant.weight);
  const aggregatedMatrix = aggregateJudgments(matrices, weights);
  const aggregatedNode: PairwiseNode = { kind: 'pairwise', elements, matrix: aggregatedMatrix };
  const groupAnalysis = analyzeOrThrow(aggregatedNode, problem, 'participants');
  const ownWeights = included.map(({ analysis }) => analysis!.weights);
  const result = matrixResult(groupAnalysis, elements, hasNames);
  if (problem.aggregation === 'aip') {
    const aip = aggregatePriorities(ownWeights, weights, problem.aipMean);
    result.weights = hasNames ? Object.fromEntries(elements.map((id, i) => [id, aip[i]!])) : aip;
  }
  const consensus = consensusIndicator(ownWeights, weights, consensusScaleMaximum(problem, elements.length), problem.consensusFormula);
  const groupCompleted = completedMatrix(aggregatedNode, groupAnalysis);
  const participants = own.map(({ participant, analysis }) => {
    const isIncluded = included.some((entry) => entry.participant === participant);
    const { sum, count } = logDistance(participant.node.matrix, groupCompleted);
    const summary: ParticipantSummary<MatrixExclusion> = {
      id: participant.id,
      weight: participant.weight,
      excluded: !isIncluded,
      exclusion: !analysis
        ? { code: 'unlinked' }
        : isIncluded
          ? null
          : { code: 'cr-above-limit', node: null, cr: analysis.cr, limit: problem.maxCr! },
      distance: count ? Math.sqrt(sum / count) : null,
    };
    return analysis ? { ...summary, ...matrixResult(analysis, elements, hasNames) } : summary;
  });
  return {
    kind: 'group-matrix',
    ...result,
    aggregation: problem.aggregation,
    consistencyOf: 'aggregated-judgments',
    consensus,
    consensusLevel: consensusLevel(consensus),
    consensusFormula: problem.consensusFormula,
    consensusBelowZero: belowZero({ [GOAL_NODE_ID]: consensus }).map((entry) => ({ ...entry, node: null })),
    matrix: problem.aggregation === 'aij' ? toRows(aggregatedMatrix) : null,
    dispersion: judgmentDispersion(matrices, weights),
    participants,
    furthest: furthest(participants.filter((p) => !p.excluded)),
  };
}

type GroupParticipant = { id: string; weight: number; nodes: Map<string, NodeData> };
type OwnResult = ReturnType<typeof ownResults>[number];

function computeGroupHierarchy(hierarchy: Hierarchy, participants: GroupParticipant[], problem: ParsedProblem): GroupHierarchyResult {
  return aggregateGroup(hierarchy, ownResults(hierarchy, participants, problem), problem);
}

/** Each participant's own node results, overall result and CR exclusion: the part of a group result done per person. */
function ownResults(hierarchy: Hierarchy, participants: GroupParticipant[], problem: ParsedProblem) {
  const individualProblem = { ...problem, monteCarlo: false as const };
  return participants.map((participant, index) => {
    const nodes: Record<string, NodeResult> = {};
    let worst: { node: string; cr: number } | null = null;
    for (const { id } of hierarchy.nodes) {
      const node = participant.nodes.get(id);
      if (!node) continue;
      const path = formatPath(['participants', index, 'comparisons', id]);
      if (node.kind === 'scores') {
        assertRepresentable(unrepresentableScores(node.values), path);
        nodes[id] = scoresResult(node);
        continue;
      }
      const analysis = analyzeMatrix(node.matrix, problem);
      if (isDisconnected(analysis)) continue;
      assertRepresentable(unrepresentableFigure(analysis), path);
      nodes[id] = nodeResult(analysis, node.elements);
      if (!worst || analysis.cr > worst.cr) worst = { node: id, cr: analysis.cr };
    }
    const isComplete = hierarchy.nodes.every((node) => nodes[node.id]);
    const overall = isComplete ? synthesizeHierarchy(hierarchy, nodes, null, individualProblem) : null;
    const exclusion: CrAboveLimit | null =
      problem.maxCr !== undefined && worst && worst.cr > problem.maxCr
        ? { code: 'cr-above-limit', node: worst.node, cr: worst.cr, limit: problem.maxCr }
        : null;
    return { participant, nodes, overall, exclusion };
  });
}

/** The group result from everyone's own results (ownResults): aggregation, consensus, dispersion, synthesis. */
function aggregateGroup(hierarchy: Hierarchy, own: OwnResult[], problem: ParsedProblem): GroupHierarchyResult {
  const included = own.filter((entry) => !entry.exclusion);
  if (included.length === 0) {
    throw new NoParticipantLeftError(own.map((entry) => ({ id: entry.participant.id, exclusion: entry.exclusion! })));
  }

  const nodeResults: Record<string, NodeResult> = {};
  const judgedMatrices: JudgedMatrices = {};
  const consensus: Record<string, number> = {};
  const dispersion: GroupHierarchyResult['dispersion'] = {};
  const disagreement: GroupHierarchyResult['disagreement'] = {};
  const uncertain = new Map<string, UncertainNode>();
  const distanceSums = new Map<string, { sum: number; count: number }>();

  for (const node of hierarchy.nodes) {
    const answering = included.filter((entry) => entry.participant.nodes.has(node.id));
    const path = formatPath(['participants', '*', 'comparisons', node.id]);
    if (answering.length === 0) {
      throw new ProblemValidationError([{ path, message: 'no included participant compared this node' }]);
    }
    const weights = answering.map((entry) => entry.participant.weight);
    const data = answering.map((entry) => entry.participant.nodes.get(node.id)!);
    const ownWeights = answering
      .map((entry, k) => ({ result: entry.nodes[node.id], weight: weights[k]! }))
      .filter((entry): entry is { result: NodeResult; weight: number } => entry.result !== undefined);
    consensus[node.id] = ownWeights.length
      ? consensusIndicator(ownWeights.map((entry) => weightsOf(entry.result, node.elements)), ownWeights.map((entry) => entry.weight), consensusScaleMaximum(problem, node.elements.length), problem.consensusFormula)
      : 1;

    if (data.every((entry) => entry.kind === 'scores')) {
      const scoreSets = data.map((entry) => (entry as { values: number[] }).values);
      const totalWeight = weights.reduce((sum, w) => sum + w, 0);
      const source = problem.aggregation === 'aip' ? scoreSets.map(normalizeScores) : scoreSets;
      const mean = node.elements.map((_, a) => source.reduce((sum, values, k) => sum + weights[k]! * values[a]!, 0) / totalWeight);
      const sd = node.elements.map((_, a) =>
        Math.sqrt(source.reduce((sum, values, k) => sum + weights[k]! * (values[a]! - mean[a]!) ** 2, 0) / totalWeight),
      );
      nodeResults[node.id] = scoresResult({ elements: node.elements, values: mean });
      const effectiveSize = kishEffectiveSize(weights);
      uncertain.set(node.id, { kind: 'scores', values: mean, sd, effectiveSize: node.elements.map(() => effectiveSize) });
      continue;
    }
    if (data.some((entry) => entry.kind === 'scores')) {
      throw new ProblemValidationError([{ path, message: 'participants mixed direct scores and pairwise comparisons on this node' }]);
    }
    const matrices = data.map((entry) => (entry as PairwiseNode).matrix);
    const aggregated: PairwiseNode = { kind: 'pairwise', elements: node.elements, matrix: aggregateJudgments(matrices, weights) };
    const analysis = analyzeOrThrow(aggregated, problem, path);
    const result = nodeResult(analysis, node.elements);
    if (problem.aggregation === 'aip' && ownWeights.length) {
      const aip = aggregatePriorities(
        ownWeights.map((entry) => weightsOf(entry.result, node.elements)),
        ownWeights.map((entry) => entry.weight),
        problem.aipMean,
      );
      result.weights = Object.fromEntries(node.elements.map((id, i) => [id, aip[i]!]));
    }
    nodeResults[node.id] = result;
    judgedMatrices[node.id] = judgedRows(aggregated.matrix);
    const spread = judgmentDispersion(matrices, weights);
    dispersion[node.id] = spread.map((entry) => ({ ...entry, a: node.elements[entry.i]!, b: node.elements[entry.j]! }));
    const completed = completedMatrix(aggregated, analysis);
    const sigma = new Float64Array(completed.n * completed.n);
    for (const entry of spread) sigma[entry.i * completed.n + entry.j] = Math.log(entry.geometricSd);
    uncertain.set(node.id, {
      kind: 'pairwise',
      n: completed.n,
      logMatrix: logMatrixOf(completed),
      sigma,
      effectiveSize: pairEffectiveSizes(matrices, weights),
    });
    disagreement[node.id] = furthest(
      answering.map((entry, k) => {
        const { sum, count } = logDistance(matrices[k]!, completed);
        const total = distanceSums.get(entry.participant.id) ?? { sum: 0, count: 0 };
        distanceSums.set(entry.participant.id, { sum: total.sum + sum, count: total.count + count });
        return { id: entry.participant.id, distance: count ? Math.sqrt(sum / count) : null };
      }),
    );
  }

  const overall = synthesizeHierarchy(hierarchy, nodeResults, uncertain, problem);
  const nodeWeight = (id: string) => (id === GOAL_NODE_ID ? 1 : overall.criteria[id]!.global);
  let weightedConsensus = 0;
  let weightTotal = 0;
  for (const node of hierarchy.nodes) {
    weightedConsensus += nodeWeight(node.id) * consensus[node.id]!;
    weightTotal += nodeWeight(node.id);
  }
  const overallConsensus = weightTotal > 0 ? weightedConsensus / weightTotal : 1;
  const participantResults = own.map((entry) => {
    const totals = distanceSums.get(entry.participant.id);
    return {
      id: entry.participant.id,
      weight: entry.participant.weight,
      excluded: entry.exclusion !== null,
      exclusion: entry.exclusion,
      distance: totals && totals.count ? Math.sqrt(totals.sum / totals.count) : null,
      nodes: entry.nodes,
      alternatives: entry.overall?.alternatives ?? null,
      ranking: entry.overall?.ranking ?? null,
    };
  });
  return {
    kind: 'group-hierarchy',
    method: problem.method,
    synthesis: problem.synthesis,
    consistencyOf: 'aggregated-judgments',
    nodes: nodeResults,
    judgedMatrices,
    ...overall,
    aggregation: problem.aggregation,
    consensus,
    consensusFormula: problem.consensusFormula,
    consensusBelowZero: belowZero(consensus),
    overallConsensus,
    consensusLevel: consensusLevel(overallConsensus),
    dispersion,
    disagreement,
    participants: participantResults,
    furthest: furthest(participantResults.filter((p) => !p.excluded)),
  };
}
