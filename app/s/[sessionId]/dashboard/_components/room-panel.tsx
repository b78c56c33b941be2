'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import { CopyField } from '~/app/_components/copy-field';
import { QrCode } from '~/app/_components/qr-code';
import { joinUrl, spacedCode } from '~/app/_components/workshop/room-qr';
import type { LiveStateData } from '~/app/_components/workshop/types';
import qrStyles from '~/app/_components/workshop/workshop.module.css';
import styles from './dashboard.module.css';
import { useSetLiveState } from './use-live-state';

/** The room: opening it gives the code; then the code, its QR code, the join link and the projector view. */
export function RoomPanel({ sessionId, live }: { sessionId: string; live: LiveStateData }) {
  const t = useTranslations('workshop.room');
  const tActions = useTranslations('common.actions');
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
        {url ? <QrCode value={url} label={t('qrLabel', { url })} className={`${qrStyles.qr} ${styles.roomQr}`} /> : null}
      </div>
      {url ? <CopyField id={`${ids}-link`} label={t('linkLabel')} hint={t('linkHint')} value={url} copyLabel={tActions('copy')} /> : null}
      <p>
        <a href={`/w/${live.roomCode}/screen`} target="_blank" rel="noopener" className="button">
          {t('projector')}
          <span className="visually-hidden"> {t('newTab')}</span>
        </a>
      </p>
    </section>
  );
}
