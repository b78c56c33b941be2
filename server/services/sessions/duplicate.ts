import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { eq } from 'drizzle-orm';
import { type DuplicateSessionInput, SESSION_TITLE_MAX } from '~/core/contracts/session';
import { auditLog, clusterProfiles, sessions } from '~/db/schema';
import { type SessionLinks, issueSessionLinks } from '../access/issue-session-links';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { insertModel } from '../shared/insert-model';
import { readModel } from '../shared/read-model';
import { shareLockSession } from '../shared/session-state';

const COPY_SUFFIX = ' (copy)';

/**
 * A new draft session with the same details, settings, model and cluster profile, and new links; participants,
 * answers and results stay with the original.
 */
export async function duplicateSession({
  ctx,
  input,
}: ServiceArgs<FacilitatorContext, DuplicateSessionInput>): Promise<SessionLinks & { version: number }> {
  return ctx.db.transaction(async (tx) => {
    const source = await shareLockSession(tx, ctx.access.sessionId);
    const { spec } = await readModel(tx, source.id);
    const title = input.title ?? `${source.title.slice(0, SESSION_TITLE_MAX - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
    const [copy] = await tx
      .insert(sessions)
      .values({
        title,
        region: source.region,
        cluster: source.cluster,
        question: source.question,
        locale: source.locale,
        goal: source.goal,
        modelKey: source.modelKey,
        modelVersion: source.modelVersion,
        catalogueVersion: source.catalogueVersion,
        methodSettings: source.methodSettings,
        alternativeScoring: source.alternativeScoring,
        participantResults: source.participantResults,
        participantNames: source.participantNames,
        maxParticipants: source.maxParticipants,
        stakeholderWeights: source.stakeholderWeights,
        maxCr: source.maxCr,
      })
      .returning({ id: sessions.id, version: sessions.version });
    if (!copy) throw new Error('inserting a session returned no row');
    await insertModel(tx, copy.id, spec);
    const [profile] = await tx.select().from(clusterProfiles).where(eq(clusterProfiles.sessionId, source.id));
    if (profile) await tx.insert(clusterProfiles).values({ ...profile, sessionId: copy.id, updatedAt: new Date() });
    await tx.insert(auditLog).values({
      sessionId: copy.id,
      actor: 'facilitator',
      action: 'session.duplicated' satisfies AuditAction,
      detail: { fromSessionId: source.id, fromVersion: source.version },
      sessionVersion: copy.version,
    });
    const links = await issueSessionLinks(tx, copy.id);
    return { ...links, version: copy.version };
  });
}
