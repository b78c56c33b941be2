'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { JoinByCodeInput, RoomCode } from '~/core/contracts/workshop';
import shared from '~/app/_components/join.module.css';
import { ParticipantIdentityFields } from '~/app/_components/participant-identity-fields';
import { serverErrorInfo } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import { readLinks, rememberLink } from '~/app/_trpc/link-tokens';
import { useSeedJoinedRoom } from '~/app/_components/workshop/use-room';
import styles from './join.module.css';

type JoinFields = z.input<typeof JoinByCodeInput>;
type JoinValues = z.output<typeof JoinByCodeInput>;

/** The retry wait a rate-limited call was given (data.appError.retryAfterSeconds), if any. */
function retryAfterSeconds(error: unknown): number | null {
  const data = (error as { data?: { appError?: { retryAfterSeconds?: number } | null } | null } | null)?.data;
  return data?.appError?.retryAfterSeconds ?? null;
}

/**
 * Joining a live workshop on one screen: the room code (already in the address when the QR code or the link was
 * used, typed otherwise), a name and a stakeholder group. A wrong code, a missing name or a refused join are said
 * next to the field they concern; too many tries from one network are said with the wait the server gave.
 */
export function JoinRoomForm({ initialCode }: { initialCode: string | null }) {
  const t = useTranslations('workshop.join');
  const tRoom = useTranslations('workshop.roomState');
  const trpc = useTRPC();
  const router = useRouter();
  const ids = useId();
  const parsedCode = initialCode ? RoomCode.safeParse(initialCode) : null;
  const codeFromUrl = parsedCode?.success ? parsedCode.data : null;
  const room = useQuery({
    ...trpc.workshop.room.queryOptions({ roomCode: codeFromUrl ?? '' }),
    enabled: codeFromUrl !== null,
    retry: (failures, error) => failures < 2 && !['NOT_FOUND', 'RATE_LIMITED'].includes(serverErrorInfo(error).code ?? ''),
  });
  const join = useMutation(trpc.workshop.joinByCode.mutationOptions());
  const seedJoinedRoom = useSeedJoinedRoom();
  const form = useForm<JoinFields, unknown, JoinValues>({
    resolver: zodResolver(JoinByCodeInput),
    defaultValues: { roomCode: codeFromUrl ?? initialCode ?? '', displayName: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const [failure, setFailure] = useState<string | null>(null);
  const [joinedBefore, setJoinedBefore] = useState<string | null>(null);

  const roomCodeMissing = room.isError && serverErrorInfo(room.error).code === 'NOT_FOUND';
  useEffect(() => {
    if (initialCode && (roomCodeMissing || !codeFromUrl)) {
      form.setError('roomCode', { type: roomCodeMissing ? 'not-found' : 'invalid' });
    }
  }, [initialCode, codeFromUrl, roomCodeMissing, form]);

  const sessionId = room.data?.sessionId ?? null;
  useEffect(() => {
    if (!sessionId) return;
    const held = readLinks().some((link) => link.sessionId === sessionId && link.role === 'participant');
    setJoinedBefore(held ? sessionId : null);
  }, [sessionId]);

  /** The code field is shown when the address had none, or a wrong one. */
  const isCodeShown = codeFromUrl === null || roomCodeMissing || errors.roomCode !== undefined;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const joined = await join.mutateAsync(values);
      rememberLink({ sessionId: joined.sessionId, token: joined.token, role: 'participant' });
      // The vote page shows what the join answered instead of asking again.
      seedJoinedRoom(values.roomCode, joined);
      router.push(`/w/${values.roomCode}/vote`);
    } catch (error) {
      const info = serverErrorInfo(error);
      if (info.code === 'NOT_FOUND' && info.field === 'roomCode') {
        form.setError('roomCode', { type: 'not-found' }, { shouldFocus: true });
      } else if (info.fieldErrors.displayName || info.fieldErrors.roomCode || info.fieldErrors.stakeholderGroup) {
        if (info.fieldErrors.roomCode) form.setError('roomCode', { type: 'invalid' }, { shouldFocus: true });
        if (info.fieldErrors.displayName) form.setError('displayName', { type: 'server' }, { shouldFocus: true });
        if (info.fieldErrors.stakeholderGroup) form.setError('stakeholderGroup', { type: 'server' });
      } else if (info.code === 'RATE_LIMITED' || info.code === 'TOO_MANY_REQUESTS') {
        const seconds = retryAfterSeconds(error);
        setFailure(seconds ? t('errors.rateLimitedFor', { seconds }) : t('errors.rateLimited'));
      } else if (info.code === 'SESSION_CLOSED') {
        setFailure(t('errors.closed'));
      } else if (info.code === 'LIMIT_REACHED') {
        setFailure(t('errors.full'));
      } else if (info.code === null) {
        setFailure(t('errors.offline'));
      } else {
        setFailure(t('errors.other', { message: info.message }));
      }
    }
  });

  const codeValue = form.watch('roomCode');
  const codeError = errors.roomCode
    ? errors.roomCode.type === 'not-found'
      ? t('errors.codeNotFound')
      : codeValue.trim() === ''
        ? t('errors.codeRequired')
        : t('errors.codeInvalid')
    : null;
  const nameError = errors.displayName ? (errors.displayName.type === 'too_big' ? t('errors.nameTooLong') : t('errors.nameRequired')) : null;
  const groupError = errors.stakeholderGroup ? t('errors.groupRequired') : null;
  const roomData = roomCodeMissing ? null : room.data;
  const isClosed = roomData?.status === 'closed';
  const roomLookupFailed = room.isError && !roomCodeMissing;

  return (
    <main className={`narrow ${styles.join}`}>
      <p className={shared.kicker}>{t('kicker')}</p>
      <h1>{roomData?.title ?? t('title')}</h1>
      {roomData?.question ? <p className={shared.question}>{roomData.question}</p> : null}
      {codeFromUrl && room.isPending ? (
        <p className="muted" role="status">
          {t('loadingRoom')}
        </p>
      ) : null}
      {roomLookupFailed ? (
        <p className="notice warn" role="alert">
          {serverErrorInfo(room.error).code === 'RATE_LIMITED' ? t('errors.rateLimited') : t('errors.roomUnavailable')}
        </p>
      ) : null}
      {joinedBefore ? (
        <div className="notice">
          <p>{t('joinedBefore')}</p>
          <Link className="button primary" href={`/w/${codeFromUrl}/vote`}>
            {t('continue')}
          </Link>
        </div>
      ) : null}

      {isClosed ? (
        <div className="notice warn" role="alert">
          <p>
            <strong>{tRoom('sessionClosedTitle')}</strong>
          </p>
          <p>{t('errors.closed')}</p>
        </div>
      ) : (
        <form className={`card ${shared.form}`} onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-heading`}>
          <h2 id={`${ids}-heading`} className={shared.formHeading}>
            {joinedBefore ? t('formTitleAnother') : t('formTitle')}
          </h2>
          {isCodeShown ? (
            <div className="field">
              <label htmlFor={`${ids}-code`}>{t('codeLabel')}</label>
              <span className="hint" id={`${ids}-code-hint`}>
                {t('codeHint')}
              </span>
              <input
                id={`${ids}-code`}
                type="text"
                className={styles.codeInput}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                aria-invalid={codeError ? true : undefined}
                aria-describedby={`${ids}-code-hint${codeError ? ` ${ids}-code-error` : ''}`}
                {...form.register('roomCode')}
              />
              {codeError ? (
                <span className="error" id={`${ids}-code-error`}>
                  {codeError}
                </span>
              ) : null}
            </div>
          ) : (
            <p className={styles.codeShown}>
              {t('codeShown')} <strong>{codeFromUrl}</strong>
            </p>
          )}

          <ParticipantIdentityFields
            ids={ids}
            nameField={form.register('displayName')}
            groupField={form.register('stakeholderGroup')}
            nameError={nameError}
            groupError={groupError}
          />

          {failure ? (
            <p className="notice danger" role="alert">
              {failure}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button primary" disabled={isSubmitting}>
              {isSubmitting ? t('joining') : t('submit')}
            </button>
          </div>
          <p className={shared.privacy}>{t('privacy')}</p>
        </form>
      )}
    </main>
  );
}
