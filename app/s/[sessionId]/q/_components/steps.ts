import type { LocalizedName, SessionData } from './types';

/** The goal's node key, as the server names it (core/contracts/model-edits GOAL_NODE; not imported: zod). */
export const GOAL_NODE = 'goal';

export type Element = { key: string; name: LocalizedName; description: LocalizedName };

/** One comparison matrix the participant fills in: the goal's criteria, a criterion's sub-criteria, or the options under a leaf. */
export type ComparisonNode = {
  key: string;
  kind: 'criteria' | 'alternatives';
  /** The criterion whose children (or options) are compared; null for the goal. */
  parent: Element | null;
  elements: Element[];
};

export type Step =
  | { kind: 'profile'; id: 'profile' }
  | { kind: 'pair'; id: string; node: ComparisonNode; i: number; j: number; pairIndex: number; pairCount: number }
  | { kind: 'ratings'; id: string; criterion: Element; alternatives: Element[] }
  | { kind: 'result'; id: 'result' };

type CriterionData = SessionData['model']['criteria'][number];

function toElement(item: { key: string; name: LocalizedName; description: LocalizedName }): Element {
  return { key: item.key, name: item.name, description: item.description };
}

/** The pairs of a node in the order they are asked: (0,1), (0,2), … (1,2), … */
export function pairsOf(node: ComparisonNode): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < node.elements.length; i++) for (let j = i + 1; j < node.elements.length; j++) pairs.push([i, j]);
  return pairs;
}

/** Where an answer of a pair is kept: elements in the node's order, so `position > 0` favours the first. */
export function pairId(nodeKey: string, a: string, b: string): string {
  return `${nodeKey}|${a}|${b}`;
}

export function ratingId(criterionKey: string, alternativeKey: string): string {
  return `${criterionKey}|${alternativeKey}`;
}

/**
 * The comparison nodes in the order a person answers them: the goal, then every criterion with sub-criteria
 * (depth first, as the tree reads), then (when options are compared pairwise) the options under each leaf criterion.
 */
export function buildNodes(model: SessionData['model'], scoring: 'pairwise' | 'ratings') {
  const criteriaNodes: ComparisonNode[] = [
    { key: GOAL_NODE, kind: 'criteria', parent: null, elements: model.criteria.map(toElement) },
  ];
  const leaves: Element[] = [];
  const visit = (list: CriterionData[]) => {
    for (const criterion of list) {
      if (criterion.children.length > 0) {
        criteriaNodes.push({
          key: criterion.key,
          kind: 'criteria',
          parent: toElement(criterion),
          elements: criterion.children.map(toElement),
        });
        visit(criterion.children);
      } else {
        leaves.push(toElement(criterion));
      }
    }
  };
  visit(model.criteria);
  const alternatives = model.alternatives.map(toElement);
  const alternativeNodes: ComparisonNode[] =
    scoring === 'pairwise'
      ? leaves.map((leaf) => ({ key: leaf.key, kind: 'alternatives', parent: leaf, elements: alternatives }))
      : [];
  return { pairwiseNodes: [...criteriaNodes, ...alternativeNodes], leaves, alternatives };
}

export function buildSteps(
  nodes: ReturnType<typeof buildNodes>,
  scoring: 'pairwise' | 'ratings',
): Step[] {
  const steps: Step[] = [{ kind: 'profile', id: 'profile' }];
  const pairStepsOf = (node: ComparisonNode): Step[] => {
    const pairs = pairsOf(node);
    return pairs.map(([i, j], pairIndex) => ({
      kind: 'pair',
      id: pairId(node.key, node.elements[i]!.key, node.elements[j]!.key),
      node,
      i,
      j,
      pairIndex,
      pairCount: pairs.length,
    }));
  };
  for (const node of nodes.pairwiseNodes) {
    if (node.kind === 'criteria') steps.push(...pairStepsOf(node));
  }
  if (scoring === 'ratings') {
    if (nodes.alternatives.length > 0) {
      for (const leaf of nodes.leaves) {
        steps.push({ kind: 'ratings', id: `ratings|${leaf.key}`, criterion: leaf, alternatives: nodes.alternatives });
      }
    }
  } else {
    for (const node of nodes.pairwiseNodes) {
      if (node.kind === 'alternatives') steps.push(...pairStepsOf(node));
    }
  }
  steps.push({ kind: 'result', id: 'result' });
  return steps;
}

export function nodeOfStep(step: Step | undefined): ComparisonNode | null {
  return step?.kind === 'pair' ? step.node : null;
}
