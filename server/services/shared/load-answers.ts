import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { type JudgmentRow, type RatingRow, judgments, ratings } from '~/db/schema';

export type AnswersByParticipant = Map<string, { judgments: JudgmentRow[]; ratings: RatingRow[] }>;

/** All answers of a session, or of one participant, grouped by participant id. */
export async function loadAnswers(
  db: Db,
  where: { sessionId: string } | { participantId: string },
): Promise<AnswersByParticipant> {
  const [judgmentRows, ratingRows] = await Promise.all([
    db
      .select()
      .from(judgments)
      .where('sessionId' in where ? eq(judgments.sessionId, where.sessionId) : eq(judgments.participantId, where.participantId)),
    db
      .select()
      .from(ratings)
      .where('sessionId' in where ? eq(ratings.sessionId, where.sessionId) : eq(ratings.participantId, where.participantId)),
  ]);
  const grouped: AnswersByParticipant = new Map();
  const entry = (participantId: string) => {
    let found = grouped.get(participantId);
    if (!found) {
      found = { judgments: [], ratings: [] };
      grouped.set(participantId, found);
    }
    return found;
  };
  for (const row of judgmentRows) entry(row.participantId).judgments.push(row);
  for (const row of ratingRows) entry(row.participantId).ratings.push(row);
  return grouped;
}
