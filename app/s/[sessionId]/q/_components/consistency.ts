import { analyzeMatrix, isDisconnected } from '~/core/ahp/analyze-matrix';
import { fromRows } from '~/core/ahp/matrix';
import { positionToRatio } from '~/core/ahp/scale';
import type { UiNode } from '~/app/_components/use-decision-model';
import { pairAnswerKey } from './steps';
import type { MethodSettingsData } from './types';

export type Contradiction = {
  i: number;
  j: number;
  /** The answer given (-8..8, positive favours element i). */
  position: number;
  /** The answer that would fit the others best, on the same scale. */
  suggested: number;
};

export type NodeConsistency =
  | { state: 'not-applicable' }
  | { state: 'too-few' }
  | { state: 'checked'; cr: number; isConsistentEnough: boolean; contradictions: Contradiction[] };

/**
 * The node's consistency from the answers given so far, computed in the browser with the same engine the
 * server uses. An incomplete set is fine once it links every element (core completes the matrix); before that
 * there is nothing to say yet. Nodes of one or two elements cannot be inconsistent.
 */
export function analyzeNode(
  node: UiNode,
  answers: ReadonlyMap<string, number>,
  settings: MethodSettingsData,
): NodeConsistency {
  const n = node.elementKeys.length;
  if (n < 3) return { state: 'not-applicable' };
  const rows: Array<Array<number | null>> = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : null)),
  );
  let answered = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const position = answers.get(pairAnswerKey(node, i, j));
      if (position === undefined) continue;
      const ratio = positionToRatio(position, settings.scale, n);
      rows[i]![j] = ratio;
      rows[j]![i] = 1 / ratio;
      answered++;
    }
  }
  if (answered < n - 1) return { state: 'too-few' };
  const analysis = analyzeMatrix(fromRows(rows), {
    method: settings.method,
    randomIndex: settings.randomIndex,
    completion: settings.completion,
    scale: settings.scale,
  });
  if (isDisconnected(analysis)) return { state: 'too-few' };
  const contradictions: Contradiction[] = [];
  for (const judgment of analysis.mostInconsistent) {
    const position = answers.get(pairAnswerKey(node, judgment.i, judgment.j));
    const suggested = judgment.consistentPosition === 0 ? 0 : judgment.consistentPosition;
    if (position === undefined || position === suggested) continue;
    contradictions.push({ i: judgment.i, j: judgment.j, position, suggested });
  }
  return { state: 'checked', cr: analysis.cr, isConsistentEnough: analysis.isConsistentEnough, contradictions };
}

/** A fingerprint of a node's answers: "keep my answers" holds until one of them changes. */
export function answersSignature(node: UiNode, answers: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (let i = 0; i < node.elements.length; i++) {
    for (let j = i + 1; j < node.elements.length; j++) {
      parts.push(String(answers.get(pairAnswerKey(node, i, j)) ?? ''));
    }
  }
  return parts.join(',');
}
