/**
 * Which stored answers count: per participant and question, the answer of the latest workshop round that asked it
 * and got one (earlier rounds' answers stay stored as history). Every result, progress and export reads the same.
 */
type StoredJudgment = { readonly participantId: string; readonly round: number; readonly nodeKey: string; readonly pairKey: string };
type StoredRating = { readonly participantId: string; readonly round: number; readonly criterionKey: string; readonly alternativeKey: string };

/** Answers by participant id. */
export type AnswersByParticipant<J, R> = Map<string, { judgments: J[]; ratings: R[] }>;

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
 * The answers that count among `rows`, grouped by participant id: for each question the answer of the latest
 * workshop round that asked it and got one.
 */
export function countingAnswers<J extends StoredJudgment, R extends StoredRating>(rows: {
  judgments: J[];
  ratings: R[];
}): AnswersByParticipant<J, R> {
  const grouped: AnswersByParticipant<J, R> = new Map();
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

