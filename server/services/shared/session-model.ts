import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { type DecisionModel, buildDecisionModel } from '~/core/model';
import type { Db } from '~/db/client';
import { type AlternativeRow, type CriterionRow, type SessionRow, alternatives, criteria } from '~/db/schema';

/** A criterion row with its sub-criteria, as the model's spec carries it (ids, names and positions at hand). */
export type CriterionElement = CriterionRow & { children: CriterionElement[] };

/** A session's decision model (core/model), its elements the session's own rows. */
export type SessionModel = DecisionModel<CriterionElement, AlternativeRow>;

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;

/** The model of flat rows in any order: the tree from `parentId`, siblings and strategies by position. */
function modelFromRows(criterionRows: readonly CriterionRow[], alternativeRows: readonly AlternativeRow[]): SessionModel {
  const byId = new Map<string, CriterionElement>(criterionRows.map((row) => [row.id, { ...row, children: [] }]));
  const roots: CriterionElement[] = [];
  for (const element of byId.values()) {
    const parent = element.parentId ? byId.get(element.parentId) : undefined;
    (parent ? parent.children : roots).push(element);
  }
  for (const element of byId.values()) element.children.sort(byPosition);
  return buildDecisionModel({ criteria: roots.sort(byPosition), alternatives: [...alternativeRows].sort(byPosition) });
}

export async function loadModel(db: Db, sessionId: string): Promise<SessionModel> {
  const criterionRows = await db.select().from(criteria).where(eq(criteria.sessionId, sessionId)).orderBy(asc(criteria.position));
  const alternativeRows = await db.select().from(alternatives).where(eq(alternatives.sessionId, sessionId)).orderBy(asc(alternatives.position));
  return modelFromRows(criterionRows, alternativeRows);
}

/** Models by session id, with the session version they belong to; the oldest is dropped past the cap. */
const modelsByVersion = new Map<string, { version: number; model: SessionModel }>();
const MAX_CACHED_MODELS = 1000;

/**
 * The model of `session` at its `version`, read once per version and process. Every change of a session's criteria
 * or strategies increments its version in the same transaction (shared/edit-model.ts), so a version names one
 * model; answers and live views, many a second in a workshop, need not read it again each time. Only for callers
 * that read the model without changing it in the same transaction (a model edit reads it with loadModel), and the
 * result is shared: never modify it.
 */
export async function loadModelAt(db: Db, session: Pick<SessionRow, 'id' | 'version'>): Promise<SessionModel> {
  const cached = modelsByVersion.get(session.id);
  if (cached?.version === session.version) return cached.model;
  const model = await loadModel(db, session.id);
  modelsByVersion.delete(session.id);
  if (modelsByVersion.size >= MAX_CACHED_MODELS) modelsByVersion.delete(modelsByVersion.keys().next().value!);
  modelsByVersion.set(session.id, { version: session.version, model });
  return model;
}
