import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { SavedModelTemplate, type SaveModelTemplateInput } from '~/core/contracts/templates';
import { auditLog, decisionModels } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { deriveKey } from '~/core/model';
import type { CriterionSpec } from '../shared/insert-model';
import { readModel } from '../shared/read-model';
import { shareLockSession } from '../shared/session-state';

type SavedCriterion = SavedModelTemplate['criteria'][number];

function withChildren(node: CriterionSpec): SavedCriterion {
  return { key: node.key, name: node.name, description: node.description, children: (node.children ?? []).map(withChildren) };
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Stores the session's model (goal, criteria tree, strategies and measures, texts as typed) as a new decision
 * model that any later session of this installation can start from. The session itself does not change, so its
 * version stays; the audit log notes the save. A name another model already has is refused, so the list of
 * templates never shows two alike.
 */
export async function saveModelTemplate({ ctx, input }: ServiceArgs<FacilitatorContext, SaveModelTemplateInput>) {
  return ctx.db.transaction(async (tx) => {
    const session = await shareLockSession(tx, ctx.access.sessionId);
    const { spec } = await readModel(tx, session.id);
    if (spec.criteria.length === 0) {
      throw new AppError('INVALID_INPUT', 'The model has no criteria yet, so there is nothing to save as a template.', {
        field: 'sessionId',
      });
    }
    const existing = await tx.select({ key: decisionModels.key, template: decisionModels.template }).from(decisionModels);
    const clash = existing.find((row) => Object.values(row.template.name).some((text) => text && sameName(text, input.name)));
    if (clash) {
      throw new AppError('CONFLICT', `A model called "${input.name}" already exists; choose another name.`, { field: 'name' });
    }
    const key = deriveKey({ en: `saved ${input.name}` }, new Set(existing.map((row) => row.key)), 'saved-model');
    const template = SavedModelTemplate.parse({
      key,
      version: 1,
      name: { [input.locale]: input.name },
      description: input.description ? { [input.locale]: input.description } : {},
      goal: session.goal,
      criteria: spec.criteria.map(withChildren),
      strategies: spec.alternatives,
      measures: spec.measures,
      catalogueVersion: session.catalogueVersion,
    });
    const [row] = await tx
      .insert(decisionModels)
      .values({ key, version: 1, template, origin: 'saved', sourceSessionId: session.id })
      .onConflictDoNothing()
      .returning({ key: decisionModels.key, version: decisionModels.version, savedAt: decisionModels.seededAt });
    // Two saves racing for the same derived key: the second is asked to try again rather than overwrite.
    if (!row) throw new AppError('CONFLICT', 'Another template was saved under this name at the same moment; try again.', { field: 'name' });
    await tx.insert(auditLog).values({
      sessionId: session.id,
      actor: 'facilitator',
      action: 'model.savedAsTemplate' satisfies AuditAction,
      detail: { templateKey: key, name: input.name },
      sessionVersion: session.version,
    });
    return { key: row.key, version: row.version, name: template.name, savedAt: row.savedAt };
  });
}
