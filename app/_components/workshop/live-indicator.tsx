'use client';

import { useTranslations } from 'next-intl';
import styles from './workshop.module.css';
import type { LiveConnection } from './use-room-events';

/** Whether this screen follows the room live, in words and a shape: colour is never the only signal. */
export function LiveIndicator({ connection, className }: { connection: LiveConnection; className?: string }) {
  const t = useTranslations('workshop.live');
  if (connection === 'off') return null;
  return (
    <p className={`${styles.live} ${className ?? ''}`} data-connection={connection} role="status" aria-live="polite">
      <span aria-hidden="true" className={styles.liveMark}>
        {connection === 'live' ? '●' : '○'}
      </span>
      {t(connection)}
    </p>
  );
}
