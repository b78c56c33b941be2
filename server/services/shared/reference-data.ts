import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { MeasureCatalogue } from '~/core/contracts/catalogue';
import type { DecisionModelTemplate } from '~/core/contracts/model';
import type { ClusterProfileDefinition } from '~/core/contracts/profile';
import type { StoredModelTemplate } from '~/core/contracts/templates';
import type { Db } from '~/db/client';
import { decisionModels, measureCatalogues, profileDefinitions } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { CriterionSpec, MeasureSpec } from './insert-model';

export async function getModelTemplate(db: Db, key: string, version?: number): Promise<StoredModelTemplate> {
  const [row] = await db
    .select({ template: decisionModels.template })
    .from(decisionModels)
    .where(version ? and(eq(decisionModels.key, key), eq(decisionModels.version, version)) : eq(decisionModels.key, key))
    .orderBy(desc(decisionModels.version))
    .limit(1);
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no decision model "${key}"${version ? ` version ${version}` : ''}.`, {
      field: version ? 'modelVersion' : 'modelKey',
    });
  }
  return row.template;
}

export async function getLatestCatalogue(db: Db): Promise<MeasureCatalogue | null> {
  const [row] = await db
    .select({ catalogue: measureCatalogues.catalogue })
    .from(measureCatalogues)
    .orderBy(desc(measureCatalogues.version))
    .limit(1);
  return row?.catalogue ?? null;
}

export async function getProfileDefinition(db: Db, version?: number): Promise<ClusterProfileDefinition | null> {
  const [row] = await db
    .select({ definition: profileDefinitions.definition })
    .from(profileDefinitions)
    .where(version ? eq(profileDefinitions.version, version) : undefined)
    .orderBy(desc(profileDefinitions.version))
    .limit(1);
  return row?.definition ?? null;
}

/** A criterion of a seed template (children optional) or of a saved one (children always listed). */
type TemplateCriterion = Omit<CriterionSpec, 'children'> & { children?: TemplateCriterion[] };

export function templateCriteria(nodes: TemplateCriterion[]): CriterionSpec[] {
  return nodes.map((node) => ({
    key: node.key,
    name: node.name,
    description: node.description,
    children: templateCriteria(node.children ?? []),
  }));
}

export function countTemplateCriteria(nodes: TemplateCriterion[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countTemplateCriteria(node.children ?? []), 0);
}

function criterionKeys(nodes: TemplateCriterion[]): string[] {
  return nodes.flatMap((node) => [node.key, ...criterionKeys(node.children ?? [])]);
}

/**
 * The catalogue measures that serve at least one criterion of the model, with their criteria and strategy
 * fits narrowed to the model's own keys (the catalogue is written against the default model).
 */
export function catalogueMeasuresFor(template: DecisionModelTemplate, catalogue: MeasureCatalogue): MeasureSpec[] {
  const modelCriteria = new Set(criterionKeys(template.criteria));
  const strategies = new Set(template.strategies.map((s) => s.key));
  return catalogue.measures
    .map((measure) => ({ measure, served: measure.criteria.filter((key) => modelCriteria.has(key)) }))
    .filter(({ served }) => served.length > 0)
    .map(({ measure, served }) => ({
      key: measure.key,
      origin: 'catalogue' as const,
      family: measure.family,
      name: measure.name,
      rationale: measure.rationale,
      criteria: served,
      answersWeaknesses: measure.answersWeaknesses,
      servesPriorities: measure.servesPriorities,
      strategyFit: Object.fromEntries(Object.entries(measure.strategyFit).filter(([key]) => strategies.has(key))),
    }));
}
