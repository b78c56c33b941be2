import 'server-only';
import { asc } from 'drizzle-orm';
import { isSavedTemplate } from '~/core/contracts/templates';
import { decisionModels } from '~/db/schema';
import type { ServiceArgs, ServiceContext } from '../context';
import { countTemplateCriteria } from '../shared/reference-data';

/**
 * The decision models a session can start from, newest version of each first: the seeded ones, and the templates
 * facilitators saved from their sessions (`origin: 'saved'`, with when they were saved).
 */
export async function listModels({ ctx }: ServiceArgs<ServiceContext, void>) {
  const rows = await ctx.db.select().from(decisionModels).orderBy(asc(decisionModels.key), asc(decisionModels.version));
  return rows
    .sort((a, b) => (a.key === b.key ? b.version - a.version : a.key < b.key ? -1 : 1))
    .map((row) => ({
      key: row.key,
      version: row.version,
      name: row.template.name,
      description: row.template.description,
      goal: row.template.goal,
      criteriaCount: countTemplateCriteria(row.template.criteria),
      strategies: row.template.strategies.map((s) => ({ key: s.key, name: s.name })),
      measureCount: isSavedTemplate(row.template) ? row.template.measures.length : null,
      origin: row.origin,
      savedAt: row.origin === 'saved' ? row.seededAt : null,
    }));
}
