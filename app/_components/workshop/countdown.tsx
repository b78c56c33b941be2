'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import styles from './workshop.module.css';

type Clock = { votingEndsAt: string | null; serverTime: string };

/**
 * Seconds left on the facilitator's countdown for the current question, or null without one. Counted against the
 * server's clock (the state carries it), so a phone whose clock is wrong still closes with the room; the server
 * refuses late answers by its own clock either way.
 */
export function useSecondsLeft({ votingEndsAt, serverTime }: Clock): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!votingEndsAt) return;
    const offset = Date.parse(serverTime) - Date.now();
    const end = Date.parse(votingEndsAt);
    const tick = () => setLeft(Math.max(0, Math.ceil((end - (Date.now() + offset)) / 1000)));
    const timer = setInterval(tick, 250);
    tick();
    return () => clearInterval(timer);
  }, [votingEndsAt, serverTime]);
  return votingEndsAt ? left : null;
}

/** "0:42 left to answer", then "Time is up" in words: the number is never the only signal. */
export function Countdown({ clock, className }: { clock: Clock; className?: string }) {
  const t = useTranslations('workshop.countdown');
  const format = useFormatter();
  const left = useSecondsLeft(clock);
  if (left === null) return null;
  const minutes = Math.floor(left / 60);
  const seconds = format.number(left % 60, { minimumIntegerDigits: 2 });
  return (
    <p className={`${styles.countdown} ${className ?? ''}`} data-state={left === 0 ? 'over' : 'running'}>
      {left === 0 ? (
        <span role="status">{t('over')}</span>
      ) : (
        <span role="timer" aria-label={t('timerLabel', { seconds: left })}>
          {t('left', { time: `${minutes}:${seconds}` })}
        </span>
      )}
    </p>
  );
}
