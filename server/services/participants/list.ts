import 'server-only';
import { eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { participants } from '~/db/schema';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { loadHierarchy } from '../shared/hierarchy';
import { loadAnswers } from '../shared/load-answers';
import { computeProgress } from '../shared/progress';
import { findSession } from '../shared/session-state';
import { toParticipantView } from '../shared/views';
import { participantNumber } from '../shared/keys';

/** Who joined and how far each has come: what the facilitator watches during a workshop. */
export async function listParticipants({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  const session = await findSession(ctx.db, ctx.access.sessionId);
  const [hierarchy, rows, answers] = await Promise.all([
    loadHierarchy(ctx.db, session.id),
    ctx.db.select().from(participants).where(eq(participants.sessionId, session.id)),
    loadAnswers(ctx.db, { sessionId: session.id }),
  ]);
  return rows
    .sort((a, b) => participantNumber(a.key) - participantNumber(b.key))
    .map((participant) => {
      const own = answers.get(participant.id);
      const progress = computeProgress(hierarchy, session.alternativeScoring, own?.judgments ?? [], own?.ratings ?? []);
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
