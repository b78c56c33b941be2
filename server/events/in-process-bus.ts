import { EventEmitter } from 'node:events';
import type { EventBus, NoticeListener, WorkshopNotice } from './bus';

/** For PGlite: one process owns the database, so every writer and every live view share this emitter. */
export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  // One listener per watched session and process (see services/workshop/live-feed.ts), so the default cap of 10
  // would only warn about sessions, not leaks.
  emitter.setMaxListeners(0);
  return {
    transport: 'in-process',
    async publish(notice: WorkshopNotice) {
      emitter.emit(notice.sessionId, notice);
    },
    async subscribe(sessionId: string, listener: NoticeListener) {
      emitter.on(sessionId, listener);
      return () => void emitter.off(sessionId, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
