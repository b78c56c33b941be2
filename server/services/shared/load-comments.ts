import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { type JudgmentCommentRow, judgmentComments } from '~/db/schema';
import type { SessionModel } from './session-model';

/**
 * The reasons participants gave for their judgments, of a session or of one participant, in the model's node
 * order and then the node's element order, leaving out any about a pair the model no longer compares.
 * The one read of comments: the questionnaire (own), the dashboard and the exports (facilitator) use it.
 */
export async function loadComments(
  db: Db,
  model: SessionModel,
  where: { sessionId: string } | { participantId: string },
  /** Orders the reasons of one pair by participant (their number); by participant id without it. */
  participantOrder: (participantId: string) => number = () => 0,
): Promise<JudgmentCommentRow[]> {
  const rows = await db
    .select()
    .from(judgmentComments)
    .where('sessionId' in where ? eq(judgmentComments.sessionId, where.sessionId) : eq(judgmentComments.participantId, where.participantId));
  const place = (row: JudgmentCommentRow) => {
    const elements = model.node(row.nodeKey)?.elementKeys;
    if (!elements) return null;
    const [i, j] = [elements.indexOf(row.aKey), elements.indexOf(row.bKey)];
    return i < 0 || j < 0 ? null : [model.nodeOrder(row.nodeKey), Math.min(i, j), Math.max(i, j)];
  };
  return rows
    .map((row) => ({ row, at: place(row) }))
    .filter((entry): entry is { row: JudgmentCommentRow; at: number[] } => entry.at !== null)
    .sort(
      (x, y) =>
        x.at[0]! - y.at[0]! ||
        x.at[1]! - y.at[1]! ||
        x.at[2]! - y.at[2]! ||
        participantOrder(x.row.participantId) - participantOrder(y.row.participantId) ||
        (x.row.participantId < y.row.participantId ? -1 : x.row.participantId > y.row.participantId ? 1 : 0),
    )
    .map((entry) => entry.row);
}
