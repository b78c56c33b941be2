import 'server-only';

const sharedResults = new WeakSet<object>();

/** Whether `value` is a result createCoalescedRead handed to several callers; such a result is never changed. */
export function isSharedResult(value: unknown): value is object {
  return typeof value === 'object' && value !== null && sharedResults.has(value);
}


type Waiter<T> = { resolve: (value: T) => void; reject: (error: unknown) => void };
type Slot<T> = { waiters: Array<Waiter<T>>; load: () => Promise<T>; isRunning: boolean; startedAt: number; timer: NodeJS.Timeout | null };

/**
 * Shares an expensive read among the callers that ask for the same key at about the same time, and paces it:
 * per key at most one read runs at a time, and each starts at least `minIntervalMs` after the previous one
 * started. Every caller gets the result of a read that started after it called, so it sees every write committed
 * before its call. Three dashboards that re-read on every one of 100 answers a second thus cost at most
 * 1000 / minIntervalMs reads a second, not one per dashboard back to back (each blocking the event loop while
 * the engine runs).
 *
 * Per process and per `key`, which must name everything the result depends on.
 */
export function createCoalescedRead<T>({ minIntervalMs, now = Date.now }: { minIntervalMs: number; now?: () => number }) {
  const slots = new Map<string, Slot<T>>();

  const tick = (key: string, slot: Slot<T>): void => {
    slot.timer = null;
    if (slot.isRunning) return;
    const wait = slot.startedAt + minIntervalMs - now();
    if (wait > 0) {
      slot.timer = setTimeout(() => tick(key, slot), wait);
      return;
    }
    if (slot.waiters.length === 0) {
      slots.delete(key);
      return;
    }
    void run(key, slot);
  };

  const run = async (key: string, slot: Slot<T>): Promise<void> => {
    const batch = slot.waiters.splice(0);
    slot.isRunning = true;
    slot.startedAt = now();
    try {
      const value = await slot.load();
      if (typeof value === 'object' && value !== null) sharedResults.add(value);
      for (const waiter of batch) waiter.resolve(value);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    } finally {
      slot.isRunning = false;
      tick(key, slot);
    }
  };

  return function read(key: string, load: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let slot = slots.get(key);
      if (!slot) slots.set(key, (slot = { waiters: [], load, isRunning: false, startedAt: -Infinity, timer: null }));
      slot.load = load;
      slot.waiters.push({ resolve, reject });
      if (!slot.isRunning && !slot.timer) tick(key, slot);
    });
  };
}
