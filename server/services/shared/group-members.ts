import 'server-only';
import { eq } from 'drizzle-orm';
import { NO_ANSWERS, byParticipantNumber } from '~/core/model';
import type { GroupMember } from '~/core/model/evaluate-session';
import type { Db } from '~/db/client';
import { type ParticipantRow, participants } from '~/db/schema';
import { type AnswersByParticipant, loadAnswers } from './load-answers';

/**
 * Every participant of a session with the answers that count (as of workshop round `upToRound`, when given), in
 * the order they joined: what a group computation takes. `participantRows` and `answers`: what the caller has
 * already read in the same transaction.
 */
export async function readGroupMembers(
  tx: Db,
  sessionId: string,
  { upToRound, participantRows, answers }: { upToRound?: number; participantRows?: ParticipantRow[]; answers?: AnswersByParticipant } = {},
): Promise<GroupMember[]> {
  const rows = participantRows ?? (await tx.select().from(participants).where(eq(participants.sessionId, sessionId)));
  const answered = answers ?? (await loadAnswers(tx, { sessionId }, { upToRound }));
  return [...rows].sort(byParticipantNumber).map((p) => ({
    key: p.key,
    isIncluded: p.isIncluded,
    weight: p.weight,
    stakeholderGroup: p.stakeholderGroup,
    answers: answered.get(p.id) ?? NO_ANSWERS,
  }));
}
