import type { ComparisonNode, DecisionModel } from './decision-model';
import { indexPairs, isSamePair, pairKey } from './pairs';

/** How participants score the alternatives under each leaf criterion (the session's `alternativeScoring`). */
export type Scoring = 'pairwise' | 'ratings';

/** One question: a pair of a node's elements, or the rating of one alternative under a leaf criterion. */
export type PairItem = { kind: 'pair'; nodeKey: string; a: string; b: string };
export type RatingItem = { kind: 'rating'; criterionKey: string; alternativeKey: string };
export type AgendaItem = PairItem | RatingItem;

/**
 * How a node is answered: its elements in pairs, a rating per alternative (leaf nodes of a ratings session), or
 * not at all (a single element has weight 1 by itself).
 */
export function nodeAnswerKind(node: ComparisonNode, scoring: Scoring): 'pairs' | 'ratings' | 'none' {
  if (node.elementKeys.length < 2) return 'none';
  return node.kind === 'alternatives' && scoring === 'ratings' ? 'ratings' : 'pairs';
}

/** The questions of one node, in the order they are asked. */
export function nodeItems(node: ComparisonNode, scoring: Scoring): AgendaItem[] {
  const keys = node.elementKeys;
  switch (nodeAnswerKind(node, scoring)) {
    case 'none':
      return [];
    case 'ratings':
      return keys.map((alternativeKey) => ({ kind: 'rating', criterionKey: node.key, alternativeKey }));
    case 'pairs':
      return indexPairs(keys.length).map(([i, j]) => ({ kind: 'pair', nodeKey: node.key, a: keys[i]!, b: keys[j]! }));
  }
}

/**
 * The questions in the order they are asked, in the questionnaire and in a live workshop alike: the nodes in the
 * model's canonical order (`nodeIds`: only those a workshop round asks again; null: all), pairs in element order.
 */
export function buildAgenda(model: DecisionModel, scoring: Scoring, nodeIds: readonly string[] | null = null): AgendaItem[] {
  return model.nodes.filter((node) => nodeIds === null || nodeIds.includes(node.key)).flatMap((node) => nodeItems(node, scoring));
}

/** Nodes a new workshop round can ask again: those with something to answer. */
export function askableNodes<N extends ComparisonNode>(nodes: readonly N[], scoring: Scoring): N[] {
  return nodes.filter((node) => nodeAnswerKind(node, scoring) !== 'none');
}

/** The node an item is answered in: the node of a pair, the criterion of a rating. */
export function itemNodeId(item: AgendaItem): string {
  return item.kind === 'pair' ? item.nodeKey : item.criterionKey;
}

/** A key of the question, the same whichever way round a pair is put. */
export function itemKey(item: AgendaItem): string {
  return item.kind === 'rating' ? `rating|${item.criterionKey}|${item.alternativeKey}` : `pair|${item.nodeKey}|${pairKey(item.a, item.b)}`;
}

/** The same question, whichever way round the pair was put. */
export function isSameItem(x: AgendaItem, y: AgendaItem): boolean {
  if (x.kind === 'pair' && y.kind === 'pair') return x.nodeKey === y.nodeKey && isSamePair(x, y);
  if (x.kind === 'rating' && y.kind === 'rating') return x.criterionKey === y.criterionKey && x.alternativeKey === y.alternativeKey;
  return false;
}
