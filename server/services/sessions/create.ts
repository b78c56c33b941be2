import 'server-only';
import type { CreateSessionInput } from '~/core/contracts/session';
import { auditLog, sessions } from '~/db/schema';
import { type SessionLinks, issueSessionLinks } from '../access/issue-session-links';
import type { ServiceArgs, ServiceContext } from '../context';
import { insertModel } from '../shared/insert-model';
import { catalogueMeasuresFor, getLatestCatalogue, getModelTemplate, templateCriteria } from '../shared/reference-data';

/** Creates a draft session from a seeded model (and the measures of the newest catalogue that serve it). */
export async function createSession({
  ctx,
  input,
}: ServiceArgs<ServiceContext, CreateSessionInput>): Promise<SessionLinks & { version: number }> {
  const template = await getModelTemplate(ctx.db, input.modelKey, input.modelVersion);
  const catalogue = input.includeCatalogueMeasures ? await getLatestCatalogue(ctx.db) : null;
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
        catalogueVersion: catalogue?.version ?? null,
        methodSettings: input.methodSettings,
        alternativeScoring: input.alternativeScoring,
        participantResults: input.participantResults,
        maxParticipants: input.maxParticipants,
        stakeholderWeights: input.stakeholderWeights,
        maxCr: input.maxCr,
      })
      .returning({ id: sessions.id, version: sessions.version });
    if (!session) throw new Error('inserting a session returned no row');
    await insertModel(tx, session.id, {
      criteria: templateCriteria(template.criteria),
      alternatives: template.strategies.map((s) => ({ key: s.key, name: s.name, description: s.description })),
      measures: catalogue ? catalogueMeasuresFor(template, catalogue) : [],
    });
    await tx.insert(auditLog).values({
      sessionId: session.id,
      actor: 'facilitator',
      action: 'session.created',
      detail: { modelKey: template.key, modelVersion: template.version, catalogueVersion: catalogue?.version ?? null },
      sessionVersion: session.version,
    });
    const links = await issueSessionLinks(tx, session.id);
    return { ...links, version: session.version };
  });
}
