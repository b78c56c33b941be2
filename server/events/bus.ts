import type { SQL } from 'drizzle-orm';
import type { WorkshopEventKind } from '~/core/contracts/workshop';

/**
 * What a write tells live views: which session, what kind of change, and the session's event sequence number
 * after it. Deliberately small (it travels as a PostgreSQL NOTIFY payload): subscribers read the fresh state
 * from the database themselves.
 */
export type WorkshopNotice = { sessionId: string; kind: WorkshopEventKind; seq: number };

export type NoticeListener = (notice: WorkshopNotice) => void;

/**
 * Carries notices from the process that wrote to every process that has live views of the session. Chosen by
 * the database engine (server/events/index.ts): PostgreSQL LISTEN/NOTIFY, so several app instances on one
 * database see each other's writes; an in-process emitter for PGlite, which only one process can open.
 *
 * Delivery is at most once: a notice published after its transaction committed can be lost if the process
 * dies in between, or while a LISTEN connection is re-established. Subscribers are then sent a `sync` notice
 * and re-read the state, and a reconnecting client compares its last event id with the current sequence.
 */
export interface EventBus {
  readonly transport: 'in-process' | 'postgres-notify';
  /** Sends a notice to every subscriber of its session, in this process and (PostgreSQL) in the others. Never throws. */
  publish(notice: WorkshopNotice): Promise<void>;
  /**
   * Where notices travel through the database (PostgreSQL): an SQL expression that, as part of a write
   * statement, sends the notice when that statement's transaction commits, with `seq` computed in the same
   * statement. It saves publish()'s round trip on the most frequent write, an answer, and is never sent for a
   * write that rolls back. Absent for the in-process bus: publish() after the commit.
   */
  readonly notifyOnCommit?: (notice: { sessionId: string; kind: WorkshopEventKind; seq: SQL }) => SQL;
  /** Resolves once notices published from now on will reach `listener`; the returned function unsubscribes. */
  subscribe(sessionId: string, listener: NoticeListener): Promise<() => void>;
  close(): Promise<void>;
}
