import 'server-only';
import { type Db, handleOf } from '~/db/client';
import { env } from '~/server/env.js';
import type { EventBus } from './bus';
import { createInProcessBus } from './in-process-bus';
import { createPostgresBus } from './postgres-bus';

export type { EventBus, WorkshopNotice } from './bus';

/**
 * On globalThis like the database itself: Next may load this module in several bundles of one process, and a
 * second in-process bus would not hear the first one's notices.
 */
declare global {
  var clusterwiseEventBuses: WeakMap<Db, EventBus> | undefined;
}
const buses = (globalThis.clusterwiseEventBuses ??= new WeakMap<Db, EventBus>());

/**
 * The event bus of a database, one per database handle (so one per process in the app): LISTEN/NOTIFY on
 * PostgreSQL, where other app instances may share the database; in-process on PGlite. Closed with the handle.
 */
export function eventBusFor(db: Db): EventBus {
  let bus = buses.get(db);
  if (bus) return bus;
  const handle = handleOf(db);
  bus =
    handle?.engine === 'postgres'
      ? createPostgresBus({ pool: handle.pool, url: handle.url, channel: env.WORKSHOP_EVENTS_CHANNEL })
      : createInProcessBus();
  buses.set(db, bus);
  const opened = bus;
  handle?.onClose(() => opened.close());
  return bus;
}
