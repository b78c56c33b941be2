import 'server-only';
import { and, desc, eq, max } from 'drizzle-orm';
import { byParticipantNumber } from '~/core/model';
import type { Db } from '~/db/client';
import {
  type ClusterProfileRow,
  type JudgmentCommentRow,
  type JudgmentRow,
  type MeasureRow,
  type ParticipantRow,
  type RatingRow,
  type ResultRow,
  type SessionRow,
  clusterProfiles,
  judgments,
  measures,
  participants,
  ratings,
  results,
} from '~/db/schema';
import { AppError } from '~/server/errors';
import type { SessionAccess } from '../context';
import { countingAnswers } from '~/core/model';
import { type AnswersByParticipant, loadAnswerRows, loadAnswers } from './load-answers';
import { loadComments } from './load-comments';
import { type SessionModel, loadModel } from './session-model';
import { findSession } from './session-state';
import { withShownNames } from './participant-names';
import { getProfileDefinition } from './reference-data';
import type { ClusterProfileDefinition } from '~/core/contracts/profile';

/** A read of several tables that must agree: everything as of one instant, on PostgreSQL too. */
export const READ_SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

/**
 * A session as one reader may see it, read in one transaction: the facilitator gets every participant and answer,
 * a participant only their own. Results pages, reports, exports and recommendations are made from one snapshot, so
 * a figure on one of them never comes from another moment than the figure beside it.
 */
export type SessionSnapshot = {
  session: SessionRow;
  model: SessionModel;
  /** The participants the reader may see (everyone for the facilitator, themselves for a participant), in join order. */
  participants: ParticipantRow[];
  /** How many have joined, whoever the reader is. */
  joinedCount: number;
  /** The answers that count, by participant id, of the participants above. */
  answers: AnswersByParticipant;
  /**
   * Every stored answer of every round as given, of the participants above, and the ids of those that count (only
   * when asked for), with the reasons these participants gave for judgments (by node, pair and participant).
   */
  answerRows: { judgments: JudgmentRow[]; ratings: RatingRow[]; countingIds: ReadonlySet<string>; comments: JudgmentCommentRow[] } | null;
  measures: MeasureRow[];
  profile: ClusterProfileRow | null;
  /** The definition the profile was rated with (what its factors mean, what each strategy leans on); null without a profile. */
  profileDefinition: ClusterProfileDefinition | null;
  /** The latest group result, whoever may see it (views decide). */
  groupResult: ResultRow | null;
  /** A participant's latest own result. */
  ownResult: ResultRow | null;
  /** When anyone / the reader last answered: a result computed before that is stale. */
  lastAnswerAt: { session: Date | null; own: Date | null };
};

async function latestResult(db: Db, sessionId: string, scope: 'group' | 'individual', participantKey?: string) {
  const [row] = await db
    .select()
    .from(results)
    .where(and(eq(results.sessionId, sessionId), eq(results.scope, scope), participantKey ? eq(results.participantKey, participantKey) : undefined))
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

/**
 * Reads the snapshot in the caller's transaction (start it with READ_SNAPSHOT). Reads run one after another: a
 * transaction is one connection. An invite link reads nothing but the session.
 */
export async function readSessionSnapshot(tx: Db, access: SessionAccess, { withAnswerRows = false } = {}): Promise<SessionSnapshot> {
  const session = await findSession(tx, access.sessionId);
  const model = await loadModel(tx, session.id);
  const rows = await tx.select().from(participants).where(eq(participants.sessionId, session.id));
  // A participant reads only their own row, with their own name; the facilitator's reads follow anonymous mode.
  const everyone = access.role === 'facilitator' ? await withShownNames(rows, session) : rows;
  everyone.sort(byParticipantNumber);
  const shown =
    access.role === 'facilitator' ? everyone : access.role === 'participant' ? everyone.filter((p) => p.id === access.participantId) : [];
  if (access.role === 'participant' && shown.length === 0) throw new AppError('NOT_FOUND', 'You are no longer a participant of this session.');
  const own = access.role === 'participant' ? shown[0]! : null;
  const where = own ? { participantId: own.id } : { sessionId: session.id };
  let answers: AnswersByParticipant = new Map();
  let answerRows: SessionSnapshot['answerRows'] = null;
  if (access.role !== 'invite') {
    if (withAnswerRows) {
      const rows = await loadAnswerRows(tx, where);
      const counting = countingAnswers(rows);
      const countingIds = new Set([...counting.values()].flatMap((own) => [...own.judgments, ...own.ratings].map((row) => row.id)));
      const number = new Map(shown.map((p, index) => [p.id, index]));
      const comments = await loadComments(tx, model, where, (id) => number.get(id) ?? shown.length);
      answerRows = { ...rows, countingIds, comments };
      answers = counting;
    } else {
      answers = await loadAnswers(tx, where);
    }
  }
  const measureRows = await tx.select().from(measures).where(eq(measures.sessionId, session.id));
  measureRows.sort((a, b) => a.position - b.position);
  const [profile] = await tx.select().from(clusterProfiles).where(eq(clusterProfiles.sessionId, session.id));
  return {
    session,
    model,
    participants: shown,
    joinedCount: everyone.length,
    answers,
    answerRows,
    measures: measureRows,
    profile: profile ?? null,
    profileDefinition: profile ? await getProfileDefinition(tx, profile.definitionVersion) : null,
    groupResult: access.role === 'invite' ? null : await latestResult(tx, session.id, 'group'),
    ownResult: own ? await latestResult(tx, session.id, 'individual', own.key) : null,
    lastAnswerAt: {
      session: access.role === 'invite' ? null : await lastAnswerAt(tx, { sessionId: session.id }),
      own: own ? await lastAnswerAt(tx, { participantId: own.id }) : null,
    },
  };
}
