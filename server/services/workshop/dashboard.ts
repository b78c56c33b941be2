import 'server-only';
import {
  analyzeMatrix,
  consensusLevel,
  emptyMatrix,
  isDisconnected,
  positionToRatio,
  ratioToNearestPosition,
  setJudgment,
} from '~/core';
import { buildAgenda, byParticipantNumber, nodeAnswerKind } from '~/core/model';
import { evaluateGroup } from '~/core/model/evaluate-session';
import { STAKEHOLDER_GROUPS } from '~/core/contracts/session';
import type { DashboardInput } from '~/core/contracts/workshop';
import type { Db } from '~/db/client';
import type { SessionRow } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { groupNotComputableMessage } from '../results/not-computable';
import { participantsInResult } from '../results/participants-in-result';
import { computationSettings } from '../results/store-result';
import { readGroupMembers } from '../shared/group-members';
import { createCoalescedRead } from '~/server/lib/coalesced-read';
import type { SessionModel } from '../shared/session-model';
import { type CountedJudgment, loadAnswers } from '../shared/load-answers';
import { toParticipantView } from '../sessions/views';
import { roundAsks } from '~/core/model';
import { forViewer, readLiveSnapshot } from './live-state';

/** One instant of the whole session, on PostgreSQL too. */
const SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

type NodeConsistency = { cr: number | null; isConsistentEnough: boolean | null };

/**
 * The consistency of one participant's judgments of one node, by everything it depends on. A dashboard is
 * recomputed a few times a second during a workshop, and between two reads only the few people who answered
 * meanwhile have new judgments; an incomplete matrix costs a completion each time. Per process, bounded.
 */
const consistencyByJudgments = new Map<string, NodeConsistency>();
const CONSISTENCY_CACHE_LIMIT = 20_000;

/**
 * CR of each pairwise node the participant has linked (null while their judgments there do not link every
 * element). `computed`: the engine's analyses of this participant in the group result, the same judgments and
 * settings, used as they are.
 */
function crByNode(
  model: SessionModel,
  session: SessionRow,
  own: CountedJudgment[],
  computed: Record<string, { cr: number; isConsistentEnough: boolean }> | undefined,
) {
  const { method, randomIndex, completion, scale } = session.methodSettings;
  const out: Array<{ nodeKey: string } & NodeConsistency> = [];
  for (const node of model.nodes) {
    if (nodeAnswerKind(node, session.alternativeScoring) !== 'pairs') continue;
    const known = computed?.[node.key];
    if (known) {
      out.push({ nodeKey: node.key, cr: known.cr, isConsistentEnough: known.isConsistentEnough });
      continue;
    }
    const mine = own.filter((j) => j.nodeKey === node.key);
    const key = [method, randomIndex, completion, scale, node.elementKeys.join(','), ...mine.map((j) => `${j.aKey}/${j.bKey}=${j.position}`).sort()].join('|');
    let consistency = consistencyByJudgments.get(key);
    if (!consistency) {
      consistency = nodeConsistency(node.elementKeys, mine, session.methodSettings);
      if (consistencyByJudgments.size >= CONSISTENCY_CACHE_LIMIT) consistencyByJudgments.clear();
      consistencyByJudgments.set(key, consistency);
    }
    out.push({ nodeKey: node.key, ...consistency });
  }
  return out;
}

function nodeConsistency(elements: readonly string[], judgmentsOfNode: CountedJudgment[], settings: SessionRow['methodSettings']): NodeConsistency {
  const index = new Map(elements.map((key, i) => [key, i]));
  const matrix = emptyMatrix(elements.length);
  let count = 0;
  for (const j of judgmentsOfNode) {
    const a = index.get(j.aKey);
    const b = index.get(j.bKey);
    if (a === undefined || b === undefined) continue;
    setJudgment(matrix, a, b, positionToRatio(j.position, settings.scale, elements.length));
    count += 1;
  }
  if (count < elements.length - 1) return { cr: null, isConsistentEnough: null };
  const { method, randomIndex, completion, scale } = settings;
  const analysis = analyzeMatrix(matrix, { method, randomIndex, completion, scale });
  return isDisconnected(analysis) ? { cr: null, isConsistentEnough: null } : { cr: analysis.cr, isConsistentEnough: analysis.isConsistentEnough };
}

/**
 * Lets the answers waiting on this process run between the dashboard's steps: each step is some milliseconds of
 * engine work on a room of 200, and an answer saved meanwhile should not wait for all of them.
 */
const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;

/**
 * Every open dashboard re-reads on each event, and a room of 200 answers about 100 times a second: the engine runs
 * for the whole group each time. Per session and process, dashboards share one computation at a time, at most
 * one every this many ms: twice a second is live enough for a facilitator, and keeps them within about half a
 * second of the answers, while the computations leave the answers room (at 400 ms they took more of a
 * process's time than the room's saves could spare with two instances on two cores).
 */
const DASHBOARD_MIN_INTERVAL_MS = 500;
const readsByDb = new WeakMap<Db, (key: string, load: () => Promise<Dashboard>) => Promise<Dashboard>>();

/**
 * Everything the facilitator's dashboard shows, recomputed from the answers that count now (the current round
 * and what earlier rounds left standing): who joined, progress (overall and in this round) and CR per node of
 * each participant, stakeholder groups with their weights, the group result so far through the engine (without
 * Monte Carlo, which only the stored results carry), consensus per node, and the judgments with the widest
 * spread. Nothing is stored: closing a round or result.compute stores results. Read after the call, shared with
 * the other dashboards of the session that asked meanwhile (DASHBOARD_MIN_INTERVAL_MS).
 */
export async function getDashboard({ ctx, input }: ServiceArgs<FacilitatorContext, DashboardInput>) {
  let read = readsByDb.get(ctx.db);
  if (!read) readsByDb.set(ctx.db, (read = createCoalescedRead<Dashboard>({ minIntervalMs: DASHBOARD_MIN_INTERVAL_MS })));
  const { sessionId } = ctx.access;
  return read(`${sessionId}/${input.topDisagreements}`, () => computeDashboard(ctx.db, sessionId, input.topDisagreements));
}

async function computeDashboard(db: Db, sessionId: string, topDisagreements: number) {
  return db.transaction(async (tx) => {
    const snapshot = await readLiveSnapshot(tx, sessionId);
    const { session, model, round } = snapshot;
    const participantRows = [...snapshot.participantRows].sort(byParticipantNumber);
    const answers = await loadAnswers(tx, { sessionId: session.id });
    await yieldToOtherRequests();
    const settings = computationSettings(session);
    const members = await readGroupMembers(tx, session.id, { participantRows, answers });
    const evaluation = evaluateGroup(model, settings, members, { monteCarlo: false, stakeholderGroups: false });
    await yieldToOtherRequests();
    const result = evaluation.isComputed ? evaluation.result : null;
    const groupError = evaluation.isComputed ? null : groupNotComputableMessage(evaluation.coverage);
    const byKey = new Map(participantRows.map((p) => [p.key, p]));
    const engineEntry = new Map(result?.participants.map((p) => [p.id, p]) ?? []);
    const agenda = buildAgenda(model, session.alternativeScoring, round.nodeKeys);
    const inResult = participantsInResult(model, settings, participantRows, answers, evaluation.coverage);

    const participants = participantRows.map((p, index) => {
      const own = answers.get(p.id) ?? { judgments: [], ratings: [] };
      const inRound = [
        ...own.judgments.filter((j) => j.round === round.number && roundAsks(round, j.nodeKey)),
        ...own.ratings.filter((r) => r.round === round.number && roundAsks(round, r.criterionKey)),
      ].length;
      const entry = engineEntry.get(p.key);
      const { progress, participation, effectiveWeight } = inResult[index]!;
      return {
        ...toParticipantView(p),
        isIncluded: p.isIncluded,
        effectiveWeight,
        /** In the group result now (with the nodes estimated from incomplete answers), or out and why. */
        participation: participation!,
        progress,
        roundProgress: { answered: Math.min(inRound, agenda.length), required: agenda.length },
        nodes: crByNode(model, session, own.judgments, entry?.nodes),
        /** RMS log distance of their judgments from the group's (0 = agrees), from the engine. */
        distance: entry?.distance ?? null,
      };
    });

    const stakeholderGroups = STAKEHOLDER_GROUPS.map((groupKey) => {
      const members = participantRows.filter((p) => p.stakeholderGroup === groupKey);
      return {
        group: groupKey,
        weight: session.stakeholderWeights[groupKey] ?? 1,
        participantCount: members.length,
        includedCount: members.filter((p) => p.isIncluded).length,
      };
    });

    const consensus = result
      ? Object.entries(result.consensus).map(([nodeKey, value]) => ({ nodeKey, consensus: value, level: consensusLevel(value) }))
      : [];
    const disagreements = result
      ? Object.entries(result.dispersion)
          .flatMap(([nodeKey, pairs]) =>
            pairs.map((pair) => ({
              nodeKey,
              a: pair.a,
              b: pair.b,
              geometricMean: pair.geometricMean,
              position: ratioToNearestPosition(pair.geometricMean, session.methodSettings.scale, model.node(nodeKey)?.elementKeys.length ?? 2),
              geometricSd: pair.geometricSd,
              count: pair.count,
            })),
          )
          .sort((x, y) => y.geometricSd - x.geometricSd)
          .slice(0, topDisagreements)
          .map((entry) => ({
            ...entry,
            /** Who is furthest from the group on this node (engine's disagreement, RMS log distance). */
            furthest: (result.disagreement[entry.nodeKey] ?? []).map((d) => ({
              participantKey: d.id,
              displayName: byKey.get(d.id)?.displayName ?? d.id,
              distance: d.distance,
            })),
          }))
      : [];

    return {
      live: forViewer(snapshot.state, 'facilitator'),
      settings: {
        methodSettings: session.methodSettings,
        alternativeScoring: session.alternativeScoring,
        stakeholderWeights: Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, session.stakeholderWeights[g] ?? 1])),
        maxCr: session.maxCr,
        version: session.version,
      },
      stakeholderGroups,
      participants,
      group: result
        ? {
            ranking: result.ranking,
            alternatives: result.alternatives,
            criteria: result.criteria,
            overallConsensus: result.overallConsensus,
            consensusLevel: result.consensusLevel,
            coverage: evaluation.coverage,
            furthest: result.furthest.map((d) => ({ participantKey: d.id, displayName: byKey.get(d.id)?.displayName ?? d.id, distance: d.distance })),
          }
        : null,
      groupError,
      consensus,
      disagreements,
    };
  }, SNAPSHOT);
}
