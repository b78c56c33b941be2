import type { ReactNode } from 'react';
import styles from './table-scroll.module.css';

/**
 * A wide table that scrolls sideways inside its card on a phone. The scrolling box takes keyboard focus (and
 * names itself), so it can be scrolled without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.tableScroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
