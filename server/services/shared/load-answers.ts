import 'server-only';
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { type JudgmentRow, type RatingRow, judgments, ratings } from '~/db/schema';

export type AnswersByParticipant = Map<string, { judgments: JudgmentRow[]; ratings: RatingRow[] }>;

/** Keeps, per participant and question, the answer of the latest round that has one. */
function latestPerQuestion<T extends { participantId: string; round: number }>(rows: T[], question: (row: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const key = `${row.participantId}/${question(row)}`;
    const kept = latest.get(key);
    if (!kept || kept.round < row.round) latest.set(key, row);
  }
  return latest.size === rows.length ? rows : [...latest.values()];
}

/**
 * The answers that count, of a session or of one participant, grouped by participant id: for each question the
 * answer of the latest workshop round that asked it and got one (up to `upToRound` when given: the answers as
 * that round froze them). Earlier rounds' answers stay stored; `loadAnswerRows` reads them all.
 */
export async function loadAnswers(
  db: Db,
  where: { sessionId: string } | { participantId: string },
  { upToRound }: { upToRound?: number } = {},
): Promise<AnswersByParticipant> {
  const rows = await loadAnswerRows(db, where, { upToRound });
  const grouped: AnswersByParticipant = new Map();
  const entry = (participantId: string) => {
    let found = grouped.get(participantId);
    if (!found) {
      found = { judgments: [], ratings: [] };
      grouped.set(participantId, found);
    }
    return found;
  };
  for (const row of latestPerQuestion(rows.judgments, (j) => `${j.nodeKey}/${j.pairKey}`)) entry(row.participantId).judgments.push(row);
  for (const row of latestPerQuestion(rows.ratings, (r) => `${r.criterionKey}/${r.alternativeKey}`)) {
    entry(row.participantId).ratings.push(row);
  }
  return grouped;
}

/** Every stored answer, of every round, as given. */
export async function loadAnswerRows(
  db: Db,
  where: { sessionId: string } | { participantId: string },
  { upToRound }: { upToRound?: number } = {},
): Promise<{ judgments: JudgmentRow[]; ratings: RatingRow[] }> {
  const byWhom = (table: typeof judgments | typeof ratings) =>
    and(
      'sessionId' in where ? eq(table.sessionId, where.sessionId) : eq(table.participantId, where.participantId),
      upToRound === undefined ? undefined : lte(table.round, upToRound),
    );
  // Sequential: `db` is often a transaction, one connection that node-postgres would not run them on in parallel.
  const judgmentRows = await db.select().from(judgments).where(byWhom(judgments));
  const ratingRows = await db.select().from(ratings).where(byWhom(ratings));
  return { judgments: judgmentRows, ratings: ratingRows };
}
