import 'server-only';
import { withShownNames } from '~/server/services/shared/participant-names';
import { and, count, eq, sql } from 'drizzle-orm';
import {
  consensusIndicator,
  consensusLevel,
  emptyMatrix,
  judgmentDispersion,
  positionToRatio,
  ratioToNearestPosition,
  scaleMaximum,
  setJudgment,
} from '~/core';
import { RATING_INTENSITIES, type RatingIntensity, ratingValue } from '~/core/contracts/ratings';
import type { LiveItem, RoundStatus, WorkshopMode } from '~/core/contracts/workshop';
import type { Db } from '~/db/client';
import { type ParticipantRow, type SessionRow, type WorkshopRow, judgments, participants, ratings } from '~/db/schema';
import { type SessionModel, loadModelAt } from '../shared/session-model';
import { buildAgenda, effectiveWeight, flipPosition, isSameItem } from '~/core/model';
import { pairAnswersOf, ratingAnswersOf } from '../shared/item-answers';
import { type RoundInfo, readSessionState } from '../shared/workshop-state';

/** Sessions compute consensus in the AHP-OS form (core/model/stored-result.ts); one pair is worded alike. */
const CONSENSUS_FORMULA = 'ahp-os';

const POSITIONS = Array.from({ length: 17 }, (_, i) => i - 8);

type PairTally = {
  kind: 'pair';
  /** How many chose each position -8..8, read as `a` over `b` of the current item (positive: `a` preferred). */
  counts: Array<{ position: number; count: number }>;
  answered: number;
  /**
   * The weighted geometric mean of the answers (participant weight times stakeholder-group weight, as the group
   * result weighs them), its nearest scale position and the geometric standard deviation; null when every
   * answer has weight 0.
   */
  groupValue: { ratio: number; position: number; geometricSd: number } | null;
  /**
   * How far the room agrees on this one pair, in the words the results use for a node: Goepel's consensus
   * indicator S* over the answers as two-element priority vectors (in the AHP-OS form sessions use, the scale's
   * largest ratio, the same weights as the group value) and its AHP-OS level; null below two weighted answers.
   */
  consensus: { value: number; level: ReturnType<typeof consensusLevel> } | null;
};

type RatingTally = {
  kind: 'rating';
  counts: Array<{ intensity: RatingIntensity; count: number }>;
  answered: number;
  /** The weighted mean of the intensity values (as the engine averages ratings) and the nearest intensity. */
  groupValue: { value: number; intensity: RatingIntensity } | null;
};

export type LiveTally = PairTally | RatingTally;

export type LiveState = {
  sessionId: string;
  /** The session's event sequence this state reflects: the id of the event that carries it. */
  seq: number;
  status: SessionRow['status'];
  mode: WorkshopMode;
  roomCode: string | null;
  round: { number: number; status: RoundStatus; nodeKeys: string[] | null };
  /** The item the room votes on, with its place in the round's agenda (index from 0); null in async mode before a start. */
  current: (LiveItem & { index: number; total: number }) | null;
  isRevealed: boolean;
  participantCount: number;
  /** Participants the facilitator has not left out: who the room waits for. */
  includedCount: number;
  /** Included participants who answered the current item in this round. */
  answeredCount: number;
  /** The distribution and group value of the current item: always for the facilitator, for others once revealed. */
  tally: LiveTally | null;
  /** When voting on the current item closes by the facilitator's countdown (ISO time), or null without one. */
  votingEndsAt: string | null;
  /** The countdown each question gets, in seconds, or null. */
  countdownSeconds: number | null;
  /** The server's clock when this state was read, so a device with a wrong clock still counts down right. */
  serverTime: string;
  /** Included participants who have not answered the current item: names for the facilitator only, else null. */
  waitingFor: Array<{ participantId: string; displayName: string; stakeholderGroup: string }> | null;
};

export type LiveViewer = 'facilitator' | 'participant' | 'public';

export type LiveSnapshot = {
  session: SessionRow;
  workshop: WorkshopRow;
  round: RoundInfo;
  model: SessionModel;
  participantRows: ParticipantRow[];
  /** The state with the tally; `forViewer` hides it from who may not see it yet. */
  state: LiveState;
};

function tallyPair(
  session: SessionRow,
  item: Extract<LiveItem, { kind: 'pair' }>,
  /** How many elements the pair's node compares: the size-dependent scales need it. */
  size: number,
  rows: Array<{ aKey: string; position: number; participant: ParticipantRow }>,
): PairTally {
  const scale = session.methodSettings.scale;
  const counts = new Map(POSITIONS.map((p) => [p, 0]));
  const matrices = [];
  const weights = [];
  const vectors: number[][] = [];
  for (const row of rows) {
    const position = row.aKey === item.a ? row.position : flipPosition(row.position);
    counts.set(position, (counts.get(position) ?? 0) + 1);
    const weight = effectiveWeight(row.participant, session.stakeholderWeights);
    if (weight <= 0) continue;
    const ratio = positionToRatio(position, scale, size);
    const matrix = emptyMatrix(2);
    setJudgment(matrix, 0, 1, ratio);
    matrices.push(matrix);
    weights.push(weight);
    vectors.push([ratio / (1 + ratio), 1 / (1 + ratio)]);
  }
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const consensusValue =
    vectors.length >= 2
      ? consensusIndicator(
          vectors,
          weights.map((w) => w / totalWeight),
          scaleMaximum(scale, size),
          CONSENSUS_FORMULA,
        )
      : null;
  const spread = matrices.length ? judgmentDispersion(matrices, weights)[0] : undefined;
  return {
    kind: 'pair',
    counts: POSITIONS.map((position) => ({ position, count: counts.get(position) ?? 0 })),
    answered: rows.length,
    groupValue: spread
      ? { ratio: spread.geometricMean, position: ratioToNearestPosition(spread.geometricMean, scale, size), geometricSd: spread.geometricSd }
      : null,
    consensus: consensusValue === null ? null : { value: consensusValue, level: consensusLevel(consensusValue) },
  };
}

function tallyRating(session: SessionRow, rows: Array<{ intensity: string; participant: ParticipantRow }>): RatingTally {
  const counts = new Map<string, number>(RATING_INTENSITIES.map((r) => [r.key, 0]));
  let weighted = 0;
  let total = 0;
  for (const row of rows) {
    counts.set(row.intensity, (counts.get(row.intensity) ?? 0) + 1);
    const weight = effectiveWeight(row.participant, session.stakeholderWeights);
    if (weight <= 0) continue;
    weighted += weight * ratingValue(row.intensity);
    total += weight;
  }
  const mean = total > 0 ? weighted / total : null;
  const nearest =
    mean === null
      ? null
      : RATING_INTENSITIES.reduce((best, r) => (Math.abs(r.value - mean) < Math.abs(best.value - mean) ? r : best)).key;
  return {
    kind: 'rating',
    counts: RATING_INTENSITIES.map((r) => ({ intensity: r.key, count: counts.get(r.key) ?? 0 })),
    answered: rows.length,
    groupValue: mean === null || nearest === null ? null : { value: mean, intensity: nearest },
  };
}

/**
 * The live state of a session as every view shows it, read fresh from the database: mode, round, the current item
 * with its place in the agenda, how many of the included participants answered it, and its tally.
 */
export async function readLiveSnapshot(db: Db, sessionId: string): Promise<LiveSnapshot> {
  // Sequential: `db` may be a transaction (one connection), where node-postgres would only queue them anyway.
  const { session, workshop, round } = await readSessionState(db, sessionId);
  return readSnapshotAt(db, session, workshop, round);
}

async function readSnapshotAt(db: Db, session: SessionRow, workshop: WorkshopRow, round: RoundInfo): Promise<LiveSnapshot> {
  const sessionId = session.id;
  const model = await loadModelAt(db, session);
  // Only the facilitator's view names anyone (waitingFor); anonymous mode applies to it.
  const participantRows = await withShownNames(await db.select().from(participants).where(eq(participants.sessionId, sessionId)), session);
  const included = new Map(participantRows.filter((p) => p.isIncluded).map((p) => [p.id, p]));
  const item = workshop.currentItem;
  let tally: LiveTally | null = null;
  let answeredIds: Set<string> = new Set();
  if (item) {
    if (item.kind === 'pair') {
      const rows = await db
        .select({ participantId: judgments.participantId, aKey: judgments.aKey, position: judgments.position })
        .from(judgments)
        .where(pairAnswersOf({ sessionId }, round.number, item));
      answeredIds = new Set(rows.map((row) => row.participantId));
      tally = tallyPair(
        session,
        item,
        model.node(item.nodeKey)?.elementKeys.length ?? 2,
        rows.flatMap((row) => (included.has(row.participantId) ? [{ ...row, participant: included.get(row.participantId)! }] : [])),
      );
    } else {
      const rows = await db
        .select({ participantId: ratings.participantId, intensity: ratings.intensity })
        .from(ratings)
        .where(ratingAnswersOf({ sessionId }, round.number, item));
      answeredIds = new Set(rows.map((row) => row.participantId));
      tally = tallyRating(
        session,
        rows.flatMap((row) => (included.has(row.participantId) ? [{ ...row, participant: included.get(row.participantId)! }] : [])),
      );
    }
  }
  const state = stateOf(session, workshop, round, model, {
    participantCount: participantRows.length,
    includedCount: included.size,
    answeredCount: tally?.answered ?? 0,
    tally,
    waitingFor: item
      ? [...included.values()]
          .filter((p) => !answeredIds.has(p.id))
          .map((p) => ({ participantId: p.id, displayName: p.displayName, stakeholderGroup: p.stakeholderGroup }))
      : [],
  });
  return { session, workshop, round, model, participantRows, state };
}

function stateOf(
  session: SessionRow,
  workshop: WorkshopRow,
  round: RoundInfo,
  model: SessionModel,
  counted: Pick<LiveState, 'participantCount' | 'includedCount' | 'answeredCount' | 'tally' | 'waitingFor'>,
): LiveState {
  const item = workshop.currentItem;
  let current: LiveState['current'] = null;
  if (item) {
    const agenda = buildAgenda(model, session.alternativeScoring, round.nodeKeys);
    current = { ...item, index: agenda.findIndex((entry) => isSameItem(entry, item)), total: agenda.length };
  }
  return {
    sessionId: session.id,
    seq: workshop.eventSeq,
    status: session.status,
    mode: workshop.mode,
    roomCode: workshop.roomCode,
    round: { number: round.number, status: round.status, nodeKeys: round.nodeKeys },
    current,
    isRevealed: workshop.isRevealed,
    ...counted,
    votingEndsAt: workshop.votingEndsAt?.toISOString() ?? null,
    countdownSeconds: workshop.countdownSeconds,
    serverTime: new Date().toISOString(),
  };
}

/** A snapshot for the room's public views: the state as forViewer(state, 'public' or 'participant') gives it. */
export type RoomSnapshot = Omit<LiveSnapshot, 'participantRows'>;

/**
 * The state the room's public views see (the join screen, a phone as it joins): while the current item is not
 * revealed they see no tally and no names, only how many are in and how many answered, so these are counted in
 * the database instead of reading every participant and answer (a room of 300 joining reads this 600 times in
 * seconds). Once revealed, the full snapshot.
 */
export async function readRoomSnapshot(db: Db, sessionId: string): Promise<RoomSnapshot> {
  const { session, workshop, round } = await readSessionState(db, sessionId);
  const item = workshop.currentItem;
  if (item && workshop.isRevealed) return readSnapshotAt(db, session, workshop, round);
  const model = await loadModelAt(db, session);
  const [people] = await db
    .select({ participantCount: count(), includedCount: sql<number>`count(*) filter (where ${participants.isIncluded})`.mapWith(Number) })
    .from(participants)
    .where(eq(participants.sessionId, sessionId));
  let answeredCount = 0;
  if (item) {
    const answered =
      item.kind === 'pair'
        ? db
            .select({ n: count() })
            .from(judgments)
            .innerJoin(participants, eq(participants.id, judgments.participantId))
            .where(and(pairAnswersOf({ sessionId }, round.number, item), eq(participants.isIncluded, true)))
        : db
            .select({ n: count() })
            .from(ratings)
            .innerJoin(participants, eq(participants.id, ratings.participantId))
            .where(and(ratingAnswersOf({ sessionId }, round.number, item), eq(participants.isIncluded, true)));
    answeredCount = (await answered)[0]?.n ?? 0;
  }
  const state = stateOf(session, workshop, round, model, {
    participantCount: people?.participantCount ?? 0,
    includedCount: people?.includedCount ?? 0,
    answeredCount,
    tally: null,
    waitingFor: null,
  });
  return { session, workshop, round, model, state };
}

/** The facilitator sees the tally before revealing it; the room sees it once revealed. */
export function forViewer(state: LiveState, viewer: LiveViewer): LiveState {
  const forRoom = { ...state, waitingFor: null };
  if (viewer === 'facilitator') return state;
  return state.isRevealed ? forRoom : { ...forRoom, tally: null };
}
