import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { measures } from '~/db/schema';
import { type CriterionNode, type Hierarchy, loadHierarchy } from './hierarchy';
import type { CriterionSpec, ModelSpec } from './insert-model';

function toSpec(node: CriterionNode): CriterionSpec {
  return { key: node.key, name: node.name, description: node.description, children: node.children.map(toSpec) };
}

/** A session's model as a spec that insertModel can write into another session. */
export async function readModel(db: Db, sessionId: string): Promise<{ spec: ModelSpec; hierarchy: Hierarchy }> {
  const [hierarchy, measureRows] = await Promise.all([
    loadHierarchy(db, sessionId),
    db.select().from(measures).where(eq(measures.sessionId, sessionId)),
  ]);
  const spec: ModelSpec = {
    criteria: hierarchy.roots.map(toSpec),
    alternatives: hierarchy.alternatives.map((a) => ({ key: a.key, name: a.name, description: a.description })),
    measures: [...measureRows]
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        key: m.key,
        origin: m.origin,
        family: m.family,
        name: m.name,
        rationale: m.rationale,
        criteria: m.criteria,
        answersWeaknesses: m.answersWeaknesses,
        servesPriorities: m.servesPriorities,
        strategyFit: m.strategyFit,
      })),
  };
  return { spec, hierarchy };
}
