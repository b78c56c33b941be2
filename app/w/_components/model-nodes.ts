import { type ComparisonNode, type Element, GOAL_NODE } from '~/app/s/[sessionId]/q/_components/steps';

/** The part of a session's model the live views read: session.get and workshop.room both carry it. */
export type CriterionLike = Element & { children: CriterionLike[] };
export type ModelLike = { criteria: CriterionLike[]; alternatives: Element[] };

/** What the room votes on (the server's LiveItem, without its place in the agenda). */
export type AgendaItem =
  | { kind: 'pair'; nodeKey: string; a: string; b: string }
  | { kind: 'rating'; criterionKey: string; alternativeKey: string };

/**
 * Every comparison node in the order the server's agenda asks them (server/services/shared/workshop-state
 * buildAgenda): the goal first, then the criteria tree depth first, a criterion with sub-criteria before them and
 * each leaf criterion (whose node compares or rates the strategies) where the tree reaches it.
 */
export function comparisonNodes(model: ModelLike): ComparisonNode[] {
  const toElement = (item: Element): Element => ({ key: item.key, name: item.name, description: item.description });
  const alternatives = model.alternatives.map(toElement);
  const nodes: ComparisonNode[] = [{ key: GOAL_NODE, kind: 'criteria', parent: null, elements: model.criteria.map(toElement) }];
  const visit = (list: CriterionLike[]) => {
    for (const criterion of list) {
      if (criterion.children.length > 0) {
        nodes.push({ key: criterion.key, kind: 'criteria', parent: toElement(criterion), elements: criterion.children.map(toElement) });
        visit(criterion.children);
      } else {
        nodes.push({ key: criterion.key, kind: 'alternatives', parent: toElement(criterion), elements: alternatives });
      }
    }
  };
  visit(model.criteria);
  return nodes;
}

/** The round's questions in the server's order: pairs of each node it asks, or ratings under leaf criteria. */
export function buildAgenda(nodes: ComparisonNode[], scoring: 'pairwise' | 'ratings', nodeKeys: readonly string[] | null): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const node of nodes) {
    if ((nodeKeys !== null && !nodeKeys.includes(node.key)) || node.elements.length < 2) continue;
    if (node.kind === 'alternatives' && scoring === 'ratings') {
      for (const element of node.elements) items.push({ kind: 'rating', criterionKey: node.key, alternativeKey: element.key });
      continue;
    }
    for (let i = 0; i < node.elements.length; i++) {
      for (let j = i + 1; j < node.elements.length; j++) {
        items.push({ kind: 'pair', nodeKey: node.key, a: node.elements[i]!.key, b: node.elements[j]!.key });
      }
    }
  }
  return items;
}

/** Nodes a new round can ask again: those with something to compare. */
export function askableNodes(nodes: ComparisonNode[]): ComparisonNode[] {
  return nodes.filter((node) => node.elements.length >= 2);
}

/** A stable key of an item, the same whichever way round a pair is put. */
export function itemKey(item: AgendaItem): string {
  if (item.kind === 'rating') return `rating|${item.criterionKey}|${item.alternativeKey}`;
  const [first, second] = item.a < item.b ? [item.a, item.b] : [item.b, item.a];
  return `pair|${item.nodeKey}|${first}|${second}`;
}

/** The node an item is asked at, with the indexes of a pair's two elements in it (a first). */
export function locateItem(nodes: ComparisonNode[], item: AgendaItem): { node: ComparisonNode; i: number; j: number } | null {
  const nodeKey = item.kind === 'pair' ? item.nodeKey : item.criterionKey;
  const node = nodes.find((candidate) => candidate.key === nodeKey);
  if (!node) return null;
  if (item.kind === 'rating') {
    const i = node.elements.findIndex((element) => element.key === item.alternativeKey);
    return i < 0 ? null : { node, i, j: i };
  }
  const i = node.elements.findIndex((element) => element.key === item.a);
  const j = node.elements.findIndex((element) => element.key === item.b);
  return i < 0 || j < 0 ? null : { node, i, j };
}
