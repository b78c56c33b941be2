'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type RoomGate, roomGate, useParticipantRoom } from './use-participant-room';
import styles from './workshop.module.css';

/**
 * What a participant page says about the room when it does not take answers here: the room votes live (with the
 * way to the live screen), the round is closed, or the session is. The same words as the phones and the projector.
 */
export function RoomBanner({ gate }: { gate: RoomGate }) {
  const t = useTranslations('workshop.roomState');
  if (gate.kind === 'open') return null;
  if (gate.kind === 'live') {
    return (
      <section className={`notice ${styles.roomBanner}`} aria-labelledby="room-banner-title" data-gate="live">
        <h2 id="room-banner-title">{t('liveTitle')}</h2>
        <p>{t('liveBody')}</p>
        <Link className="button primary" href={`/w/${gate.roomCode}/vote`}>
          {t('goLive')}
        </Link>
      </section>
    );
  }
  const isRound = gate.kind === 'round-closed';
  return (
    <section className={`notice warn ${styles.roomBanner}`} aria-labelledby="room-banner-title" data-gate={gate.kind}>
      <h2 id="room-banner-title">{isRound ? t('roundClosedTitle', { round: gate.round }) : t('sessionClosedTitle')}</h2>
      <p>{isRound ? t('roundClosedBody') : t('sessionClosedBody')}</p>
    </section>
  );
}

/** The banner on a participant page that does not answer anything itself (the own result): it follows the room. */
export function ParticipantRoomBanner({ sessionId, sessionStatus }: { sessionId: string; sessionStatus: string }) {
  const live = useParticipantRoom(sessionId);
  return <RoomBanner gate={roomGate(live, sessionStatus)} />;
}
