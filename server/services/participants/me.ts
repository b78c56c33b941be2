import 'server-only';
import { eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { participants } from '~/db/schema';
import { AppError } from '~/server/errors';
import type { ParticipantContext, ServiceArgs } from '../context';
import { NO_ANSWERS, computeProgress, countingAnswers } from '~/core/model';
import { loadModelAt } from '../shared/session-model';
import { loadAnswerRows } from '../shared/load-answers';
import { loadComments } from '../shared/load-comments';
import { findSession } from '../shared/session-state';
import { toParticipantView } from '../sessions/views';

/**
 * The participant's own record, progress per node, the answers that count (per question, the one of the latest
 * workshop round that has one, with that round's number), as they gave them, and their reasons for judgments.
 */
export async function getMyProgress({ ctx }: ServiceArgs<ParticipantContext, SessionRef>) {
  const session = await findSession(ctx.db, ctx.access.sessionId);
  const [participant] = await ctx.db.select().from(participants).where(eq(participants.id, ctx.access.participantId));
  if (!participant) throw new AppError('NOT_FOUND', 'You are no longer a participant of this session.');
  const model = await loadModelAt(ctx.db, session);
  const own = countingAnswers(await loadAnswerRows(ctx.db, { participantId: participant.id })).get(participant.id);
  const judgmentRows = own?.judgments ?? [];
  const ratingRows = own?.ratings ?? [];
  const comments = await loadComments(ctx.db, model, { participantId: participant.id });
  return {
    participant: toParticipantView(participant),
    progress: computeProgress(model, session.alternativeScoring, own ?? NO_ANSWERS),
    judgments: judgmentRows.map((j) => ({
      nodeKey: j.nodeKey,
      a: j.aKey,
      b: j.bKey,
      position: j.position,
      round: j.round,
      answeredAt: j.answeredAt,
    })),
    ratings: ratingRows.map((r) => ({
      criterionKey: r.criterionKey,
      alternativeKey: r.alternativeKey,
      intensity: r.intensity,
      round: r.round,
      answeredAt: r.answeredAt,
    })),
    /** The participant's reasons for their judgments, kept whatever became of the answers. */
    comments: comments.map((c) => ({ nodeKey: c.nodeKey, a: c.aKey, b: c.bKey, text: c.text, updatedAt: c.updatedAt })),
  };
}
