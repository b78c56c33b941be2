/**
 * The 300-phone scenario of `npm run bench:workshop`: a venue room joining by room code and answering the pair on
 * the projector, through the production server (server.mjs) on PGlite (the quick start's database, a folder of
 * its own) or PostgreSQL, with the rate limits on and every phone on one address (127.0.0.1), as behind a venue's
 * NAT. Each phone makes the calls the UI makes, in its order:
 *   - the join page (the QR code carries the code) looks the room up to show its title: `workshop.room`;
 *   - "Join": `workshop.joinByCode`; the vote page then needs the room and the phone's own live state, which it
 *     reads (`workshop.room`, `workshop.live` with the phone's link) unless the join's answer carried them;
 *   - the vote page follows the room's events (`workshop.roomEvents`, SSE) while the person answers the current
 *     pair (`judgment.save`) a few seconds after the question appeared.
 * A projector follows the room's events from before the first phone. Printed: the join (tap to vote screen ready)
 * and save latencies, each call's, answers saved (the facilitator's count) against sent, and the projector's lag:
 * from the last answer's acknowledgment to the first room event showing every saved answer.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '~/core';
import { STAKEHOLDER_GROUPS } from '~/core/contracts/session';
import { type ApiClient, createApiClient, errorCodeOf } from './support/api-client';
import type { AppServer } from './support/app-server';

export const PHONES = 300;
export const PHONE_JOIN_WINDOW_MS = 10_000;
/** After the vote screen shows the pair, a person answers within this span (ms). */
const ANSWER_AFTER_MS = [2_000, 6_000] as const;
const PHONE_SEED = 12;
/** How long to wait for the projector to show every answer before calling it a miss. */
const PROJECTOR_TIMEOUT_MS = 30_000;

export type PhoneRoom = { sessionId: string; roomCode: string; facilitatorToken: string };

export type PhoneMetrics = {
  /** Tap "Join" to vote screen ready (room and own state in hand), per phone that got in. */
  joins: number[];
  saves: number[];
  /** Each call's latency, by the name the report prints. */
  calls: Map<string, number[]>;
  errors: Map<string, number>;
  joinsSent: number;
  answersSent: number;
  answersAcknowledged: number;
  lastAckAt: number;
  /** The vote screen's state came with the join (no second room look-up nor live read). */
  seededFromJoin: number;
  /** The join's answer, in bytes of JSON as sent. */
  joinBytes: number[];
  roomBytes: number[];
};

export type PhoneResult = {
  metrics: PhoneMetrics;
  participantsIn: number;
  answersSaved: number;
  projectorLagMs: number | null;
  projectorEvents: number;
  publicRoomCount: number;
  loadSeconds: number;
};

const now = () => performance.now();
const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - now())));

function record(metrics: PhoneMetrics, call: string, started: number): void {
  let list = metrics.calls.get(call);
  if (!list) metrics.calls.set(call, (list = []));
  list.push(now() - started);
}

function countError(metrics: PhoneMetrics, call: string, error: unknown): void {
  const key = `${call}: ${errorCodeOf(error)}`;
  metrics.errors.set(key, (metrics.errors.get(key) ?? 0) + 1);
}

type Subscription = { unsubscribe(): void };

/** Opens the room's event stream; resolves once it started, with its subscription. */
function followRoom(
  client: ApiClient,
  roomCode: string,
  onState: (state: { answeredCount: number; participantCount: number; seq: number }) => void,
): Promise<Subscription> {
  return new Promise((resolve, reject) => {
    const subscription = client.workshop.roomEvents.subscribe(
      { roomCode },
      {
        onStarted: () => resolve(subscription),
        onData: (envelope) => onState(envelope.data.state),
        onError: (error) => reject(error),
      },
    );
  });
}

type PhonePlan = { index: number; joinAt: number; answerAfter: number; position: number };

function planPhones(): PhonePlan[] {
  const rng = createRng(PHONE_SEED);
  return Array.from({ length: PHONES }, (_, index) => ({
    index,
    joinAt: rng.next() * PHONE_JOIN_WINDOW_MS,
    answerAfter: ANSWER_AFTER_MS[0] + rng.next() * (ANSWER_AFTER_MS[1] - ANSWER_AFTER_MS[0]),
    position: Math.round(rng.normal() * 3),
  }));
}

async function runPhone(plan: PhonePlan, server: AppServer, room: PhoneRoom, startedAt: number, metrics: PhoneMetrics, open: Subscription[]) {
  const anonymous = createApiClient(server.baseUrl);
  await sleepUntil(startedAt + plan.joinAt);
  const step = async <T>(call: string, run: () => Promise<T>): Promise<T> => {
    const started = now();
    try {
      const result = await run();
      record(metrics, call, started);
      return result;
    } catch (error) {
      countError(metrics, call, error);
      throw error;
    }
  };
  try {
    const lookup = await step('room (join page)', () => anonymous.workshop.room.query({ roomCode: room.roomCode }));
    metrics.roomBytes.push(JSON.stringify(lookup).length);
    metrics.joinsSent += 1;
    const tapped = now();
    const joined = await step('joinByCode', () =>
      anonymous.workshop.joinByCode.mutate({
        roomCode: room.roomCode,
        displayName: `Phone ${plan.index + 1}`,
        stakeholderGroup: STAKEHOLDER_GROUPS[plan.index % STAKEHOLDER_GROUPS.length]!,
      }),
    );
    metrics.joinBytes.push(JSON.stringify(joined).length);
    const phone = createApiClient(server.baseUrl, joined.token);
    // The vote page: what the join carried, else what it reads (as before the join returned the vote screen's state).
    const carried = joined as { room?: Awaited<ReturnType<ApiClient['workshop']['room']['query']>>; live?: unknown };
    let current;
    if (carried.room && carried.live) {
      metrics.seededFromJoin += 1;
      current = carried.room.live.current;
    } else {
      const roomData = await step('room (vote page)', () => anonymous.workshop.room.query({ roomCode: room.roomCode }));
      await step('live (own state)', () => phone.workshop.live.query({ sessionId: room.sessionId }));
      current = roomData.live.current;
    }
    metrics.joins.push(now() - tapped);
    const answerAt = now() + plan.answerAfter;
    // The stream opens once the vote page has the room, and stays open while the person answers.
    void step('roomEvents (SSE started)', () => followRoom(anonymous, room.roomCode, () => undefined)).then(
      (subscription) => open.push(subscription),
      () => undefined,
    );
    if (!current || current.kind !== 'pair') throw new Error('the room shows no pair');
    await sleepUntil(answerAt);
    metrics.answersSent += 1;
    const started = now();
    await step('judgment.save', () =>
      phone.judgment.save.mutate({ sessionId: room.sessionId, nodeKey: current.nodeKey, a: current.a, b: current.b, position: Math.max(-8, Math.min(8, plan.position)) }),
    );
    const ended = now();
    metrics.saves.push(ended - started);
    metrics.answersAcknowledged += 1;
    metrics.lastAckAt = Math.max(metrics.lastAckAt, ended);
  } catch {
    // counted by step()
  }
}

/**
 * Runs the scenario on `server` (already warmed up): a facilitator opens a room live on its first pair, a projector
 * follows it, 300 phones join and answer.
 */
export async function runPhoneScenario(server: AppServer): Promise<PhoneResult> {
  const anonymous = createApiClient(server.baseUrl);
  const created = await anonymous.session.create.mutate({
    title: 'Venue room benchmark',
    question: 'Which regulation strategy should the cluster follow?',
    alternativeScoring: 'ratings',
  });
  const facilitator = createApiClient(server.baseUrl, created.facilitator.token);
  await facilitator.session.open.mutate({ sessionId: created.sessionId });
  const opened = await facilitator.workshop.openRoom.mutate({ sessionId: created.sessionId });
  if (!opened.roomCode) throw new Error('opening the room gave no room code');
  await facilitator.workshop.setMode.mutate({ sessionId: created.sessionId, mode: 'live' });
  const room: PhoneRoom = { sessionId: created.sessionId, roomCode: opened.roomCode, facilitatorToken: created.facilitator.token };

  const metrics: PhoneMetrics = {
    joins: [],
    saves: [],
    calls: new Map(),
    errors: new Map(),
    joinsSent: 0,
    answersSent: 0,
    answersAcknowledged: 0,
    lastAckAt: 0,
    seededFromJoin: 0,
    joinBytes: [],
    roomBytes: [],
  };
  const projectorStates: Array<{ at: number; answeredCount: number }> = [];
  let onProjectorState: (() => void) | null = null;
  const projector = await followRoom(createApiClient(server.baseUrl), room.roomCode, (state) => {
    projectorStates.push({ at: now(), answeredCount: state.answeredCount });
    onProjectorState?.();
  });
  const open: Subscription[] = [projector];
  try {
    const startedAt = now();
    await Promise.all(planPhones().map((plan) => runPhone(plan, server, room, startedAt, metrics, open)));
    const loadSeconds = (now() - startedAt) / 1000;
    const counted = await facilitator.workshop.live.query({ sessionId: room.sessionId });
    const answersSaved = counted.answeredCount;
    const shown = () => projectorStates.find((s) => s.answeredCount >= answersSaved);
    if (!shown()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, PROJECTOR_TIMEOUT_MS);
        onProjectorState = () => {
          if (!shown()) return;
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const first = shown();
    const publicRoom = await anonymous.workshop.room.query({ roomCode: room.roomCode });
    return {
      metrics,
      participantsIn: counted.participantCount,
      answersSaved,
      projectorLagMs: first ? first.at - metrics.lastAckAt : null,
      projectorEvents: projectorStates.length,
      publicRoomCount: publicRoom.live.answeredCount,
      loadSeconds,
    };
  } finally {
    for (const subscription of open) subscription.unsubscribe();
  }
}
