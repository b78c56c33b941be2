'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { RoomCode } from '~/core/contracts/workshop';
import styles from './join-room-entry.module.css';

const JoinEntry = z.object({ roomCode: RoomCode });

/**
 * The landing page's way into a live room: the code from the projector, checked by the same contract as the join
 * itself, then the room's join screen (name and group) at /w/<code>.
 */
export function JoinRoomEntry() {
  const t = useTranslations('landing.join');
  const tJoin = useTranslations('workshop.join');
  const ids = useId();
  const router = useRouter();
  const form = useForm<z.input<typeof JoinEntry>, unknown, z.output<typeof JoinEntry>>({
    resolver: zodResolver(JoinEntry),
    defaultValues: { roomCode: '' },
  });
  const error = form.formState.errors.roomCode;
  const errorText = error ? (form.getValues('roomCode').trim() === '' ? tJoin('errors.codeRequired') : tJoin('errors.codeInvalid')) : null;
  const onSubmit = form.handleSubmit(({ roomCode }) => router.push(`/w/${roomCode}`));
  return (
    <form className={styles.entry} onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('title')}</h2>
      <p className="muted">{t('hint')}</p>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor={`${ids}-code`}>{tJoin('codeLabel')}</label>
          <input
            id={`${ids}-code`}
            type="text"
            className={styles.code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            aria-invalid={errorText ? true : undefined}
            aria-describedby={errorText ? `${ids}-error` : undefined}
            {...form.register('roomCode')}
          />
          {errorText ? (
            <span className="error" id={`${ids}-error`}>
              {errorText}
            </span>
          ) : null}
        </div>
        <button type="submit" className="button primary">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
