'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import { RoomQr, joinUrl, spacedCode } from '~/app/w/_components/room-qr';
import type { LiveStateData } from '~/app/w/_components/types';
import styles from './dashboard.module.css';
import { useSetLiveState } from './use-live-state';

/** The room: opening it gives the code; then the code, its QR code, the join link and the projector view. */
export function RoomPanel({ sessionId, live }: { sessionId: string; live: LiveStateData }) {
  const t = useTranslations('workshop.room');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const setLive = useSetLiveState(sessionId);
  const openRoom = useMutation(trpc.workshop.openRoom.mutationOptions({ onSuccess: setLive }));
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  const codeRef = useRef<HTMLParagraphElement>(null);
  const ids = useId();

  const open = async () => {
    try {
      await openRoom.mutateAsync({ sessionId });
      requestAnimationFrame(() => codeRef.current?.focus());
    } catch {
      // Shown below from the mutation's error.
    }
  };

  if (!live.roomCode) {
    return (
      <section className={`card ${styles.panel}`} aria-labelledby={`${ids}-heading`}>
        <h2 id={`${ids}-heading`}>{t('heading')}</h2>
        <p>{t('closedIntro')}</p>
        <button type="button" className="button primary" onClick={() => void open()} disabled={openRoom.isPending || live.status === 'closed'}>
          {openRoom.isPending ? t('opening') : t('open')}
        </button>
        {openRoom.isError ? (
          <p className="notice danger" role="alert">
            {errorText(openRoom.error)}
          </p>
        ) : null}
      </section>
    );
  }

  const url = origin ? joinUrl(origin, live.roomCode) : null;
  return (
    <section className={`card ${styles.panel} ${styles.room}`} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('heading')}</h2>
      <div className={styles.roomGrid}>
        <div>
          <p className={styles.codeLabel}>{t('codeLabel')}</p>
          <p ref={codeRef} tabIndex={-1} className={styles.roomCode} data-room-code={live.roomCode}>
            {spacedCode(live.roomCode)}
          </p>
          <p className="muted">{t('joined', { count: live.participantCount })}</p>
        </div>
        {url ? <RoomQr value={url} label={t('qrLabel', { url })} className={styles.roomQr} /> : null}
      </div>
      {url ? <CopyLink id={`${ids}-link`} label={t('linkLabel')} hint={t('linkHint')} value={url} /> : null}
      <p>
        <a href={`/w/${live.roomCode}/screen`} target="_blank" rel="noopener" className="button">
          {t('projector')}
          <span className="visually-hidden"> {t('newTab')}</span>
        </a>
      </p>
    </section>
  );
}

/** A read-only link with a copy button; the state is said in words (and announced), not only by the icon. */
function CopyLink({ id, label, hint, value }: { id: string; label: string; hint: string; value: string }) {
  const t = useTranslations('workshop.room');
  const tActions = useTranslations('common.actions');
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
      inputRef.current?.select();
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), 4000);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        {hint}
      </span>
      <div className={styles.copyRow}>
        <input ref={inputRef} id={id} type="url" readOnly value={value} aria-describedby={`${id}-hint`} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button" onClick={() => void copy()}>
          {state === 'copied' ? tActions('copied') : tActions('copy')}
        </button>
      </div>
      <span className="hint" role="status" aria-live="polite">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </div>
  );
}
