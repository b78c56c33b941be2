import 'server-only';
import { randomUUID } from 'node:crypto';
import type { ElementDescription, ElementName } from '~/core/contracts/model-edits';
import type { Db } from '~/db/client';
import { alternatives, criteria, measures } from '~/db/schema';

export type CriterionSpec = {
  key: string;
  name: ElementName;
  description: ElementDescription;
  children?: CriterionSpec[];
};

export type MeasureSpec = {
  key: string;
  origin: 'catalogue' | 'custom';
  family: string;
  name: ElementName;
  rationale: ElementDescription;
  criteria: string[];
  answersWeaknesses: string[];
  servesPriorities: string[];
  strategyFit: Record<string, number>;
};

export type ModelSpec = {
  criteria: CriterionSpec[];
  alternatives: Array<{ key: string; name: ElementName; description: ElementDescription }>;
  measures: MeasureSpec[];
};

/** Writes a whole model into a new session: created from a template, duplicated or imported. */
export async function insertModel(tx: Db, sessionId: string, spec: ModelSpec): Promise<void> {
  const criterionRows: Array<typeof criteria.$inferInsert> = [];
  const walk = (nodes: CriterionSpec[], parentId: string | null) => {
    nodes.forEach((node, position) => {
      const id = randomUUID();
      criterionRows.push({ id, sessionId, parentId, key: node.key, name: node.name, description: node.description, position });
      walk(node.children ?? [], id);
    });
  };
  walk(spec.criteria, null);
  if (criterionRows.length > 0) await tx.insert(criteria).values(criterionRows);
  if (spec.alternatives.length > 0) {
    await tx.insert(alternatives).values(spec.alternatives.map((a, position) => ({ sessionId, ...a, position })));
  }
  if (spec.measures.length > 0) {
    await tx.insert(measures).values(spec.measures.map((m, position) => ({ sessionId, ...m, position })));
  }
}
