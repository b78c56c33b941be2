import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { AuditAction } from '~/core/contracts/audit';
import { RevoteRecord } from '~/core/contracts/workshop';
import { auditLog } from '~/db/schema';
import type { Db } from '~/db/client';
import { isGroupResult } from '~/core/model';
import type { WorkshopRef } from '~/core/contracts/workshop';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { findSession } from '../shared/session-state';
import { listRounds } from '../shared/workshop-state';
import { toResultView } from '../results/views';
import { findRoundResult } from './close-round';

function summarize(row: NonNullable<Awaited<ReturnType<typeof findRoundResult>>>) {
  const view = toResultView(row, { isStale: false });
  const { result } = view;
  if (!isGroupResult(result)) throw new Error(`the result stored for a round is a group result, got ${result.kind}`);
  return {
    computedAt: view.computedAt,
    settings: view.settings,
    coverage: view.coverage,
    counts: view.counts,
    ranking: result.ranking,
    alternatives: result.alternatives,
    criteria: result.criteria,
    overallConsensus: result.overallConsensus,
    consensusLevel: result.consensusLevel,
    consensus: result.consensus,
  };
}

/** Every re-vote of the session, oldest first, with the first vote it cleared (kept in the session history). */
async function listRevotes(db: Db, sessionId: string): Promise<Array<RevoteRecord & { at: Date }>> {
  const rows = await db
    .select({ detail: auditLog.detail, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(auditLog.sessionId, sessionId), eq(auditLog.action, 'workshop.revote' satisfies AuditAction)))
    .orderBy(asc(auditLog.createdAt));
  return rows.flatMap((row) => {
    const record = RevoteRecord.safeParse(row.detail);
    return record.success ? [{ ...record.data, at: row.createdAt }] : [];
  });
}

const change = (from: number, to: number) => ({ from, to, change: to - from });

/**
 * Every round with the group result stored when it closed (the settings that produced it included), and for each
 * round with a result, how it moved from the previous round with one: overall and per-node consensus, each
 * strategy's score and rank, and whether the ranking changed; and every re-vote with the first vote it cleared.
 */
export async function listRoundResults({ ctx }: ServiceArgs<FacilitatorContext, WorkshopRef>) {
  const session = await findSession(ctx.db, ctx.access.sessionId);
  const rounds = await listRounds(ctx.db, session.id);
  const withResults = await Promise.all(
    rounds.map(async (round) => {
      const stored = await findRoundResult(ctx.db, session.id, round.number);
      return { ...round, result: stored ? summarize(stored) : null };
    }),
  );
  const changes = [];
  let previous: (typeof withResults)[number] | null = null;
  for (const round of withResults) {
    if (!round.result) continue;
    if (previous?.result) {
      const from = previous.result;
      const to = round.result;
      changes.push({
        fromRound: previous.number,
        toRound: round.number,
        overallConsensus: change(from.overallConsensus, to.overallConsensus),
        consensus: Object.keys(to.consensus).map((nodeKey) => ({ nodeKey, ...change(from.consensus[nodeKey] ?? Number.NaN, to.consensus[nodeKey]!) })),
        isRankingChanged: from.ranking.join('\u0000') !== to.ranking.join('\u0000'),
        alternatives: to.ranking.map((key) => ({
          key,
          score: change(from.alternatives[key] ?? Number.NaN, to.alternatives[key]!),
          rankFrom: from.ranking.indexOf(key) + 1,
          rankTo: to.ranking.indexOf(key) + 1,
        })),
      });
    }
    previous = round;
  }
  return { rounds: withResults, changes, revotes: await listRevotes(ctx.db, session.id) };
}
