import 'server-only';
import { withShownNameInDetails, withShownNames } from '~/server/services/shared/participant-names';
import { asc, eq } from 'drizzle-orm';
import type { RatingIntensity } from '~/core/contracts/ratings';
import type { SessionRef } from '~/core/contracts/session';
import { SESSION_EXPORT_FORMAT, type SessionExport } from '~/core/contracts/session-export';
import { auditLog, clusterProfiles, participants, results, workshopRounds } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { loadAnswerRows } from '../shared/load-answers';
import { loadComments } from '../shared/load-comments';
import { readModel } from '../shared/read-model';
import { findSession } from '../shared/session-state';
import { participantNumber, upgradeStoredResult } from '~/core/model';

const SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;
const iso = (date: Date) => date.toISOString();
/** Code-unit order, the same on every machine (localeCompare is not). */
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The whole session as one JSON document (see SessionExport). Read in one repeatable-read transaction, so on
 * PostgreSQL too every table is read at the same instant, and ordered deterministically so exporting an
 * imported copy gives the same document.
 */
export async function exportSession({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>): Promise<SessionExport> {
  return ctx.db.transaction(async (tx) => {
    const sessionId = ctx.access.sessionId;
    const session = await findSession(tx, sessionId);
    const { spec, model } = await readModel(tx, sessionId);
    const [profile] = await tx.select().from(clusterProfiles).where(eq(clusterProfiles.sessionId, sessionId));
    const participantRows = await withShownNames(await tx.select().from(participants).where(eq(participants.sessionId, sessionId)), session);
    const rows = await loadAnswerRows(tx, { sessionId });
    const commentRows = await loadComments(tx, model, { sessionId });
    const roundRows = await tx
      .select()
      .from(workshopRounds)
      .where(eq(workshopRounds.sessionId, sessionId))
      .orderBy(asc(workshopRounds.number));
    const resultRows = await tx
      .select()
      .from(results)
      .where(eq(results.sessionId, sessionId))
      .orderBy(asc(results.computedAt));
    const auditRows = await tx
      .select()
      .from(auditLog)
      .where(eq(auditLog.sessionId, sessionId))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.sessionVersion));
    return {
      format: SESSION_EXPORT_FORMAT,
      formatVersion: 2,
      exportedAt: new Date().toISOString(),
      session: {
        title: session.title,
        region: session.region,
        cluster: session.cluster,
        question: session.question,
        locale: session.locale as SessionExport['session']['locale'],
        status: session.status,
        modelKey: session.modelKey,
        modelVersion: session.modelVersion,
        catalogueVersion: session.catalogueVersion,
        methodSettings: session.methodSettings,
        alternativeScoring: session.alternativeScoring,
        participantResults: session.participantResults,
        participantNames: session.participantNames,
        maxParticipants: session.maxParticipants,
        stakeholderWeights: session.stakeholderWeights,
        maxCr: session.maxCr,
        version: session.version,
        participantSeq: session.participantSeq,
        createdAt: iso(session.createdAt),
        updatedAt: iso(session.updatedAt),
        closedAt: session.closedAt ? iso(session.closedAt) : null,
      },
      model: {
        goal: session.goal,
        criteria: spec.criteria.map(function withChildren(c): SessionExport['model']['criteria'][number] {
          return { key: c.key, name: c.name, description: c.description, children: (c.children ?? []).map(withChildren) };
        }),
        alternatives: spec.alternatives,
        measures: spec.measures,
      },
      profile: profile
        ? {
            definitionVersion: profile.definitionVersion,
            ratings: profile.ratings,
            regionalPriorities: profile.regionalPriorities,
            updatedAt: iso(profile.updatedAt),
          }
        : null,
      participants: participantRows
        .sort((a, b) => participantNumber(a.key) - participantNumber(b.key))
        .map((p) => {
          return {
            key: p.key,
            displayName: p.displayName,
            stakeholderGroup: p.stakeholderGroup,
            weight: p.weight,
            isIncluded: p.isIncluded,
            joinedAt: iso(p.joinedAt),
            lastAnswerAt: p.lastAnswerAt ? iso(p.lastAnswerAt) : null,
            judgments: rows.judgments
              .filter((j) => j.participantId === p.id)
              .sort((x, y) => x.round - y.round || compare(x.nodeKey, y.nodeKey) || compare(x.pairKey, y.pairKey))
              .map((j) => ({
                nodeKey: j.nodeKey,
                a: j.aKey,
                b: j.bKey,
                position: j.position,
                round: j.round,
                answeredAt: iso(j.answeredAt),
              })),
            ratings: rows.ratings
              .filter((r) => r.participantId === p.id)
              .sort(
                (x, y) => x.round - y.round || compare(x.criterionKey, y.criterionKey) || compare(x.alternativeKey, y.alternativeKey),
              )
              .map((r) => ({
                criterionKey: r.criterionKey,
                alternativeKey: r.alternativeKey,
                intensity: r.intensity as RatingIntensity,
                round: r.round,
                answeredAt: iso(r.answeredAt),
              })),
            comments: commentRows
              .filter((c) => c.participantId === p.id)
              .map((c) => ({ nodeKey: c.nodeKey, a: c.aKey, b: c.bKey, text: c.text, updatedAt: iso(c.updatedAt) })),
          };
        }),
      results: resultRows.map((r) => ({
        ...upgradeStoredResult({ result: r.result, coverage: r.coverage, maxCr: r.settings.maxCr }),
        scope: r.scope,
        participantKey: r.participantKey,
        settings: r.settings,
        sessionVersion: r.sessionVersion,
        computedAt: iso(r.computedAt),
        round: r.round,
      })),
      rounds: roundRows.map((r) => ({
        number: r.number,
        status: r.status,
        nodeKeys: r.nodeKeys,
        openedAt: iso(r.openedAt),
        closedAt: r.closedAt ? iso(r.closedAt) : null,
        resultError: r.resultError,
      })),
      auditLog: (await withShownNameInDetails(auditRows, session)).map((a) => ({
        actor: a.actor,
        action: a.action,
        detail: a.detail,
        sessionVersion: a.sessionVersion,
        createdAt: iso(a.createdAt),
      })),
    };
  }, SNAPSHOT);
}
