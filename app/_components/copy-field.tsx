'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import styles from './copy-field.module.css';

/** A read-only link with a copy button whose label says "Copied" for a moment (and a polite announcement). */
export function CopyField({ id, label, hint, value, copyLabel }: { id: string; label: string; hint: string; value: string; copyLabel: string }) {
  const tActions = useTranslations('common.actions');
  const t = useTranslations('common.copy');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard permission (an embedded or insecure page): select the text so Ctrl+C works.
      inputRef.current?.select();
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), 4000);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className={styles.copyRow}>
        <input
          ref={inputRef}
          id={id}
          type="url"
          readOnly
          value={value}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
          className={styles.linkInput}
        />
        <button type="button" className={`button ${state === 'copied' ? styles.copied : 'primary'}`} onClick={() => void copy()}>
          {state === 'copied' ? <span aria-hidden="true">✓</span> : <CopyIcon />}
          {state === 'copied' ? tActions('copied') : copyLabel}
        </button>
      </div>
      <p className={styles.copyState} role="status" aria-live="polite">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('failed') : ''}
      </p>
    </div>
  );
}

/** Two overlapping sheets; drawn rather than a symbol character, which phone fonts often lack. */
function CopyIcon() {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H3A1.5 1.5 0 0 0 1.5 3v6A1.5 1.5 0 0 0 3 10.5h.5" />
    </svg>
  );
}
