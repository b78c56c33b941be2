import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import type { CreateSessionInput } from '~/core/contracts/session';
import { isSavedTemplate } from '~/core/contracts/templates';
import { auditLog, sessions } from '~/db/schema';
import { type SessionLinks, issueSessionLinks } from '../access/issue-session-links';
import type { ServiceArgs, ServiceContext } from '../context';
import { insertModel } from '../shared/insert-model';
import { catalogueMeasuresFor, getLatestCatalogue, getModelTemplate, templateCriteria } from '../shared/reference-data';

/**
 * Creates a draft session from a seeded model (and the measures of the newest catalogue that serve it), or from a
 * template saved from another session, whose own measures are part of the model it carries.
 */
export async function createSession({
  ctx,
  input,
}: ServiceArgs<ServiceContext, CreateSessionInput>): Promise<SessionLinks & { version: number }> {
  const template = await getModelTemplate(ctx.db, input.modelKey, input.modelVersion);
  const saved = isSavedTemplate(template) ? template : null;
  const catalogue = input.includeCatalogueMeasures && !saved ? await getLatestCatalogue(ctx.db) : null;
  const catalogueVersion = saved ? saved.catalogueVersion : (catalogue?.version ?? null);
  return ctx.db.transaction(async (tx) => {
    const [session] = await tx
      .insert(sessions)
      .values({
        title: input.title,
        region: input.region,
        cluster: input.cluster,
        question: input.question,
        locale: input.locale,
        goal: template.goal,
        modelKey: template.key,
        modelVersion: template.version,
        catalogueVersion,
        methodSettings: input.methodSettings,
        alternativeScoring: input.alternativeScoring,
        participantResults: input.participantResults,
        participantNames: input.participantNames,
        maxParticipants: input.maxParticipants,
        stakeholderWeights: input.stakeholderWeights,
        maxCr: input.maxCr,
      })
      .returning({ id: sessions.id, version: sessions.version });
    if (!session) throw new Error('inserting a session returned no row');
    await insertModel(tx, session.id, {
      criteria: templateCriteria(template.criteria),
      alternatives: template.strategies.map((s) => ({ key: s.key, name: s.name, description: s.description })),
      measures: saved ? saved.measures : catalogue && !isSavedTemplate(template) ? catalogueMeasuresFor(template, catalogue) : [],
    });
    await tx.insert(auditLog).values({
      sessionId: session.id,
      actor: 'facilitator',
      action: 'session.created' satisfies AuditAction,
      detail: { modelKey: template.key, modelVersion: template.version, catalogueVersion },
      sessionVersion: session.version,
    });
    const links = await issueSessionLinks(tx, session.id);
    return { ...links, version: session.version };
  });
}
