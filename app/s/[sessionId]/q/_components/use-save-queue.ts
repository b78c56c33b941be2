'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveStatus } from '~/app/_components/save-state';
import { serverErrorInfo } from '~/app/_components/use-error-text';

type Entry = { run: () => Promise<unknown>; timer: ReturnType<typeof setTimeout> | null };

/** The wait a RATE_LIMITED refusal asks for (`data.appError.retryAfterSeconds`), or null for any other error. */
function retryAfterMs(error: unknown): number | null {
  const appError = (error as { data?: { appError?: { code?: string; retryAfterSeconds?: number } | null } | null })?.data
    ?.appError;
  if (appError?.code !== 'RATE_LIMITED') return null;
  return Math.max(1, appError.retryAfterSeconds ?? 2) * 1000;
}

/** Refusals that saying the same again cannot change (the room is not taking that answer): shown, never retried. */
const REFUSAL_CODES = new Set(['VOTING_CLOSED', 'ROUND_CLOSED', 'SESSION_CLOSED']);

export function isRefusal(error: unknown): boolean {
  return REFUSAL_CODES.has(serverErrorInfo(error).code ?? '');
}

/**
 * Saves answers one key at a time: the newest value of a key wins, a key never has two requests in flight (so
 * an older answer cannot overwrite a newer one), and a short delay lets arrow keys pass over options without a
 * request for each. A save refused for going too fast is retried when the server says; other failures stay
 * queued for "try again".
 */
export function useSaveQueue() {
  const queued = useRef(new Map<string, Entry>());
  const inFlight = useRef(new Set<string>());
  const failed = useRef(new Map<string, Entry>());
  /** Keys whose last save was refused (isRefusal): the page shows why until that question is answered again. */
  const refused = useRef(new Set<string>());
  const waiters = useRef<Array<() => void>>([]);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(() => {
    const busy = queued.current.size > 0 || inFlight.current.size > 0;
    setStatus(busy ? 'saving' : failed.current.size > 0 || refused.current.size > 0 ? 'error' : 'saved');
    if (!busy) {
      for (const resolve of waiters.current.splice(0)) resolve();
    }
  }, []);

  const start = useCallback(
    async (key: string) => {
      const entry = queued.current.get(key);
      if (!entry || entry.timer !== null || inFlight.current.has(key)) return;
      queued.current.delete(key);
      inFlight.current.add(key);
      refresh();
      try {
        await entry.run();
        failed.current.delete(key);
        if (failed.current.size === 0 && refused.current.size === 0) setError(null);
      } catch (caught) {
        const wait = retryAfterMs(caught);
        if (queued.current.has(key)) {
          // A newer answer for this key is already waiting: it replaces the one that failed.
        } else if (isRefusal(caught)) {
          refused.current.add(key);
          setError(caught);
        } else if (wait !== null) {
          // Too many answers in a short time: the server says when it takes the next one; try then, quietly.
          const retry: Entry = { run: entry.run, timer: null };
          retry.timer = setTimeout(() => {
            retry.timer = null;
            void start(key);
          }, wait);
          queued.current.set(key, retry);
        } else {
          failed.current.set(key, { run: entry.run, timer: null });
          setError(caught);
        }
      } finally {
        inFlight.current.delete(key);
        const next = queued.current.get(key);
        if (next && next.timer === null) void start(key);
        refresh();
      }
    },
    [refresh],
  );

  /** Queues the save of `key`; with `delay` it waits that long for a newer value first. */
  const schedule = useCallback(
    (key: string, run: () => Promise<unknown>, delay = 0) => {
      const previous = queued.current.get(key);
      if (previous?.timer) clearTimeout(previous.timer);
      failed.current.delete(key);
      refused.current.delete(key);
      const entry: Entry = { run, timer: null };
      queued.current.set(key, entry);
      if (delay > 0) {
        entry.timer = setTimeout(() => {
          entry.timer = null;
          void start(key);
        }, delay);
      } else {
        void start(key);
      }
      refresh();
    },
    [refresh, start],
  );

  /** Sends every delayed save now; resolves when nothing is left to send (failed ones stay failed). */
  const flush = useCallback((): Promise<void> => {
    for (const [key, entry] of queued.current) {
      if (entry.timer) {
        clearTimeout(entry.timer);
        entry.timer = null;
        void start(key);
      }
    }
    if (queued.current.size === 0 && inFlight.current.size === 0) return Promise.resolve();
    return new Promise((resolve) => waiters.current.push(resolve));
  }, [start]);

  const retry = useCallback(() => {
    const entries = [...failed.current];
    failed.current.clear();
    setError(null);
    for (const [key, entry] of entries) schedule(key, entry.run);
  }, [schedule]);

  // A delayed save is sent at once when the page is hidden (tab switched or closed on a phone).
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [flush]);

  return { status, error, schedule, flush, retry };
}
