import 'server-only';
import { and, desc, eq, max } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import type { Db } from '~/db/client';
import { type ResultRow, type SessionRow, judgments, participants, ratings, results } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { AccessContext, ServiceArgs } from '../context';
import { findSession } from '../shared/session-state';
import { type ResultView, toResultView } from './views';

async function latest(db: Db, sessionId: string, scope: 'group' | 'individual', participantKey?: string) {
  const [row] = await db
    .select()
    .from(results)
    .where(
      and(
        eq(results.sessionId, sessionId),
        eq(results.scope, scope),
        participantKey ? eq(results.participantKey, participantKey) : undefined,
      ),
    )
    .orderBy(desc(results.computedAt))
    .limit(1);
  return row ?? null;
}

async function lastAnswerAt(db: Db, where: { sessionId: string } | { participantId: string }): Promise<Date | null> {
  const [j] = await db
    .select({ at: max(judgments.answeredAt) })
    .from(judgments)
    .where('sessionId' in where ? eq(judgments.sessionId, where.sessionId) : eq(judgments.participantId, where.participantId));
  const [r] = await db
    .select({ at: max(ratings.answeredAt) })
    .from(ratings)
    .where('sessionId' in where ? eq(ratings.sessionId, where.sessionId) : eq(ratings.participantId, where.participantId));
  const times = [j?.at, r?.at].filter((t): t is Date => t instanceof Date);
  return times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null;
}

function view(row: ResultRow, session: SessionRow, answeredAt: Date | null, includedCount?: number): ResultView {
  const isStale = row.sessionVersion !== session.version || (answeredAt !== null && answeredAt > row.computedAt);
  return toResultView(row, { isStale, includedCount });
}

/** Keeps only the participant's own entry of a group result: the others' answers are not theirs to see. */
function onlyOwnEntry(row: ResultRow, participantKey: string): ResultRow {
  const entries = Array.isArray(row.result.participants) ? (row.result.participants as Array<{ id?: unknown }>) : [];
  return {
    ...row,
    result: { ...row.result, participants: entries.filter((p) => p.id === participantKey), furthest: [], disagreement: {} },
    coverage: {
      included: row.coverage.included.filter((key) => key === participantKey),
      skipped: row.coverage.skipped.filter((s) => s.participantKey === participantKey),
    },
  };
}

/**
 * The latest stored results the link may see. Facilitator: the group result. Participant: their own result,
 * and the group result when the facilitator shares it, stripped of the other participants' entries.
 */
export async function getResults({ ctx }: ServiceArgs<AccessContext, SessionRef>) {
  const session = await findSession(ctx.db, ctx.access.sessionId);
  if (ctx.access.role === 'facilitator') {
    const group = await latest(ctx.db, session.id, 'group');
    return {
      group: group ? view(group, session, await lastAnswerAt(ctx.db, { sessionId: session.id })) : null,
      own: null,
    };
  }
  if (ctx.access.role !== 'participant') {
    throw new AppError('FORBIDDEN', 'Join the session first: results are shown to participants and the facilitator.');
  }
  if (session.participantResults === 'none') {
    throw new AppError('FORBIDDEN', 'The facilitator has not shared results with participants in this session.');
  }
  const [participant] = await ctx.db.select().from(participants).where(eq(participants.id, ctx.access.participantId));
  if (!participant) throw new AppError('NOT_FOUND', 'You are no longer a participant of this session.');
  const ownAnsweredAt = await lastAnswerAt(ctx.db, { participantId: participant.id });
  const own = await latest(ctx.db, session.id, 'individual', participant.key);
  let group = null;
  if (session.participantResults === 'own-and-group') {
    const row = await latest(ctx.db, session.id, 'group');
    if (row) {
      const answeredAt = await lastAnswerAt(ctx.db, { sessionId: session.id });
      group = view(onlyOwnEntry(row, participant.key), session, answeredAt, row.coverage.included.length);
    }
  }
  return { group, own: own ? view(own, session, ownAnsweredAt) : null };
}
