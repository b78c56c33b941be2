import type { NodeResult } from '../evaluate';

/** One cell of a node's reciprocal matrix as the matrix view shows it. */
export type MatrixViewCell = {
  /** a_ij: how many times row element i outweighs column element j; null where nothing judged or filled it. */
  value: number | null;
  /**
   * `judged`: given (or, for a group, aggregated from what was given); `estimated`: filled in by the node's
   * completion; a lower cell has the source of the upper cell it mirrors.
   */
  source: 'diagonal' | 'judged' | 'estimated' | 'missing';
  /**
   * Set when the pair is among the node's most inconsistent judgments (core/ahp/inconsistency.ts): its place
   * in that list (1 = the most inconsistent) and the value that would fit the other judgments, oriented as this
   * cell (the reciprocal for a lower cell).
   */
  inconsistency: { rank: number; consistentValue: number } | null;
};

export type ComparisonMatrixView = { elements: string[]; rows: MatrixViewCell[][] };

/**
 * A node's judgments as a full reciprocal matrix with the most inconsistent pairs marked: built from what the
 * stored result holds, the judged rows (`judgedMatrices`, upper cells read and mirrored so the view is reciprocal
 * by construction), the completion's filled values and `mostInconsistent`. Null when the rows do not fit the node.
 */
export function comparisonMatrixView(
  elements: readonly string[],
  judged: ReadonlyArray<ReadonlyArray<number | null>>,
  node: Pick<NodeResult, 'mostInconsistent' | 'completion'>,
): ComparisonMatrixView | null {
  const n = elements.length;
  if (judged.length !== n || judged.some((row) => row.length !== n)) return null;
  const estimated = new Map((node.completion?.values ?? []).map((entry) => [entry.i * n + entry.j, entry.value]));
  const flagged = new Map(node.mostInconsistent.map((entry, index) => [entry.i * n + entry.j, { rank: index + 1, consistentValue: entry.consistentValue }]));
  const upper = (i: number, j: number): Omit<MatrixViewCell, 'inconsistency'> => {
    const value = judged[i]![j];
    if (typeof value === 'number' && value > 0) return { value, source: 'judged' };
    const filled = estimated.get(i * n + j);
    return filled === undefined ? { value: null, source: 'missing' } : { value: filled, source: 'estimated' };
  };
  const rows = elements.map((_, i) =>
    elements.map((__, j): MatrixViewCell => {
      if (i === j) return { value: 1, source: 'diagonal', inconsistency: null };
      const [a, b] = i < j ? [i, j] : [j, i];
      const cell = upper(a, b);
      const mark = flagged.get(a * n + b);
      return {
        value: cell.value === null ? null : i < j ? cell.value : 1 / cell.value,
        source: cell.source,
        inconsistency: mark ? { rank: mark.rank, consistentValue: i < j ? mark.consistentValue : 1 / mark.consistentValue } : null,
      };
    }),
  );
  return { elements: [...elements], rows };
}
