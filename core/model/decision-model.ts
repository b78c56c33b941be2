/**
 * The decision model: the goal, the criteria tree and the alternatives (the regulation strategies), and the
 * comparison nodes a participant answers, in the one canonical order every surface uses. Built from a plain spec,
 * so the server (from its rows), the browser (from `session.get`), an import (from its file) and the engine's
 * problem all see the same nodes. Pure: no zod, no I/O.
 */

/** The root of every hierarchy: its node compares the top-level criteria. No criterion may take this key. */
export const GOAL_NODE_ID = 'goal';

export type ElementSpec = { readonly key: string };
/** A criterion of a spec: its key and sub-criteria, plus whatever the caller carries (names, descriptions, rows). */
export type CriterionShape<C> = ElementSpec & { readonly children: readonly C[] };

export type ModelSpec<C extends CriterionShape<C>, A extends ElementSpec> = {
  readonly criteria: readonly C[];
  readonly alternatives: readonly A[];
};

export type ModelCriterion<C> = {
  readonly key: string;
  /** The caller's own object for this criterion. */
  readonly spec: C;
  /** 1 for a criterion directly under the goal. */
  readonly depth: number;
  /** The node this criterion is compared in: GOAL_NODE_ID for the top level. */
  readonly parentKey: string;
  /** Keys of the criterion and of every criterion above it, the top level first. */
  readonly path: readonly string[];
  readonly childKeys: readonly string[];
  readonly isLeaf: boolean;
};

/** The goal's or a criterion's sub-criteria, compared with each other. */
export type CriteriaNode<C> = {
  readonly key: string;
  readonly kind: 'criteria';
  /** The criterion whose children are compared; null for the goal. */
  readonly criterion: ModelCriterion<C> | null;
  readonly elements: readonly C[];
  readonly elementKeys: readonly string[];
};

/** A leaf criterion: the alternatives are compared (or rated) with respect to it. */
export type AlternativesNode<C, A> = {
  readonly key: string;
  readonly kind: 'alternatives';
  readonly criterion: ModelCriterion<C>;
  readonly elements: readonly A[];
  readonly elementKeys: readonly string[];
};

export type ComparisonNode<C = CriterionShape<unknown>, A = ElementSpec> = CriteriaNode<C> | AlternativesNode<C, A>;

export type DecisionModel<C extends CriterionShape<C> = AnyCriterion, A extends ElementSpec = ElementSpec> = {
  readonly goalId: typeof GOAL_NODE_ID;
  /** The top-level criteria as given. */
  readonly roots: readonly C[];
  /** Every criterion in reading order (pre-order: a criterion, then its sub-criteria). */
  readonly criteria: readonly ModelCriterion<C>[];
  readonly alternatives: readonly A[];
  readonly alternativeKeys: readonly string[];
  /**
   * Every comparison node in canonical order: the goal, the criteria nodes in reading order, then the leaf
   * criteria (where the alternatives are scored) in reading order. Questionnaires, workshop agendas, progress,
   * consistency tables and exports all list nodes in this order.
   */
  readonly nodes: readonly ComparisonNode<C, A>[];
  /** Keys of the leaf criteria in reading order. */
  readonly leafKeys: readonly string[];
  criterion(key: string): ModelCriterion<C> | undefined;
  node(key: string): ComparisonNode<C, A> | undefined;
  alternative(key: string): A | undefined;
  /** The position of a node in `nodes`, for sorting; nodes the model lacks sort last. */
  nodeOrder(key: string): number;
};

export type AnyCriterion = { readonly key: string; readonly children: readonly AnyCriterion[] };

export class ModelSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelSpecError';
  }
}

/**
 * Builds the model from a spec whose keys are unique across criteria and alternatives and never GOAL_NODE_ID
 * (the contracts and the database guarantee both; `findModelSpecIssues` reports them for untrusted input).
 * Throws ModelSpecError otherwise.
 */
export function buildDecisionModel<C extends CriterionShape<C>, A extends ElementSpec>(spec: ModelSpec<C, A>): DecisionModel<C, A> {
  const issues = findModelSpecIssues(spec);
  if (issues.length > 0) throw new ModelSpecError(issues.join('; '));
  const criteria: ModelCriterion<C>[] = [];
  const criteriaNodes: CriteriaNode<C>[] = [
    { key: GOAL_NODE_ID, kind: 'criteria', criterion: null, elements: spec.criteria, elementKeys: spec.criteria.map((c) => c.key) },
  ];
  const leaves: ModelCriterion<C>[] = [];
  const visit = (list: readonly C[], parentKey: string, path: readonly string[]) => {
    for (const item of list) {
      const own: ModelCriterion<C> = {
        key: item.key,
        spec: item,
        depth: path.length + 1,
        parentKey,
        path: [...path, item.key],
        childKeys: item.children.map((child) => child.key),
        isLeaf: item.children.length === 0,
      };
      criteria.push(own);
      if (own.isLeaf) {
        leaves.push(own);
      } else {
        criteriaNodes.push({ key: item.key, kind: 'criteria', criterion: own, elements: item.children, elementKeys: own.childKeys });
      }
      visit(item.children, item.key, own.path);
    }
  };
  visit(spec.criteria, GOAL_NODE_ID, []);
  const alternativeKeys = spec.alternatives.map((a) => a.key);
  const alternativeNodes: AlternativesNode<C, A>[] = leaves.map((leaf) => ({
    key: leaf.key,
    kind: 'alternatives',
    criterion: leaf,
    elements: spec.alternatives,
    elementKeys: alternativeKeys,
  }));
  const nodes: ComparisonNode<C, A>[] = [...criteriaNodes, ...alternativeNodes];
  const criterionByKey = new Map(criteria.map((c) => [c.key, c]));
  const nodeById = new Map(nodes.map((n) => [n.key, n]));
  const orderOf = new Map(nodes.map((n, index) => [n.key, index]));
  const alternativeByKey = new Map(spec.alternatives.map((a) => [a.key, a]));
  return {
    goalId: GOAL_NODE_ID,
    roots: spec.criteria,
    criteria,
    alternatives: spec.alternatives,
    alternativeKeys,
    nodes,
    leafKeys: leaves.map((leaf) => leaf.key),
    criterion: (key) => criterionByKey.get(key),
    node: (key) => nodeById.get(key),
    alternative: (key) => alternativeByKey.get(key),
    nodeOrder: (key) => orderOf.get(key) ?? nodes.length,
  };
}

/** What makes a spec unusable as a model, each as a sentence naming the key; empty when it is fine. */
export function findModelSpecIssues(spec: { readonly criteria: readonly AnyCriterion[]; readonly alternatives: readonly ElementSpec[] }): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  const note = (key: string, what: string) => {
    if (key === GOAL_NODE_ID) issues.push(`"${GOAL_NODE_ID}" is reserved for the root of the hierarchy (${what})`);
    else if (seen.has(key)) issues.push(`"${key}" is used more than once (${what})`);
    seen.add(key);
  };
  const visit = (list: readonly AnyCriterion[]) => {
    for (const item of list) {
      note(item.key, 'criterion');
      visit(item.children);
    }
  };
  visit(spec.criteria);
  for (const alternative of spec.alternatives) note(alternative.key, 'alternative');
  return issues;
}

/** The keys of a criterion and of everything under it, in reading order. */
export function subtreeKeys(model: DecisionModel, key: string): string[] {
  const own = model.criterion(key);
  if (!own) return [];
  return [key, ...own.childKeys.flatMap((child) => subtreeKeys(model, child))];
}

/** Levels from this criterion down to its deepest leaf: 1 for a leaf. */
export function subtreeHeight(model: DecisionModel, key: string): number {
  const own = model.criterion(key);
  if (!own) return 0;
  return 1 + Math.max(0, ...own.childKeys.map((child) => subtreeHeight(model, child)));
}
