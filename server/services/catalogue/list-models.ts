import 'server-only';
import { asc } from 'drizzle-orm';
import type { CriterionTemplate } from '~/core/contracts/model';
import { decisionModels } from '~/db/schema';
import type { ServiceArgs, ServiceContext } from '../context';

const countCriteria = (nodes: CriterionTemplate[]): number =>
  nodes.reduce((sum, node) => sum + 1 + countCriteria(node.children ?? []), 0);

/** The seeded decision models a session can start from, newest version of each first. */
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
      criteriaCount: countCriteria(row.template.criteria),
      strategies: row.template.strategies.map((s) => ({ key: s.key, name: s.name })),
    }));
}
