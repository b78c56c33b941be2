import 'server-only';
import type { WorkshopEventKind } from '~/core/contracts/workshop';
import type { Db } from '~/db/client';
import type { EventBus, WorkshopNotice } from '~/server/events/bus';
import { type LiveState, type LiveViewer, forViewer, readLiveSnapshot } from './live-state';

/** What a subscription yields: what happened since the previous event, and the state after it. */
export type WorkshopEvent = {
  /** The session's event sequence number; the SSE event id a reconnecting client sends back. */
  seq: number;
  /** `sync` alone: the first event of a subscription, or a resync after a gap; otherwise the changes since the last event. */
  kinds: WorkshopEventKind[];
  state: LiveState;
};

/** Notices arriving this close together are answered with one read of the state. */
const COALESCE_MS = 25;
/**
 * When the notices waiting are all answers or joins, the wait before the read: a room of 200 answers about 100
 * times a second, and a room of 300 joins within ten seconds; what those change (how many answered the current
 * pair, its tally, how many are in) reaches the projector, the phones and the dashboards a fifth of a second
 * later without anyone noticing, for an eighth of the reads and of the events sent to every open stream. A
 * facilitator's step still goes out within COALESCE_MS.
 */
const ROOM_TRAFFIC_COALESCE_MS = 200;
const ROOM_TRAFFIC_KINDS: ReadonlySet<WorkshopEventKind> = new Set(['answer.saved', 'answer.removed', 'comment.saved', 'participant.joined']);

type Batch = { kinds: WorkshopEventKind[]; state: LiveState } | { error: unknown };
type BatchListener = (batch: Batch) => void;

/**
 * One per watched session and process: however many phones, projectors and dashboards of a session this process
 * serves, a burst of notices (200 answers in a few seconds) costs one read of the state per COALESCE_MS, shared
 * by all of them.
 */
type SessionFeed = {
  listeners: Set<BatchListener>;
  pending: Set<WorkshopEventKind>;
  timer: NodeJS.Timeout | null;
  /** When the scheduled read runs (performance.now()), so a facilitator's step can bring it forward. */
  timerDueAt: number;
  isReading: boolean;
  /**
   * The state of the last read, while no notice has come since: a stream opening then starts from it instead of
   * reading the same state again (300 phones opening their streams within seconds). Every change raises the
   * session's event sequence, so of two states the one with the higher `seq` is the newer.
   */
  latest: LiveState | null;
  ready: Promise<() => void>;
};

/** No read is waiting or running: every notice received so far is in `latest` (when there is one). */
const isIdle = (feed: SessionFeed) => !feed.isReading && feed.timer === null && feed.pending.size === 0;

const feedsByBus = new WeakMap<EventBus, Map<string, SessionFeed>>();

function scheduleRead(db: Db, sessionId: string, feed: SessionFeed): void {
  if (feed.isReading) return;
  const onlyTraffic = [...feed.pending].every((kind) => ROOM_TRAFFIC_KINDS.has(kind));
  const dueAt = performance.now() + (onlyTraffic ? ROOM_TRAFFIC_COALESCE_MS : COALESCE_MS);
  if (feed.timer) {
    if (feed.timerDueAt <= dueAt) return;
    clearTimeout(feed.timer);
  }
  feed.timerDueAt = dueAt;
  feed.timer = setTimeout(
    () => {
      feed.timer = null;
      void readAndDeliver(db, sessionId, feed);
    },
    dueAt - performance.now(),
  );
}

async function readAndDeliver(db: Db, sessionId: string, feed: SessionFeed): Promise<void> {
  if (feed.listeners.size === 0) return;
  feed.isReading = true;
  const kinds = [...feed.pending];
  feed.pending.clear();
  let batch: Batch;
  try {
    batch = { kinds, state: (await readLiveSnapshot(db, sessionId)).state };
  } catch (error) {
    batch = { error };
  }
  feed.isReading = false;
  feed.latest = 'state' in batch && feed.pending.size === 0 ? batch.state : null;
  for (const listener of feed.listeners) listener(batch);
  if (feed.pending.size > 0) scheduleRead(db, sessionId, feed);
}

/** Joins the session's feed in this process; resolves once notices from now on reach `listener`, with the feed. */
async function joinFeed(db: Db, bus: EventBus, sessionId: string, listener: BatchListener): Promise<{ feed: SessionFeed; leave: () => void }> {
  let feeds = feedsByBus.get(bus);
  if (!feeds) feedsByBus.set(bus, (feeds = new Map()));
  let feed = feeds.get(sessionId);
  if (!feed) {
    const created: SessionFeed = {
      listeners: new Set(),
      pending: new Set(),
      timer: null,
      timerDueAt: 0,
      isReading: false,
      latest: null,
      ready: Promise.resolve(() => {}),
    };
    created.ready = bus
      .subscribe(sessionId, (notice: WorkshopNotice) => {
        created.pending.add(notice.kind);
        created.latest = null;
        scheduleRead(db, sessionId, created);
      })
      .catch((error: unknown) => {
        // A failed LISTEN must not stay cached: the next subscriber tries again.
        if (feeds!.get(sessionId) === created) feeds!.delete(sessionId);
        throw error;
      });
    feeds.set(sessionId, created);
    feed = created;
  }
  const joined = feed;
  joined.listeners.add(listener);
  try {
    await joined.ready;
  } catch (error) {
    leave();
    throw error;
  }
  function leave() {
    joined.listeners.delete(listener);
    if (joined.listeners.size > 0 || feeds!.get(sessionId) !== joined) return;
    feeds!.delete(sessionId);
    if (joined.timer) clearTimeout(joined.timer);
    void joined.ready.then((unsubscribe) => unsubscribe()).catch(() => undefined);
  }
  return { feed: joined, leave };
}

/**
 * The state a stream opening now starts from, or null when a read of the feed is waiting or running: its batch,
 * which reaches this stream too, is then the first state. Otherwise the feed's last state when nothing changed
 * since, else a read of its own (kept for the next stream when nothing came in meanwhile).
 */
async function firstState(db: Db, sessionId: string, feed: SessionFeed): Promise<LiveState | null> {
  if (!isIdle(feed)) return null;
  // Nothing changed since it was read, so it is the state now; the clock the countdown uses is now's.
  if (feed.latest) return { ...feed.latest, serverTime: new Date().toISOString() };
  const state = (await readLiveSnapshot(db, sessionId)).state;
  // Read again: a notice may have come, and its read ended, while this one ran.
  const held = feed.latest as LiveState | null;
  if (isIdle(feed) && (held === null || held.seq < state.seq)) feed.latest = state;
  return state;
}

/**
 * The event stream of one session for one viewer, ending when `signal` aborts (the client went away). It listens
 * before it reads, so nothing falls between (firstState: the read may be the feed's). The first event is a `sync` with the current state, unless
 * `lastEventId` shows the client already has it (a reconnect that missed nothing); after that, one event per
 * coalesced burst of changes, each with the fresh state. Only the latest state matters, so a slow client gets
 * the newest state instead of a backlog.
 */
export async function* streamLiveEvents({
  db,
  bus,
  sessionId,
  viewer,
  lastEventId,
  signal,
}: {
  db: Db;
  bus: EventBus;
  sessionId: string;
  viewer: LiveViewer;
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
}): AsyncGenerator<WorkshopEvent> {
  // An object, not two lets: the callbacks below change these, which TypeScript's narrowing would not see.
  const inbox: { batch: Batch | null; wake: (() => void) | null } = { batch: null, wake: null };
  const onAbort = () => inbox.wake?.();
  signal?.addEventListener('abort', onAbort);
  const { feed, leave } = await joinFeed(db, bus, sessionId, (batch) => {
    const waiting = inbox.batch;
    inbox.batch =
      waiting && 'kinds' in waiting && 'kinds' in batch
        ? { kinds: [...new Set([...waiting.kinds, ...batch.kinds])], state: batch.state }
        : batch;
    inbox.wake?.();
  });
  try {
    const first = await firstState(db, sessionId, feed);
    // The sequence of the last state sent; null until the first, which is a `sync` whatever the batch's kinds.
    let lastSeq: number | null = null;
    if (first) {
      lastSeq = first.seq;
      if (lastEventId !== String(first.seq)) yield { seq: first.seq, kinds: ['sync'], state: forViewer(first, viewer) };
    }
    while (!signal?.aborted) {
      const batch = inbox.batch;
      if (!batch) {
        await new Promise<void>((resolve) => (inbox.wake = resolve));
        inbox.wake = null;
        continue;
      }
      inbox.batch = null;
      if ('error' in batch) throw batch.error;
      if (lastSeq === null) {
        lastSeq = batch.state.seq;
        if (lastEventId !== String(batch.state.seq)) yield { seq: batch.state.seq, kinds: ['sync'], state: forViewer(batch.state, viewer) };
        continue;
      }
      const kinds: WorkshopEventKind[] = batch.kinds.length ? batch.kinds : ['sync'];
      if (batch.state.seq === lastSeq && !kinds.includes('sync')) continue;
      lastSeq = batch.state.seq;
      yield { seq: batch.state.seq, kinds, state: forViewer(batch.state, viewer) };
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    leave();
  }
}
