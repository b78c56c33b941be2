'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { RoomCode } from '~/core/contracts/workshop';
import { serverErrorInfo } from '~/app/_components/use-error-text';
import { LiveIndicator } from '~/app/_components/workshop/live-indicator';
import { useDecisionModel } from '~/app/_components/use-decision-model';
import { QrCode } from '~/app/_components/qr-code';
import { joinUrl, spacedCode } from '~/app/_components/workshop/room-qr';
import { TallyChart } from '~/app/_components/workshop/tally-chart';
import { Countdown } from '~/app/_components/workshop/countdown';
import qrStyles from '~/app/_components/workshop/workshop.module.css';
import type { RoomData } from '~/app/_components/workshop/types';
import { useRoom } from '~/app/_components/workshop/use-room';
import { useItemText } from '~/app/_components/workshop/use-item-text';
import type { LiveConnection } from '~/app/_components/workshop/use-room-events';
import styles from './projector.module.css';

export function Projector({ code }: { code: string }) {
  const t = useTranslations('workshop.screen');
  const parsed = RoomCode.safeParse(code);
  const roomCode = parsed.success ? parsed.data : null;
  const { room, connection } = useRoom(roomCode);
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);

  if (!roomCode || (room.isError && serverErrorInfo(room.error).code === 'NOT_FOUND')) {
    return (
      <main className={styles.projector}>
        <h1>{t('notFoundTitle')}</h1>
        <p className="notice warn" role="alert">
          {t('notFound')}
        </p>
      </main>
    );
  }
  if (room.isError) {
    return (
      <main className={styles.projector}>
        <p className="notice danger" role="alert">
          {t('unavailable')}
        </p>
      </main>
    );
  }
  if (!room.data) {
    return (
      <main className={styles.projector} aria-busy="true">
        <p className="muted" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }
  return <ProjectorScreen room={room.data} roomCode={roomCode} origin={origin} connection={connection} />;
}

function ProjectorScreen({
  room,
  roomCode,
  origin,
  connection,
}: {
  room: RoomData;
  roomCode: string;
  origin: string | null;
  connection: LiveConnection;
}) {
  const t = useTranslations('workshop.screen');
  const tConsensus = useTranslations('workshop.consensus');
  const tRoom = useTranslations('workshop.roomState');
  const format = useFormatter();
  const model = useDecisionModel(room.model);
  const text = useItemText(model);
  const live = room.live;
  const isClosed = room.status === 'closed' || live.status === 'closed';
  const current = !isClosed && live.mode === 'live' && live.round.status === 'open' ? live.current : null;
  const url = origin ? joinUrl(origin, roomCode) : null;
  const address = origin ? `${origin.replace(/^https?:\/\//, '')}/w` : null;
  const revealed = current && live.isRevealed && live.tally ? { item: current, tally: live.tally } : null;
  const groupValue = revealed ? text.groupValue(revealed.item, revealed.tally) : null;
  const consensus = revealed?.tally.kind === 'pair' ? revealed.tally.consensus : null;
  const fraction = live.includedCount > 0 ? live.answeredCount / live.includedCount : 0;
  const stillToVote = Math.max(0, live.includedCount - live.answeredCount);

  const answered = (
    <div className={styles.answered}>
      <p className={styles.answeredNumber}>{t('answered', { answered: live.answeredCount, total: live.includedCount })}</p>
      <div className={`progress ${styles.answeredBar}`} aria-hidden="true">
        <span style={{ width: `${Math.min(1, fraction) * 100}%` }} />
      </div>
      {!revealed && live.includedCount > 0 ? (
        <p className={styles.stillToVote}>{stillToVote === 0 ? t('everyoneVoted') : t('stillToVote', { count: stillToVote })}</p>
      ) : null}
    </div>
  );

  return (
    // data-presenter takes the app's header off this page (globals.css): the projector shows the room, not the app.
    <main className={styles.projector} data-presenter="" data-view={revealed ? 'revealed' : 'room'}>
      <div className={styles.topBar}>
        <p className={styles.sessionTitle}>{room.title}</p>
        {revealed ? (
          <p className={styles.codeSmall}>
            {t('codeLabel')} <strong>{spacedCode(roomCode)}</strong>
          </p>
        ) : null}
        {live.mode === 'live' && !isClosed ? <LiveIndicator connection={connection} className={styles.indicator} /> : null}
        <FullScreenButton />
      </div>

      {revealed ? (
        // Answers revealed: the distribution takes the room of the join panel (nobody joins while the room discusses).
        <div className={styles.revealLayout}>
          <section className={styles.revealText} aria-labelledby="screen-heading">
            <p className={styles.kicker}>
              {text.context(revealed.item)} · {t('itemCount', { n: revealed.item.index + 1, total: revealed.item.total })}
            </p>
            <h1 id="screen-heading" className={styles.questionSmall} aria-live="polite">
              {text.question(revealed.item)}
            </h1>
            {answered}
            {consensus ? (
              <p className={styles.consensus} data-level={consensus.level}>
                {tConsensus(consensus.level)}
                <span className={styles.consensusDetail}>
                  {tConsensus('detail', { value: format.number(consensus.value, { style: 'percent', maximumFractionDigits: 0 }) })}
                </span>
              </p>
            ) : null}
            <h2 className={styles.revealHeading}>{t('revealed')}</h2>
            <p className={styles.groupValue}>{groupValue ? groupValue.sentence : t('noGroupValue')}</p>
            {groupValue ? <p className={styles.groupDetail}>{groupValue.detail}</p> : null}
          </section>
          <div className={styles.revealChart}>
            <TallyChart item={revealed.item} tally={revealed.tally} text={text} size="large" />
          </div>
        </div>
      ) : (
        <div className={styles.layout}>
          <section className={styles.stage} aria-labelledby="screen-heading">
            {isClosed ? (
              <>
                <h1 id="screen-heading" className={styles.question}>
                  {tRoom('sessionClosedTitle')}
                </h1>
                <p className={styles.waiting}>{tRoom('sessionClosedBody')}</p>
              </>
            ) : live.round.status === 'closed' ? (
              <>
                <h1 id="screen-heading" className={styles.question}>
                  {tRoom('roundClosedTitle', { round: live.round.number })}
                </h1>
                <p className={styles.waiting}>{t('roundClosed')}</p>
              </>
            ) : current ? (
              <>
                <p className={styles.kicker}>
                  {text.context(current)} · {t('itemCount', { n: current.index + 1, total: current.total })}
                </p>
                <h1 id="screen-heading" className={styles.question} aria-live="polite">
                  {text.question(current)}
                </h1>
                {answered}
                <Countdown clock={live} className={styles.countdown} />
                <p className={styles.waiting}>{t('voting')}</p>
              </>
            ) : (
              <>
                <h1 id="screen-heading" className={styles.question}>
                  {room.question || room.title}
                </h1>
                <p className={styles.waiting}>{live.mode === 'async' ? t('selfPaced') : t('between')}</p>
                <p className={styles.joined}>{t('joined', { count: live.participantCount })}</p>
              </>
            )}
          </section>

          {isClosed ? null : (
            <aside className={styles.joinPanel} aria-labelledby="join-heading">
              <h2 id="join-heading" className={styles.joinHeading}>
                {t('joinHeading')}
              </h2>
              {url ? <QrCode value={url} label={t('qrLabel', { url })} className={`${qrStyles.qr} ${styles.qr}`} /> : null}
              {address ? (
                <p className={styles.joinAddress}>
                  <span className={styles.codeLabel}>{t('addressLabel')}</span>
                  <strong>{address}</strong>
                </p>
              ) : null}
              <p className={styles.codeLabel}>{t('codeLabel')}</p>
              <p className={styles.code}>{spacedCode(roomCode)}</p>
              {current ? <p className={styles.joinedSmall}>{t('joined', { count: live.participantCount })}</p> : null}
            </aside>
          )}
        </div>
      )}
    </main>
  );
}

/**
 * Full screen for the beamer (F as well): the browser's own chrome goes too. Shown only where the browser offers
 * it; Escape leaves it as everywhere.
 */
function FullScreenButton() {
  const t = useTranslations('workshop.screen');
  const [isSupported, setSupported] = useState(false);
  const [isFull, setFull] = useState(false);
  useEffect(() => {
    setSupported(document.fullscreenEnabled);
    const onChange = () => setFull(document.fullscreenElement !== null);
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'f' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]')) return;
      void toggleFullScreen();
    };
    document.addEventListener('fullscreenchange', onChange);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  if (!isSupported) return null;
  return (
    <button type="button" className={`button ${styles.fullScreen}`} aria-keyshortcuts="F" onClick={() => void toggleFullScreen()}>
      {isFull ? t('leaveFullScreen') : t('fullScreen')}
      <kbd className={styles.key} aria-hidden="true">
        F
      </kbd>
    </button>
  );
}

async function toggleFullScreen() {
  if (document.fullscreenElement) await document.exitFullscreen();
  else await document.documentElement.requestFullscreen().catch(() => undefined);
}
