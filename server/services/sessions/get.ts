import 'server-only';
import { count, eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { measures, participants } from '~/db/schema';
import type { AccessContext, ServiceArgs } from '../context';
import { NO_ANSWERS, computeProgress } from '~/core/model';
import { loadModelAt } from '../shared/session-model';
import { loadAnswers } from '../shared/load-answers';
import { findSession } from '../shared/session-state';
import { toAccessView, toModelView, toParticipantView, toSessionSettings, toSessionSummary } from '../sessions/views';

/**
 * The session as the link holder may see it: everyone sees the question, the settings and the model; a
 * participant also gets their own answers' progress (unless `withMe` is false: the caller reads it itself); only
 * the facilitator gets the participant count.
 */
export async function getSession({ ctx }: ServiceArgs<AccessContext, SessionRef>, { withMe = true }: { withMe?: boolean } = {}) {
  const sessionId = ctx.access.sessionId;
  const session = await findSession(ctx.db, sessionId);
  const [model, measureRows] = await Promise.all([
    loadModelAt(ctx.db, session),
    ctx.db.select().from(measures).where(eq(measures.sessionId, sessionId)),
  ]);
  let me = null;
  if (withMe && ctx.access.role === 'participant') {
    const [participant] = await ctx.db.select().from(participants).where(eq(participants.id, ctx.access.participantId));
    if (participant) {
      const answers = (await loadAnswers(ctx.db, { participantId: participant.id })).get(participant.id);
      me = {
        ...toParticipantView(participant),
        progress: computeProgress(model, session.alternativeScoring, answers ?? NO_ANSWERS),
      };
    }
  }
  let participantCount = null;
  if (ctx.access.role === 'facilitator') {
    const [row] = await ctx.db.select({ n: count() }).from(participants).where(eq(participants.sessionId, sessionId));
    participantCount = row?.n ?? 0;
  }
  return {
    ...toSessionSummary(session),
    settings: toSessionSettings(session),
    model: toModelView(session, model, measureRows),
    access: toAccessView(ctx.access),
    me,
    participantCount,
  };
}
