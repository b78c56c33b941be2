import { GOAL_NODE_ID } from '../model/decision-model';
import { emptyMatrix, type ComparisonMatrix } from '../ahp/matrix';
import { positionToRatio } from '../ahp/scale';
import { formatPath, type NodeComparison, type ParsedProblem, type ProblemIssue } from '../contracts/problem';
import { type CriterionNode } from '../synthesis/synthesize';

/** Entries count as reciprocal within 5%, so rounded inputs such as 0.33 or 0.14 pass; they are used as given. */
export const RECIPROCAL_TOLERANCE = 0.05;

export type PairwiseNode = { kind: 'pairwise'; elements: string[]; matrix: ComparisonMatrix };
export type ScoresNode = { kind: 'scores'; elements: string[]; values: number[] };
export type NodeData = PairwiseNode | ScoresNode;

export type Hierarchy = {
  criteria: CriterionNode[];
  alternatives: string[];
  /** Every node that is compared, goal first, in tree order, with the ids of what it compares. */
  nodes: Array<{ id: string; elements: string[]; isLeaf: boolean }>;
};

export type ReadProblem =
  | { kind: 'matrix'; node: PairwiseNode; hasNames: boolean }
  | { kind: 'hierarchy'; hierarchy: Hierarchy; nodes: Map<string, NodeData> }
  | {
      kind: 'group-matrix';
      elements: string[];
      hasNames: boolean;
      participants: Array<{ id: string; weight: number; node: PairwiseNode }>;
    }
  | {
      kind: 'group-hierarchy';
      hierarchy: Hierarchy;
      participants: Array<{ id: string; weight: number; nodes: Map<string, NodeData> }>;
    };

type Path = Array<string | number>;

/**
 * Turns a shape-checked problem into matrices, checking what a schema cannot: sizes, the diagonal,
 * reciprocity, names, duplicate judgments, and that every node of a hierarchy is compared. Issues are
 * collected, not thrown one by one, so a user sees everything wrong with a file at once.
 */
export function readProblem(problem: ParsedProblem, issues: ProblemIssue[]): ReadProblem | null {
  const report = (path: Path, message: string) => issues.push({ path: formatPath(path), message });
  const scale = problem.scale;

  if (problem.participants) {
    if (problem.criteria || problem.alternatives) {
      const hierarchy = readHierarchy(problem, report);
      if (!hierarchy) return null;
      const participants = problem.participants.map((participant, index) => {
        const nodes = new Map<string, NodeData>();
        if (!participant.comparisons) {
          report(['participants', index, 'comparisons'], 'is required for a hierarchy: the judgments of this participant, keyed by node id');
          return { id: participant.id, weight: participant.weight, nodes };
        }
        for (const [key, comparison] of Object.entries(participant.comparisons)) {
          const node = hierarchy.nodes.find((candidate) => candidate.id === key);
          if (!node) {
            report(['participants', index, 'comparisons', key], `is not a node of the hierarchy (nodes: ${hierarchy.nodes.map((n) => n.id).join(', ')})`);
            continue;
          }
          const data = readNode(comparison, node.elements, node.isLeaf, ['participants', index, 'comparisons', key], report, scale);
          if (data) nodes.set(key, data);
        }
        return { id: participant.id, weight: participant.weight, nodes };
      });
      checkUniqueIds(problem.participants.map((p) => p.id), ['participants'], report);
      return issues.length ? null : { kind: 'group-hierarchy', hierarchy, participants };
    }
    const first = problem.participants[0]!;
    const size = first.matrix?.length ?? problem.elements?.length;
    if (size === undefined) {
      report(['participants', 0], 'give "matrix", or "judgments" with "elements" at the top level');
      return null;
    }
    const elements = problem.elements ?? Array.from({ length: size }, (_, i) => String(i));
    const participants = problem.participants.flatMap((participant, index) => {
      const node = readSingle(participant.matrix, participant.judgments, elements, ['participants', index], report, scale);
      return node ? [{ id: participant.id, weight: participant.weight, node }] : [];
    });
    checkUniqueIds(problem.participants.map((p) => p.id), ['participants'], report);
    return issues.length ? null : { kind: 'group-matrix', elements, hasNames: Boolean(problem.elements), participants };
  }

  if (problem.criteria || problem.alternatives || problem.comparisons) {
    const hierarchy = readHierarchy(problem, report);
    if (!hierarchy) return null;
    const nodes = new Map<string, NodeData>();
    const comparisons = problem.comparisons ?? {};
    for (const key of Object.keys(comparisons)) {
      if (!hierarchy.nodes.some((node) => node.id === key)) {
        report(['comparisons', key], `is not a node of the hierarchy (nodes: ${hierarchy.nodes.map((n) => n.id).join(', ')})`);
      }
    }
    for (const node of hierarchy.nodes) {
      const comparison = comparisons[node.id];
      if (comparison === undefined) {
        report(['comparisons', node.id], `is missing: compare ${node.isLeaf ? 'the alternatives' : 'the children'} ${node.elements.join(', ')}`);
        continue;
      }
      const data = readNode(comparison, node.elements, node.isLeaf, ['comparisons', node.id], report, scale);
      if (data) nodes.set(node.id, data);
    }
    return issues.length ? null : { kind: 'hierarchy', hierarchy, nodes };
  }

  if (problem.matrix || problem.judgments) {
    const size = problem.matrix?.length ?? problem.elements?.length ?? inferSize(problem.judgments);
    const elements = problem.elements ?? Array.from({ length: size }, (_, i) => String(i));
    const node = readSingle(problem.matrix, problem.judgments, elements, [], report, scale);
    return node && !issues.length ? { kind: 'matrix', node, hasNames: Boolean(problem.elements) } : null;
  }

  report([], 'give a "matrix", "judgments", a hierarchy ("criteria", "alternatives", "comparisons") or "participants"');
  return null;
}

function inferSize(judgments: ParsedProblem['judgments']): number {
  let max = 0;
  for (const judgment of judgments ?? []) if (Array.isArray(judgment)) max = Math.max(max, judgment[0] + 1, judgment[1] + 1);
  return Math.max(max, 1);
}

function readSingle(
  matrix: ParsedProblem['matrix'],
  judgments: ParsedProblem['judgments'],
  elements: string[],
  path: Path,
  report: (path: Path, message: string) => void,
  scale: ParsedProblem['scale'],
): PairwiseNode | null {
  if (matrix && judgments) {
    report(path, 'give either "matrix" or "judgments", not both');
    return null;
  }
  if (matrix) {
    if (matrix.length !== elements.length) {
      report([...path, 'matrix'], `has ${matrix.length} rows but there are ${elements.length} elements`);
      return null;
    }
    return readMatrix(matrix, elements, [...path, 'matrix'], report);
  }
  if (judgments) return readJudgments(judgments, elements, [...path, 'judgments'], report, scale);
  report(path, 'give "matrix" or "judgments"');
  return null;
}

function readNode(
  comparison: NodeComparison,
  elements: string[],
  isLeaf: boolean,
  path: Path,
  report: (path: Path, message: string) => void,
  scale: ParsedProblem['scale'],
): NodeData | null {
  if (Array.isArray(comparison)) {
    if (comparison.length !== elements.length) {
      report(path, `must be a ${elements.length} x ${elements.length} matrix over ${elements.join(', ')}`);
      return null;
    }
    return readMatrix(comparison, elements, path, report);
  }
  if ('judgments' in comparison) return readJudgments(comparison.judgments, elements, [...path, 'judgments'], report, scale);
  if (!isLeaf) {
    report([...path, 'scores'], 'direct scores are for the alternatives under a leaf criterion; compare criteria in pairs');
    return null;
  }
  const values: number[] = [];
  for (const element of elements) {
    const value = comparison.scores[element];
    if (value === undefined) report([...path, 'scores', element], 'is missing: every alternative needs a score');
    else values.push(value);
  }
  for (const key of Object.keys(comparison.scores)) {
    if (!elements.includes(key)) report([...path, 'scores', key], `is not an alternative (alternatives: ${elements.join(', ')})`);
  }
  return values.length === elements.length ? { kind: 'scores', elements, values } : null;
}

function readMatrix(
  rows: ReadonlyArray<ReadonlyArray<number | null>>,
  elements: string[],
  path: Path,
  report: (path: Path, message: string) => void,
): PairwiseNode | null {
  const n = rows.length;
  let ok = true;
  rows.forEach((row, i) => {
    if (row.length !== n) {
      report([...path, i], `has ${row.length} entries; the matrix must be square (${n} x ${n})`);
      ok = false;
    }
  });
  if (!ok) return null;
  const matrix = emptyMatrix(n);
  for (let i = 0; i < n; i++) {
    const diagonal = rows[i]![i];
    if (diagonal !== 1) {
      report([...path, i, i], `must be 1 (an element compared with itself), got ${diagonal}`);
      ok = false;
    }
    for (let j = i + 1; j < n; j++) {
      const upper = rows[i]![j]!;
      const lower = rows[j]![i]!;
      if ((upper === null) !== (lower === null)) {
        report([...path, upper === null ? i : j, upper === null ? j : i], `is null but ${formatPath([...path, upper === null ? j : i, upper === null ? i : j])} is not: mark a pair not judged with null in both places`);
        ok = false;
        continue;
      }
      if (upper === null || lower === null) continue;
      if (Math.abs(upper * lower - 1) > RECIPROCAL_TOLERANCE) {
        report([...path, j, i], `must be the reciprocal of ${formatPath([...path, i, j])} (about ${round(1 / upper)}), got ${lower}`);
        ok = false;
        continue;
      }
      matrix.data[i * n + j] = upper;
      matrix.data[j * n + i] = lower;
    }
  }
  return ok ? { kind: 'pairwise', elements, matrix } : null;
}

function readJudgments(
  judgments: NonNullable<ParsedProblem['judgments']>,
  elements: string[],
  path: Path,
  report: (path: Path, message: string) => void,
  scale: ParsedProblem['scale'],
): PairwiseNode | null {
  const n = elements.length;
  const matrix = emptyMatrix(n);
  const firstSeen = new Map<number, number>();
  let ok = true;
  judgments.forEach((judgment, index) => {
    let i: number;
    let j: number;
    let value: number;
    if (Array.isArray(judgment)) {
      [i, j, value] = judgment;
      if (i >= n || j >= n) {
        report([...path, index], `refers to element ${Math.max(i, j)} but there are ${n} (0..${n - 1})`);
        ok = false;
        return;
      }
    } else {
      i = elements.indexOf(judgment.a);
      j = elements.indexOf(judgment.b);
      if (i < 0 || j < 0) {
        report([...path, index, i < 0 ? 'a' : 'b'], `"${i < 0 ? judgment.a : judgment.b}" is not one of ${elements.join(', ')}`);
        ok = false;
        return;
      }
      value = judgment.value ?? positionToRatio(judgment.position!, scale, n);
    }
    if (i === j) {
      report([...path, index], 'compares an element with itself');
      ok = false;
      return;
    }
    const cell = i * n + j;
    const existing = matrix.data[cell]!;
    if (!Number.isNaN(existing)) {
      if (Math.abs(existing / value - 1) > RECIPROCAL_TOLERANCE) {
        report([...path, index], `contradicts ${formatPath([...path, firstSeen.get(Math.min(i, j) * n + Math.max(i, j))!])}, which judged the same pair`);
        ok = false;
      }
      return;
    }
    firstSeen.set(Math.min(i, j) * n + Math.max(i, j), index);
    matrix.data[cell] = value;
    matrix.data[j * n + i] = 1 / value;
  });
  return ok ? { kind: 'pairwise', elements, matrix } : null;
}

function readHierarchy(problem: ParsedProblem, report: (path: Path, message: string) => void): Hierarchy | null {
  if (!problem.criteria || !problem.alternatives) {
    report([problem.criteria ? 'alternatives' : 'criteria'], 'is required for a hierarchy');
    return null;
  }
  const nodes: Hierarchy['nodes'] = [];
  const ids: string[] = [];
  const walk = (criteria: typeof problem.criteria, parent: string, path: Path) => {
    nodes.push({ id: parent, elements: criteria!.map((c) => c.id), isLeaf: false });
    criteria!.forEach((criterion, index) => {
      ids.push(criterion.id);
      if (criterion.id === GOAL_NODE_ID) report([...path, index, 'id'], `"${GOAL_NODE_ID}" is reserved for the root`);
    });
    criteria!.forEach((criterion, index) => {
      if (criterion.children) walk(criterion.children, criterion.id, [...path, index, 'children']);
      else nodes.push({ id: criterion.id, elements: problem.alternatives!, isLeaf: true });
    });
  };
  walk(problem.criteria, GOAL_NODE_ID, ['criteria']);
  const before = nodes.length;
  checkUniqueIds(ids, ['criteria'], report);
  checkUniqueIds(problem.alternatives, ['alternatives'], report);
  for (const alternative of problem.alternatives) {
    if (ids.includes(alternative)) report(['alternatives'], `"${alternative}" is also a criterion id; use distinct names`);
  }
  return before === nodes.length ? { criteria: problem.criteria as CriterionNode[], alternatives: problem.alternatives, nodes } : null;
}

function checkUniqueIds(ids: readonly string[], path: Path, report: (path: Path, message: string) => void): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) report(path, `"${id}" appears more than once; ids must be unique`);
    seen.add(id);
  }
}


function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
