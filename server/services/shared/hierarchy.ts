import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { GOAL_NODE } from '~/core/contracts/model-edits';
import type { Db } from '~/db/client';
import { type AlternativeRow, type CriterionRow, type SessionRow, alternatives, criteria } from '~/db/schema';

export type CriterionNode = CriterionRow & { depth: number; children: CriterionNode[] };

/** Where pairwise comparisons (or ratings) are asked: the goal and every criterion. */
export type ComparisonNode = {
  key: string;
  /** criteria: the node's sub-criteria are compared; alternatives: a leaf, the strategies are scored. */
  kind: 'criteria' | 'alternatives';
  elements: string[];
};

export type Hierarchy = {
  roots: CriterionNode[];
  criteriaByKey: Map<string, CriterionNode>;
  alternatives: AlternativeRow[];
  nodes: Map<string, ComparisonNode>;
  leafKeys: string[];
};

/** Builds the tree from flat rows (any order); siblings are ordered by position. */
export function buildHierarchy(criterionRows: CriterionRow[], alternativeRows: AlternativeRow[]): Hierarchy {
  const byId = new Map<string, CriterionNode>();
  for (const row of criterionRows) byId.set(row.id, { ...row, depth: 0, children: [] });
  const roots: CriterionNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
  const orderedAlternatives = [...alternativeRows].sort(byPosition);
  const alternativeKeys = orderedAlternatives.map((row) => row.key);
  const criteriaByKey = new Map<string, CriterionNode>();
  const nodes = new Map<string, ComparisonNode>();
  const leafKeys: string[] = [];
  const visit = (siblings: CriterionNode[], depth: number) => {
    siblings.sort(byPosition);
    for (const node of siblings) {
      node.depth = depth;
      criteriaByKey.set(node.key, node);
      if (node.children.length > 0) {
        nodes.set(node.key, { key: node.key, kind: 'criteria', elements: node.children.map((c) => c.key) });
        visit(node.children, depth + 1);
      } else {
        nodes.set(node.key, { key: node.key, kind: 'alternatives', elements: alternativeKeys });
        leafKeys.push(node.key);
      }
    }
  };
  visit(roots, 1);
  nodes.set(GOAL_NODE, { key: GOAL_NODE, kind: 'criteria', elements: roots.map((c) => c.key) });
  return { roots, criteriaByKey, alternatives: orderedAlternatives, nodes, leafKeys };
}

export async function loadHierarchy(db: Db, sessionId: string): Promise<Hierarchy> {
  const [criterionRows, alternativeRows] = await Promise.all([
    db.select().from(criteria).where(eq(criteria.sessionId, sessionId)).orderBy(asc(criteria.position)),
    db.select().from(alternatives).where(eq(alternatives.sessionId, sessionId)).orderBy(asc(alternatives.position)),
  ]);
  return buildHierarchy(criterionRows, alternativeRows);
}

/** Hierarchies by session id, with the session version they belong to; the oldest is dropped past the cap. */
const hierarchiesByVersion = new Map<string, { version: number; hierarchy: Hierarchy }>();
const MAX_CACHED_HIERARCHIES = 1000;

/**
 * The hierarchy of `session` at its `version`, read once per version and process. Every change of a session's
 * criteria or strategies increments its version in the same transaction (shared/edit-model.ts), so a version
 * names one hierarchy; answers and live views, many a second in a workshop, need not read it again each time.
 * Only for callers that read the model without changing it in the same transaction (a model edit reads it with
 * loadHierarchy), and the result is shared: never modify it.
 */
export async function loadHierarchyAt(db: Db, session: Pick<SessionRow, 'id' | 'version'>): Promise<Hierarchy> {
  const cached = hierarchiesByVersion.get(session.id);
  if (cached?.version === session.version) return cached.hierarchy;
  const hierarchy = await loadHierarchy(db, session.id);
  hierarchiesByVersion.delete(session.id);
  if (hierarchiesByVersion.size >= MAX_CACHED_HIERARCHIES) hierarchiesByVersion.delete(hierarchiesByVersion.keys().next().value!);
  hierarchiesByVersion.set(session.id, { version: session.version, hierarchy });
  return hierarchy;
}

/** The keys of a criterion and everything under it. */
export function subtreeKeys(node: CriterionNode): string[] {
  return [node.key, ...node.children.flatMap(subtreeKeys)];
}

/** Levels below and including `node`: 1 for a leaf. */
export function subtreeHeight(node: CriterionNode): number {
  return 1 + Math.max(0, ...node.children.map(subtreeHeight));
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** True when the judged pairs link every element of the node, which the incomplete-matrix methods need. */
export function isConnected(elements: string[], pairs: Array<[string, string]>): boolean {
  if (elements.length <= 1) return true;
  const parent = new Map(elements.map((e) => [e, e]));
  const find = (e: string): string => {
    let root = e;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(e, root);
    return root;
  };
  for (const [a, b] of pairs) {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  }
  const first = find(elements[0] as string);
  return elements.every((e) => find(e) === first);
}

type SpecCriterion = { key: string; children?: SpecCriterion[] };

/** The hierarchy a model spec would have once written, for checking an import before anything is stored. */
export function hierarchyFromSpec(spec: { criteria: SpecCriterion[]; alternatives: Array<{ key: string }> }): Hierarchy {
  const now = new Date();
  const criterionRows: CriterionRow[] = [];
  const walk = (nodes: SpecCriterion[], parentId: string | null) => {
    nodes.forEach((node, position) => {
      criterionRows.push({
        id: `criterion:${node.key}`,
        sessionId: '',
        parentId,
        key: node.key,
        name: {},
        description: {},
        position,
        createdAt: now,
        updatedAt: now,
      });
      walk(node.children ?? [], `criterion:${node.key}`);
    });
  };
  walk(spec.criteria, null);
  const alternativeRows: AlternativeRow[] = spec.alternatives.map((a, position) => ({
    id: `alternative:${a.key}`,
    sessionId: '',
    key: a.key,
    name: {},
    description: {},
    position,
    createdAt: now,
    updatedAt: now,
  }));
  return buildHierarchy(criterionRows, alternativeRows);
}
