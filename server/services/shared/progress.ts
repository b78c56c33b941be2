import 'server-only';
import type { JudgmentRow, RatingRow } from '~/db/schema';
import { type Hierarchy, isConnected, pairKey } from './hierarchy';

export type NodeProgress = {
  nodeKey: string;
  kind: 'pairwise' | 'ratings';
  answered: number;
  required: number;
  /** Enough judgments for the incomplete-matrix methods (every element linked). */
  isComputable: boolean;
};

export type Progress = {
  answered: number;
  required: number;
  /** answered / required, 0..1. */
  fraction: number;
  isComplete: boolean;
  /** Every node can be computed, so the participant can be included in a result. */
  isComputable: boolean;
  nodes: NodeProgress[];
};

/**
 * Progress of one participant against the current model: pairs of each criteria node, and under each leaf
 * either pairs of strategies or one rating per strategy, as the session's scoring mode says.
 */
export function computeProgress(
  hierarchy: Hierarchy,
  scoring: 'pairwise' | 'ratings',
  judgmentRows: Pick<JudgmentRow, 'nodeKey' | 'aKey' | 'bKey'>[],
  ratingRows: Pick<RatingRow, 'criterionKey' | 'alternativeKey'>[],
): Progress {
  const nodes: NodeProgress[] = [];
  for (const node of hierarchy.nodes.values()) {
    const elements = node.elements;
    if (node.kind === 'alternatives' && scoring === 'ratings') {
      const rated = new Set(ratingRows.filter((r) => r.criterionKey === node.key).map((r) => r.alternativeKey));
      const answered = elements.filter((e) => rated.has(e)).length;
      nodes.push({ nodeKey: node.key, kind: 'ratings', answered, required: elements.length, isComputable: answered === elements.length });
      continue;
    }
    const valid = new Set(elements);
    const pairs = new Map<string, [string, string]>();
    for (const j of judgmentRows) {
      if (j.nodeKey === node.key && valid.has(j.aKey) && valid.has(j.bKey)) pairs.set(pairKey(j.aKey, j.bKey), [j.aKey, j.bKey]);
    }
    const required = (elements.length * (elements.length - 1)) / 2;
    nodes.push({
      nodeKey: node.key,
      kind: 'pairwise',
      answered: pairs.size,
      required,
      isComputable: elements.length > 0 && isConnected(elements, [...pairs.values()]),
    });
  }
  const answered = nodes.reduce((sum, n) => sum + n.answered, 0);
  const required = nodes.reduce((sum, n) => sum + n.required, 0);
  return {
    answered,
    required,
    fraction: required === 0 ? 1 : answered / required,
    isComplete: answered === required,
    isComputable: nodes.every((n) => n.isComputable),
    nodes,
  };
}
