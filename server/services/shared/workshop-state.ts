import 'server-only';
import { randomInt } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import {
  type LiveItem,
  ROOM_CODE_ALPHABET,
  ROOM_CODE_LENGTH,
  type RoundStatus,
  type WorkshopEventKind,
} from '~/core/contracts/workshop';
import type { Db } from '~/db/client';
import { type SessionRow, type WorkshopRoundRow, type WorkshopRow, sessions, workshopRounds, workshops } from '~/db/schema';
import type { WorkshopNotice } from '~/server/events/bus';
import { type AnswerRefusal, answerRefusal } from '~/core/model';
import { AppError } from '~/server/errors';

export type RoundInfo = {
  number: number;
  status: RoundStatus;
  /** null: every node. */
  nodeKeys: string[] | null;
  openedAt: Date | null;
  closedAt: Date | null;
  resultError: string | null;
};

/** A session without round rows is in round 1, open, on every node. */
const FIRST_ROUND: RoundInfo = { number: 1, status: 'open', nodeKeys: null, openedAt: null, closedAt: null, resultError: null };

function toRoundInfo(row: WorkshopRoundRow): RoundInfo {
  return {
    number: row.number,
    status: row.status,
    nodeKeys: row.nodeKeys,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    resultError: row.resultError,
  };
}

export async function currentRound(db: Db, sessionId: string): Promise<RoundInfo> {
  const [row] = await db
    .select()
    .from(workshopRounds)
    .where(eq(workshopRounds.sessionId, sessionId))
    .orderBy(desc(workshopRounds.number))
    .limit(1);
  return row ? toRoundInfo(row) : FIRST_ROUND;
}

export async function listRounds(db: Db, sessionId: string): Promise<RoundInfo[]> {
  const rows = await db.select().from(workshopRounds).where(eq(workshopRounds.sessionId, sessionId));
  return rows.length ? rows.sort((a, b) => a.number - b.number).map(toRoundInfo) : [FIRST_ROUND];
}

/** What the workshop row of a session that has none yet would hold: sessions get one on first use. */
function workshopOrDefault(sessionId: string, row: WorkshopRow | null | undefined): WorkshopRow {
  return (
    row ?? {
      sessionId,
      mode: 'async',
      roomCode: null,
      currentItem: null,
      isRevealed: false,
      countdownSeconds: null,
      votingEndsAt: null,
      eventSeq: 0,
      updatedAt: new Date(0),
    }
  );
}

/** The workshop row, or what it would hold. */
async function findWorkshop(db: Db, sessionId: string): Promise<WorkshopRow> {
  const [row] = await db.select().from(workshops).where(eq(workshops.sessionId, sessionId)).limit(1);
  return workshopOrDefault(sessionId, row);
}

/**
 * The session row, its workshop row (or what it would hold) and its current round, in one query: answers and live
 * views read all three many times a second in a workshop. `lock: 'share'` share-locks the session row until the
 * transaction ends, as shareLockSession does (the workshop and round rows are not locked).
 */
export async function readSessionState(
  db: Db,
  sessionId: string,
  { lock }: { lock?: 'share' } = {},
): Promise<{ session: SessionRow; workshop: WorkshopRow; round: RoundInfo }> {
  const latestRound = db
    .select()
    .from(workshopRounds)
    .where(eq(workshopRounds.sessionId, sessions.id))
    .orderBy(desc(workshopRounds.number))
    .limit(1)
    .as('latest_round');
  const query = db
    .select()
    .from(sessions)
    .leftJoin(workshops, eq(workshops.sessionId, sessions.id))
    .leftJoinLateral(latestRound, sql`true`)
    .where(eq(sessions.id, sessionId))
    .limit(1);
  const [row] = await (lock ? query.for(lock, { of: sessions }) : query);
  if (!row) throw new AppError('NOT_FOUND', 'This session no longer exists.', { field: 'sessionId' });
  return {
    session: row.sessions,
    workshop: workshopOrDefault(sessionId, row.workshops),
    round: row.latest_round ? toRoundInfo(row.latest_round) : FIRST_ROUND,
  };
}

/** Uniform over the alphabet (randomInt has no modulo bias). */
function generateRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++) code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}

const ROOM_CODE_ATTEMPTS = 20;

/**
 * The session's workshop row, made if missing, with a room code while the session can be joined. A code is
 * drawn until one is free; two transactions drawing the same free code at the same instant (odds about one in a
 * billion per pair) would meet the unique constraint, and the second call fails and can be retried.
 */
export async function ensureWorkshop(tx: Db, session: SessionRow): Promise<WorkshopRow> {
  await tx.insert(workshops).values({ sessionId: session.id }).onConflictDoNothing();
  const workshop = await findWorkshop(tx, session.id);
  if (workshop.roomCode || session.status === 'closed') return workshop;
  for (let attempt = 0; attempt < ROOM_CODE_ATTEMPTS; attempt++) {
    const code = generateRoomCode();
    const [taken] = await tx.select({ id: workshops.sessionId }).from(workshops).where(eq(workshops.roomCode, code)).limit(1);
    if (taken) continue;
    const [updated] = await tx.update(workshops).set({ roomCode: code }).where(eq(workshops.sessionId, session.id)).returning();
    if (updated) return updated;
  }
  throw new Error('no free room code found');
}

/** The upsert that increments a session's event sequence and returns the new number. */
function incrementEventSeq(db: Db, sessionId: string) {
  return db
    .insert(workshops)
    .values({ sessionId, eventSeq: 1 })
    .onConflictDoUpdate({ target: workshops.sessionId, set: { eventSeq: sql`${workshops.eventSeq} + 1` } })
    .returning({ seq: workshops.eventSeq });
}

/**
 * Increments the session's event sequence in the caller's transaction and returns the notice to publish once it
 * has committed. The row lock this takes is held only from here to the commit, so call it last.
 */
export async function raiseEvent(tx: Db, sessionId: string, kind: WorkshopEventKind): Promise<WorkshopNotice> {
  const [row] = await incrementEventSeq(tx, sessionId);
  if (!row) throw new Error('raising a workshop event returned no row');
  return { sessionId, kind, seq: row.seq };
}

/**
 * raiseEvent as a CTE, for a write that raises its event in the same statement (one round trip less, for answers):
 * `eventSeq` goes in that statement's RETURNING. The row lock is held from that statement to the commit, so it must
 * be the transaction's last.
 */
export function raiseEventWith(tx: Db, sessionId: string) {
  const raised = tx.$with('raised_event').as(incrementEventSeq(tx, sessionId));
  return { raised, eventSeq: sql<number>`(select ${raised.seq} from ${raised})`.mapWith(Number) };
}

/** The server's messages for core's refusals: what is wrong, said to the person whose answer it was. */
function refusalMessage(refusal: AnswerRefusal): string {
  switch (refusal.reason) {
    case 'round-closed':
      return `Round ${refusal.round} is closed: its answers are frozen until the facilitator opens the next round.`;
    case 'not-asked':
      return `Round ${refusal.round} does not ask about "${refusal.nodeKey}" again.`;
    case 'other-item':
      return 'The room is voting on another question now.';
    case 'revealed':
      return 'Voting on this question is closed: its answers are being shown.';
    case 'time-up':
      return 'Time is up for this question: voting on it has closed.';
  }
}

/** Refuses an answer about `item` that core's answerRefusal does not let through, by the server's clock. */
export function assertOpenForAnswers(workshop: WorkshopRow, round: RoundInfo, item: LiveItem): void {
  const refusal = answerRefusal(
    {
      mode: workshop.mode,
      currentItem: workshop.currentItem,
      isRevealed: workshop.isRevealed,
      votingEndsAt: workshop.votingEndsAt?.getTime() ?? null,
      round,
    },
    item,
    Date.now(),
  );
  if (!refusal) return;
  const field = refusal.reason === 'not-asked' ? { field: item.kind === 'pair' ? 'nodeKey' : 'criterionKey' } : undefined;
  throw new AppError(refusal.code, refusalMessage(refusal), field);
}

/**
 * The columns that put a question before the room open for votes: hidden, with the facilitator's countdown (if
 * any) starting now. Every step that (re)opens voting writes these, so the countdown means the same everywhere.
 */
export function openVoting(workshop: Pick<WorkshopRow, 'countdownSeconds'>, now = new Date()) {
  return {
    isRevealed: false,
    votingEndsAt: workshop.countdownSeconds ? new Date(now.getTime() + workshop.countdownSeconds * 1000) : null,
    updatedAt: now,
  };
}
