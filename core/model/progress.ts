import { type AgendaItem, type Scoring, nodeAnswerKind, nodeItems } from './agenda';
import type { DecisionModel } from './decision-model';
import { isConnected, pairKey } from './pairs';

/** A judgment as stored: the pair in the order it was shown, and the scale position (positive: `aKey` preferred). */
export type JudgmentAnswer = { readonly nodeKey: string; readonly aKey: string; readonly bKey: string; readonly position: number };
/** A rating as stored: the intensity key of the ratings scale (core/ahp/ratings-scale). */
export type RatingAnswer = { readonly criterionKey: string; readonly alternativeKey: string; readonly intensity: string };
/** One participant's answers that count (for each question, the latest round's). */
export type ParticipantAnswers = { readonly judgments: readonly JudgmentAnswer[]; readonly ratings: readonly RatingAnswer[] };

export const NO_ANSWERS: ParticipantAnswers = { judgments: [], ratings: [] };

export type NodeProgress = {
  nodeKey: string;
  kind: 'pairwise' | 'ratings';
  answered: number;
  required: number;
  /** Enough answers to compute the node: judgments that link every element, or every alternative rated. */
  isComputable: boolean;
  /**
   * Computable, but some pairs were not answered: the node's weights are estimated from the answered ones by the
   * incomplete-matrix method, and its CR describes that completed matrix, not a full set of judgments.
   */
  isEstimated: boolean;
  /** The questions of this node not answered yet, in the order they are asked. */
  missing: AgendaItem[];
};

export type Progress = {
  answered: number;
  required: number;
  /** answered / required, 0..1. */
  fraction: number;
  isComplete: boolean;
  /** Every node can be computed, so the participant's answers can enter a result. */
  isComputable: boolean;
  /** Nodes that are computable but estimated from incomplete answers, in canonical order. */
  estimatedNodes: string[];
  nodes: NodeProgress[];
};

/**
 * Progress of one participant against the current model, node by node in canonical order. Answers about
 * elements the model no longer has do not count. Nodes with a single element need no answer.
 */
export function computeProgress(model: DecisionModel, scoring: Scoring, answers: ParticipantAnswers): Progress {
  const judgedByNode = new Map<string, Map<string, readonly [string, string]>>();
  for (const j of answers.judgments) {
    let pairs = judgedByNode.get(j.nodeKey);
    if (!pairs) judgedByNode.set(j.nodeKey, (pairs = new Map()));
    pairs.set(pairKey(j.aKey, j.bKey), [j.aKey, j.bKey]);
  }
  const ratedByNode = new Map<string, Set<string>>();
  for (const r of answers.ratings) {
    let rated = ratedByNode.get(r.criterionKey);
    if (!rated) ratedByNode.set(r.criterionKey, (rated = new Set()));
    rated.add(r.alternativeKey);
  }

  const nodes: NodeProgress[] = [];
  for (const node of model.nodes) {
    const kind = nodeAnswerKind(node, scoring);
    const items = nodeItems(node, scoring);
    if (kind === 'ratings') {
      const rated = ratedByNode.get(node.key) ?? new Set<string>();
      const missing = items.filter((item) => item.kind === 'rating' && !rated.has(item.alternativeKey));
      nodes.push({
        nodeKey: node.key,
        kind: 'ratings',
        answered: items.length - missing.length,
        required: items.length,
        isComputable: missing.length === 0,
        isEstimated: false,
        missing,
      });
      continue;
    }
    const judged = judgedByNode.get(node.key) ?? new Map<string, readonly [string, string]>();
    const valid = new Set(node.elementKeys);
    const linked = [...judged.values()].filter(([a, b]) => a !== b && valid.has(a) && valid.has(b));
    const linkedKeys = new Set(linked.map(([a, b]) => pairKey(a, b)));
    const missing = items.filter((item) => item.kind === 'pair' && !linkedKeys.has(pairKey(item.a, item.b)));
    const isComputable = isConnected(node.elementKeys, linked);
    nodes.push({
      nodeKey: node.key,
      kind: 'pairwise',
      answered: items.length - missing.length,
      required: items.length,
      isComputable,
      isEstimated: isComputable && missing.length > 0,
      missing,
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
    estimatedNodes: nodes.filter((n) => n.isEstimated).map((n) => n.nodeKey),
    nodes,
  };
}

/** The questions not answered yet, in the order they are asked. */
export function missingItems(progress: Progress): AgendaItem[] {
  return progress.nodes.flatMap((node) => node.missing);
}
