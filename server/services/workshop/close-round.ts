import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { WorkshopRef } from '~/core/contracts/workshop';
import type { Db } from '~/db/client';
import { results, workshopRounds, workshops } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { evaluateGroup } from '~/core/model/evaluate-session';
import { groupNotComputableMessage } from '../results/not-computable';
import { computationSettings, storeResult } from '../results/store-result';
import { readGroupMembers } from '../shared/group-members';
import { type ResultView, toResultView } from '../results/views';
import { listRounds } from '../shared/workshop-state';
import { UNCHANGED, changeLive } from './live-change';

/** The group result stored when `round` closed, or null. */
export async function findRoundResult(db: Db, sessionId: string, round: number) {
  const [row] = await db
    .select()
    .from(results)
    .where(and(eq(results.sessionId, sessionId), eq(results.scope, 'group'), eq(results.round, round)))
    .orderBy(desc(results.computedAt))
    .limit(1);
  return row ?? null;
}

/**
 * Closes the current round: its answers are frozen (saving or removing one is refused with ROUND_CLOSED), and
 * the group result of the answers as they now stand is computed by the engine with the session's method
 * settings and stored with them (results.round). When nobody has answered enough, the round still closes and
 * says why it has no result. Closing a closed round again returns it unchanged, so a retry is harmless.
 */
export async function closeRound({ ctx }: ServiceArgs<FacilitatorContext, WorkshopRef>) {
  type RoundOutcome = { number: number; result: ResultView | null; resultError: string | null };
  const { result: closed, state } = await changeLive(ctx, 'round.closed', async ({ tx, session, round, model }) => {
    if (round.status === 'closed') return UNCHANGED;
    const now = new Date();
    if (round.openedAt === null) {
      await tx
        .insert(workshopRounds)
        .values({ sessionId: session.id, number: round.number, status: 'closed', nodeKeys: null, openedAt: session.createdAt, closedAt: now });
    } else {
      await tx
        .update(workshopRounds)
        .set({ status: 'closed', closedAt: now })
        .where(and(eq(workshopRounds.sessionId, session.id), eq(workshopRounds.number, round.number)));
    }
    await tx.update(workshops).set({ isRevealed: false, updatedAt: now }).where(eq(workshops.sessionId, session.id));
    let result: ResultView | null = null;
    let resultError: string | null = null;
    const settings = computationSettings(session);
    const evaluation = evaluateGroup(model, settings, await readGroupMembers(tx, session.id, { upToRound: round.number }));
    if (evaluation.isComputed) {
      const stored = await storeResult(tx, {
        sessionId: session.id,
        scope: 'group',
        participantKey: null,
        settings,
        sessionVersion: session.version,
        result: evaluation.result,
        coverage: evaluation.coverage,
        round: round.number,
      });
      result = toResultView(stored, { isStale: false });
    } else {
      resultError = groupNotComputableMessage(evaluation.coverage);
      await tx
        .update(workshopRounds)
        .set({ resultError })
        .where(and(eq(workshopRounds.sessionId, session.id), eq(workshopRounds.number, round.number)));
    }
    return { number: round.number, result, resultError } satisfies RoundOutcome;
  });
  let view: RoundOutcome | null = closed;
  if (!view) {
    const rounds = await listRounds(ctx.db, ctx.access.sessionId);
    const last = rounds.at(-1)!;
    const stored = await findRoundResult(ctx.db, ctx.access.sessionId, last.number);
    view = { number: last.number, result: stored ? toResultView(stored, { isStale: false }) : null, resultError: last.resultError };
  }
  return { state, round: view };
}
