import { sql } from 'drizzle-orm';
import pg from 'pg';
import { WORKSHOP_EVENT_KINDS, type WorkshopEventKind } from '~/core/contracts/workshop';
import type { EventBus, NoticeListener, WorkshopNotice } from './bus';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;
const KINDS = new Set<string>(WORKSHOP_EVENT_KINDS);

type Payload = { s: string; k: string; q: number };

/** The payload is JSON of this shape, made by encode() or, inside a write statement, by notifyOnCommit's SQL. */
function encode(notice: WorkshopNotice): string {
  return JSON.stringify({ s: notice.sessionId, k: notice.kind, q: notice.seq } satisfies Payload);
}

function decode(payload: string | undefined): WorkshopNotice | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<Payload>;
    if (typeof value.s !== 'string' || typeof value.k !== 'string' || !KINDS.has(value.k) || typeof value.q !== 'number') return null;
    return { sessionId: value.s, kind: value.k as WorkshopEventKind, seq: value.q };
  } catch {
    return null;
  }
}

/**
 * PostgreSQL LISTEN/NOTIFY. Notices go out through the pool (`pg_notify`); each process keeps one dedicated
 * connection that LISTENs on the deployment's channel and hands notices to this process's subscribers, its own
 * notices included, so one path serves every instance. The connection is opened on the first subscription and
 * re-opened with backoff when it drops; after a gap every subscriber gets a `sync` notice, since NOTIFYs sent
 * meanwhile are lost.
 */
export function createPostgresBus({ pool, url, channel }: { pool: pg.Pool; url: string; channel: string }): EventBus {
  const listeners = new Map<string, Set<NoticeListener>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let isClosed = false;
  let retryDelay = RECONNECT_MIN_MS;
  let retryTimer: NodeJS.Timeout | null = null;

  const dispatch = (notice: WorkshopNotice) => {
    for (const listener of listeners.get(notice.sessionId) ?? []) listener(notice);
  };

  const dropClient = (reason: string) => {
    if (!client) return;
    const dropped = client;
    client = null;
    connecting = null;
    dropped.removeAllListeners('notification');
    dropped.end().catch(() => undefined);
    if (isClosed) return;
    console.warn(`workshop events: the LISTEN connection was lost (${reason}); reconnecting`);
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (retryTimer || isClosed) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      listen()
        .then(() => {
          for (const sessionId of listeners.keys()) dispatch({ sessionId, kind: 'sync', seq: 0 });
        })
        .catch(() => scheduleReconnect());
    }, retryDelay);
    retryTimer.unref?.();
    retryDelay = Math.min(retryDelay * 2, RECONNECT_MAX_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('error', (error) => (client === next ? dropClient(error.message) : undefined));
    next.on('end', () => (client === next ? dropClient('connection ended') : undefined));
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      const notice = decode(message.payload);
      if (notice) dispatch(notice);
    });
    try {
      await next.connect();
      // The channel is checked against /^[a-z_][a-z0-9_]*$/ by server/env.js, so quoting it is enough.
      await next.query(`LISTEN "${channel}"`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (isClosed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryDelay = RECONNECT_MIN_MS;
  };

  const listen = (): Promise<void> => {
    if (client) return Promise.resolve();
    connecting ??= connect().catch((error: unknown) => {
      connecting = null;
      throw error;
    });
    return connecting;
  };

  return {
    transport: 'postgres-notify',
    async publish(notice) {
      try {
        await pool.query('select pg_notify($1, $2)', [channel, encode(notice)]);
      } catch (error) {
        console.warn(`workshop events: a notice could not be sent: ${(error as Error).message}`);
      }
    },
    notifyOnCommit: ({ sessionId, kind, seq }) =>
      sql`pg_notify(${channel}, json_build_object('s', ${sessionId}::text, 'k', ${kind}::text, 'q', ${seq})::text)`,
    async subscribe(sessionId, listener) {
      let set = listeners.get(sessionId);
      if (!set) listeners.set(sessionId, (set = new Set()));
      set.add(listener);
      try {
        await listen();
      } catch (error) {
        set.delete(listener);
        throw error;
      }
      return () => {
        const current = listeners.get(sessionId);
        current?.delete(listener);
        if (current?.size === 0) listeners.delete(sessionId);
      };
    },
    async close() {
      isClosed = true;
      if (retryTimer) clearTimeout(retryTimer);
      listeners.clear();
      const open = client ?? (await connecting?.then(() => client).catch(() => null)) ?? null;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
