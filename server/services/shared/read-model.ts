import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { measures } from '~/db/schema';
import { type CriterionElement, type SessionModel, loadModel } from './session-model';
import type { CriterionSpec, ModelSpec } from './insert-model';

function toSpec(node: CriterionElement): CriterionSpec {
  return { key: node.key, name: node.name, description: node.description, children: node.children.map(toSpec) };
}

/** A session's model as a spec that insertModel can write into another session. */
export async function readModel(db: Db, sessionId: string): Promise<{ spec: ModelSpec; model: SessionModel }> {
  const [model, measureRows] = await Promise.all([
    loadModel(db, sessionId),
    db.select().from(measures).where(eq(measures.sessionId, sessionId)),
  ]);
  const spec: ModelSpec = {
    criteria: model.roots.map(toSpec),
    alternatives: model.alternatives.map((a) => ({ key: a.key, name: a.name, description: a.description })),
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
  return { spec, model };
}
