'use client';

import styles from './setup.module.css';

/** A row's action (up, down, remove…): the visible verb, plus the row it acts on for screen readers. */
export function ActionButton({
  id,
  icon,
  label,
  refText,
  disabled,
  danger,
  expanded,
  describedBy,
  onClick,
}: {
  describedBy?: string;
  id: string;
  icon: string;
  label: string;
  refText: string;
  disabled?: boolean;
  danger?: boolean;
  expanded?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      id={id}
      type="button"
      className={`button ${styles.action}${danger ? ' danger' : ''}`}
      disabled={disabled}
      aria-expanded={expanded}
      aria-describedby={describedBy}
      onClick={onClick}
    >
      <span aria-hidden="true" className={styles.actionIcon}>
        {icon}
      </span>
      {label}
      <span className="visually-hidden"> ({refText})</span>
    </button>
  );
}
