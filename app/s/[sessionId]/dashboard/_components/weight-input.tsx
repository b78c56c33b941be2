'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import styles from './dashboard.module.css';

/** A weight (0 to 100) in one of the dashboard's weight tables, with its error next to it. Labelled by the caller. */
export function WeightInput({ id, error, registration }: { id: string; error: string | null; registration: UseFormRegisterReturn }) {
  return (
    <>
      <input
        id={id}
        type="number"
        min={0}
        max={100}
        step={0.1}
        inputMode="decimal"
        className={styles.weightInput}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
      />
      {error ? (
        <span className={styles.fieldError} id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </>
  );
}
