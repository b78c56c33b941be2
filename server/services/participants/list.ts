import 'server-only';
import { withShownNames } from '~/server/services/shared/participant-names';
import { eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { participants } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { NO_ANSWERS, computeProgress } from '~/core/model';
import { loadModel } from '../shared/session-model';
import { loadAnswers } from '../shared/load-answers';
import { findSession } from '../shared/session-state';
import { toParticipantView } from '../sessions/views';
import { participantNumber } from '~/core/model';

/** Who joined and how far each has come: what the facilitator watches during a workshop. */
export async function listParticipants({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  const session = await findSession(ctx.db, ctx.access.sessionId);
  const [model, rows, answers] = await Promise.all([
    loadModel(ctx.db, session.id),
    ctx.db.select().from(participants).where(eq(participants.sessionId, session.id)),
    loadAnswers(ctx.db, { sessionId: session.id }),
  ]);
  return (await withShownNames(rows, session))
    .sort((a, b) => participantNumber(a.key) - participantNumber(b.key))
    .map((participant) => {
      const own = answers.get(participant.id);
      const progress = computeProgress(model, session.alternativeScoring, own ?? NO_ANSWERS);
      return {
        ...toParticipantView(participant),
        progress: {
          answered: progress.answered,
          required: progress.required,
          fraction: progress.fraction,
          isComplete: progress.isComplete,
          isComputable: progress.isComputable,
        },
      };
    });
}
