import 'server-only';
import type { AuditAction } from '~/core/contracts/audit';
import { randomUUID } from 'node:crypto';
import { MAX_CRITERIA_PER_SESSION } from '~/core/contracts/model-edits';
import { SESSION_TITLE_MAX } from '~/core/contracts/session';
import type { ImportSessionInput, SessionExport } from '~/core/contracts/session-export';
import { auditLog, clusterProfiles, judgmentComments, judgments, participants, ratings, results, sessions, workshopRounds } from '~/db/schema';
import { AppError } from '~/server/errors';
import { type SessionLinks, issueSessionLinks } from '../access/issue-session-links';
import type { ServiceArgs, ServiceContext } from '../context';
import { type DecisionModel, buildDecisionModel, pairKey, participantNumber } from '~/core/model';
import { insertModel } from '../shared/insert-model';

const INSERT_BATCH = 1000;

function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { field: `data.${field}` });
}

type ExportedCriterion = SessionExport['model']['criteria'][number];

/**
 * The checks the contract cannot make alone: keys unique in the session, every answer about an element and a
 * pair the model has, no pair answered twice, rounds asking only nodes the model has, results naming known
 * participants (their shape is the contract's: ExportedResult). Throws before any write.
 */
function checkReferences(data: SessionExport): DecisionModel {
  const elementKeys = new Set<string>();
  let criterionCount = 0;
  const visit = (nodes: ExportedCriterion[], path: string) => {
    nodes.forEach((node, i) => {
      if (elementKeys.has(node.key)) throw invalid(`${path}.${i}.key`, `The key "${node.key}" is used twice.`);
      elementKeys.add(node.key);
      criterionCount += 1;
      visit(node.children, `${path}.${i}.children`);
    });
  };
  visit(data.model.criteria, 'model.criteria');
  if (criterionCount === 0) throw invalid('model.criteria', 'A model needs at least one criterion.');
  if (criterionCount > MAX_CRITERIA_PER_SESSION) {
    throw invalid('model.criteria', `A session holds at most ${MAX_CRITERIA_PER_SESSION} criteria.`);
  }
  data.model.alternatives.forEach((a, i) => {
    if (elementKeys.has(a.key)) throw invalid(`model.alternatives.${i}.key`, `The key "${a.key}" is used twice.`);
    elementKeys.add(a.key);
  });
  const measureKeys = new Set<string>();
  data.model.measures.forEach((m, i) => {
    if (measureKeys.has(m.key)) throw invalid(`model.measures.${i}.key`, `The measure key "${m.key}" is used twice.`);
    measureKeys.add(m.key);
  });
  const model = buildDecisionModel(data.model);
  const alternativeKeys = new Set(data.model.alternatives.map((a) => a.key));
  const participantKeys = new Set<string>();
  data.participants.forEach((p, i) => {
    if (participantKeys.has(p.key)) throw invalid(`participants.${i}.key`, `The participant key "${p.key}" is used twice.`);
    participantKeys.add(p.key);
    const seenPairs = new Set<string>();
    p.judgments.forEach((j, k) => {
      const field = `participants.${i}.judgments.${k}`;
      const node = model.node(j.nodeKey);
      if (!node) throw invalid(`${field}.nodeKey`, `The model has no node "${j.nodeKey}".`);
      if (!node.elementKeys.includes(j.a)) throw invalid(`${field}.a`, `"${j.a}" is not compared under "${j.nodeKey}".`);
      if (!node.elementKeys.includes(j.b) || j.a === j.b) {
        throw invalid(`${field}.b`, `"${j.b}" is not a second element compared under "${j.nodeKey}".`);
      }
      const pair = `${j.round}/${j.nodeKey}/${pairKey(j.a, j.b)}`;
      if (seenPairs.has(pair)) {
        throw invalid(field, `The pair ${j.a}/${j.b} under "${j.nodeKey}" is answered twice in round ${j.round}.`);
      }
      seenPairs.add(pair);
    });
    const seenComments = new Set<string>();
    p.comments.forEach((c, k) => {
      const field = `participants.${i}.comments.${k}`;
      const node = model.node(c.nodeKey);
      if (!node) throw invalid(`${field}.nodeKey`, `The model has no node "${c.nodeKey}".`);
      if (!node.elementKeys.includes(c.a)) throw invalid(`${field}.a`, `"${c.a}" is not compared under "${c.nodeKey}".`);
      if (!node.elementKeys.includes(c.b) || c.a === c.b) {
        throw invalid(`${field}.b`, `"${c.b}" is not a second element compared under "${c.nodeKey}".`);
      }
      const pair = `${c.nodeKey}/${pairKey(c.a, c.b)}`;
      if (seenComments.has(pair)) throw invalid(field, `The pair ${c.a}/${c.b} under "${c.nodeKey}" has two reasons.`);
      seenComments.add(pair);
    });
    const seenRatings = new Set<string>();
    p.ratings.forEach((r, k) => {
      const field = `participants.${i}.ratings.${k}`;
      if (!model.leafKeys.includes(r.criterionKey)) {
        throw invalid(`${field}.criterionKey`, `"${r.criterionKey}" is not a leaf criterion of the model.`);
      }
      if (!alternativeKeys.has(r.alternativeKey)) {
        throw invalid(`${field}.alternativeKey`, `"${r.alternativeKey}" is not a strategy of the model.`);
      }
      const rating = `${r.criterionKey}/${r.alternativeKey}`;
      if (seenRatings.has(`${r.round}/${rating}`)) throw invalid(field, `${rating} is rated twice in round ${r.round}.`);
      seenRatings.add(`${r.round}/${rating}`);
    });
  });
  const roundNumbers = new Set<number>();
  data.rounds.forEach((r, i) => {
    if (roundNumbers.has(r.number)) throw invalid(`rounds.${i}.number`, `Round ${r.number} is listed twice.`);
    roundNumbers.add(r.number);
    r.nodeKeys?.forEach((nodeKey, k) => {
      if (!model.node(nodeKey)) throw invalid(`rounds.${i}.nodeKeys.${k}`, `The model has no node "${nodeKey}".`);
    });
  });
  const highestKey = Math.max(0, ...[...participantKeys].map(participantNumber));
  if (data.session.participantSeq < highestKey) {
    throw invalid('session.participantSeq', `It must be at least ${highestKey}, the highest participant number.`);
  }
  data.results.forEach((r, i) => {
    if ((r.scope === 'group') !== (r.participantKey === null)) {
      throw invalid(`results.${i}.participantKey`, 'A group result names no participant; an individual one names one.');
    }
    if (r.participantKey !== null && !participantKeys.has(r.participantKey)) {
      throw invalid(`results.${i}.participantKey`, `No participant "${r.participantKey}" in this export.`);
    }
  });
  return model;
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await insert(rows.slice(i, i + INSERT_BATCH));
}

/**
 * Makes a new session identical to the exported one: same content, keys, answers with their times, stored
 * results and audit log; new row ids and new facilitator and invite links. Participants' old links do not
 * carry over (the facilitator can issue new ones). All or nothing: one transaction.
 */
export async function importSession({
  ctx,
  input,
}: ServiceArgs<ServiceContext, ImportSessionInput>): Promise<SessionLinks & { version: number }> {
  const { data } = input;
  checkReferences(data);
  const date = (value: string) => new Date(value);
  return ctx.db.transaction(async (tx) => {
    const source = data.session;
    const [session] = await tx
      .insert(sessions)
      .values({
        title: importedTitle(source.title, new Date()),
        region: source.region,
        cluster: source.cluster,
        question: source.question,
        locale: source.locale,
        status: source.status,
        goal: data.model.goal,
        modelKey: source.modelKey,
        modelVersion: source.modelVersion,
        catalogueVersion: source.catalogueVersion,
        methodSettings: source.methodSettings,
        alternativeScoring: source.alternativeScoring,
        participantResults: source.participantResults,
        participantNames: source.participantNames,
        maxParticipants: Math.max(source.maxParticipants, data.participants.length),
        stakeholderWeights: source.stakeholderWeights,
        maxCr: source.maxCr,
        participantSeq: source.participantSeq,
        version: source.version,
        createdAt: date(source.createdAt),
        updatedAt: date(source.updatedAt),
        closedAt: source.closedAt ? date(source.closedAt) : null,
      })
      .returning({ id: sessions.id, version: sessions.version });
    if (!session) throw new Error('inserting a session returned no row');
    const sessionId = session.id;
    await insertModel(tx, sessionId, data.model);
    if (data.profile) {
      await tx.insert(clusterProfiles).values({
        sessionId,
        definitionVersion: data.profile.definitionVersion,
        ratings: data.profile.ratings,
        regionalPriorities: data.profile.regionalPriorities,
        updatedAt: date(data.profile.updatedAt),
      });
    }
    const participantRows = data.participants.map((p) => ({
      id: randomUUID(),
      sessionId,
      key: p.key,
      displayName: p.displayName,
      stakeholderGroup: p.stakeholderGroup,
      weight: p.weight,
      isIncluded: p.isIncluded,
      joinedAt: date(p.joinedAt),
      lastAnswerAt: p.lastAnswerAt ? date(p.lastAnswerAt) : null,
    }));
    await insertInBatches(participantRows, (batch) => tx.insert(participants).values(batch));
    const judgmentRows = data.participants.flatMap((p, i) =>
      p.judgments.map((j) => ({
        sessionId,
        participantId: participantRows[i]!.id,
        nodeKey: j.nodeKey,
        aKey: j.a,
        bKey: j.b,
        pairKey: pairKey(j.a, j.b),
        position: j.position,
        round: j.round,
        answeredAt: date(j.answeredAt),
      })),
    );
    await insertInBatches(judgmentRows, (batch) => tx.insert(judgments).values(batch));
    const commentRows = data.participants.flatMap((p, i) =>
      p.comments.map((c) => ({
        sessionId,
        participantId: participantRows[i]!.id,
        nodeKey: c.nodeKey,
        aKey: c.a,
        bKey: c.b,
        pairKey: pairKey(c.a, c.b),
        text: c.text,
        updatedAt: date(c.updatedAt),
      })),
    );
    await insertInBatches(commentRows, (batch) => tx.insert(judgmentComments).values(batch));
    const ratingRows = data.participants.flatMap((p, i) =>
      p.ratings.map((r) => ({
        sessionId,
        participantId: participantRows[i]!.id,
        criterionKey: r.criterionKey,
        alternativeKey: r.alternativeKey,
        intensity: r.intensity,
        round: r.round,
        answeredAt: date(r.answeredAt),
      })),
    );
    await insertInBatches(ratingRows, (batch) => tx.insert(ratings).values(batch));
    await insertInBatches(data.results, (batch) =>
      tx.insert(results).values(batch.map((r) => ({ sessionId, ...r, computedAt: date(r.computedAt) }))),
    );
    await insertInBatches(data.rounds, (batch) =>
      tx.insert(workshopRounds).values(
        batch.map((r) => ({ sessionId, ...r, openedAt: date(r.openedAt), closedAt: r.closedAt ? date(r.closedAt) : null })),
      ),
    );
    await insertInBatches(data.auditLog, (batch) =>
      tx.insert(auditLog).values(batch.map((a) => ({ sessionId, ...a, createdAt: date(a.createdAt) }))),
    );
    await tx.insert(auditLog).values({
      sessionId,
      actor: 'facilitator',
      action: 'session.imported' satisfies AuditAction,
      detail: { title: source.title, formatVersion: data.formatVersion },
      sessionVersion: session.version,
    });
    const links = await issueSessionLinks(tx, sessionId);
    return { ...links, version: session.version };
  });
}

/**
 * An imported copy is named apart from its original ("Baku ICT cluster (imported 3 Dec 2026)"), so two cards in
 * one browser's list never look the same. The date is written in English, as " (copy)" is: titles are plain text
 * in no particular language.
 */
export function importedTitle(title: string, at: Date): string {
  const suffix = ` (imported ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at)})`;
  return `${title.slice(0, SESSION_TITLE_MAX - suffix.length)}${suffix}`;
}
