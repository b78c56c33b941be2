'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { RATING_INTENSITIES } from '~/core/ahp/ratings-scale';
import { RoomCode } from '~/core/contracts/workshop';
import { serverErrorInfo } from '~/app/_components/use-error-text';
import { useTRPCClient } from '~/app/_trpc/client';
import { readLinks } from '~/app/_trpc/link-tokens';
import { useJudgmentText } from '~/app/_components/judgment/use-judgment-text';
import { VerbalScale } from '~/app/_components/judgment/verbal-scale';
import { Countdown } from '~/app/_components/workshop/countdown';
import { LiveIndicator } from '~/app/_components/workshop/live-indicator';
import { useDecisionModel } from '~/app/_components/use-decision-model';
import { type AcknowledgedAnswer, type AgendaItem, buildAgenda, itemKey, roundProgress, withAcknowledged } from '~/core/model';
import type { RoomData } from '~/app/_components/workshop/types';
import { useItemText } from '~/app/_components/workshop/use-item-text';
import { useJoinedLive, useRoom } from '~/app/_components/workshop/use-room';
import type { LiveConnection } from '~/app/_components/workshop/use-room-events';
import styles from './vote.module.css';

/**
 * Events after which the server may hold fewer of this phone's answers than the phone knows of (a re-vote clears a
 * question, a new round starts empty, a removal revokes the link) or a different agenda: the own answers are read
 * again, as of that event's sequence number. Other events (another question, someone else's answer) change nothing
 * the phone holds, so 300 phones do not all read again on every step.
 */
const REREAD_KINDS = new Set(['sync', 'item.revote', 'round.opened', 'round.closed', 'mode.changed', 'participant.removed', 'session.changed']);
/** Events that put a new question (or the same one, cleared) before the room: focus goes to it. */
const FOCUS_KINDS = new Set(['item.changed', 'item.revote', 'round.opened', 'mode.changed']);

type TokenState = { status: 'reading' } | { status: 'missing' } | { status: 'ready'; token: string };

export function VoteScreen({ code }: { code: string }) {
  const t = useTranslations('workshop.vote');
  const parsed = RoomCode.safeParse(code);
  const roomCode = parsed.success ? parsed.data : null;
  // The session event sequence number the own answers were last read at: it only grows, so a screen shown again
  // never meets an answer cached under an earlier number.
  const [readSeq, setReadSeq] = useState<number | null>(null);
  const [focusSeq, setFocusSeq] = useState(0);
  const { room, connection } = useRoom(roomCode, (event) => {
    if (event.kinds.some((kind) => REREAD_KINDS.has(kind))) setReadSeq((held) => Math.max(held ?? 0, event.seq));
    if (event.kinds.some((kind) => FOCUS_KINDS.has(kind))) setFocusSeq(event.seq);
  });
  const roomSeq = room.data?.live.seq ?? null;
  useEffect(() => {
    if (roomSeq !== null) setReadSeq((held) => held ?? roomSeq);
  }, [roomSeq]);

  const sessionId = room.data?.sessionId ?? null;
  const [token, setToken] = useState<TokenState>({ status: 'reading' });
  useEffect(() => {
    if (!sessionId) return;
    const link = readLinks().find((held) => held.sessionId === sessionId && held.role === 'participant');
    setToken(link ? { status: 'ready', token: link.token } : { status: 'missing' });
  }, [sessionId]);

  if (!roomCode || (room.isError && serverErrorInfo(room.error).code === 'NOT_FOUND')) {
    return (
      <main className={`narrow ${styles.vote}`}>
        <h1>{t('notFoundTitle')}</h1>
        <p className="notice warn" role="alert">
          {t('notFound')}
        </p>
        <Link className="button" href="/w">
          {t('enterCode')}
        </Link>
      </main>
    );
  }
  if (room.isError) {
    return (
      <main className={`narrow ${styles.vote}`}>
        <p className="notice danger" role="alert">
          {t('unavailable')}
        </p>
        <button type="button" className="button" onClick={() => void room.refetch()}>
          {t('retry')}
        </button>
      </main>
    );
  }
  if (!room.data || token.status === 'reading' || readSeq === null) {
    return (
      <main className={`narrow ${styles.vote}`} aria-busy="true">
        <p className="muted" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }
  if (token.status === 'missing') {
    return (
      <main className={`narrow ${styles.vote}`}>
        <h1>{room.data.title}</h1>
        <p className="notice warn">{t('notJoined')}</p>
        <Link className="button primary" href={`/w/${roomCode}`}>
          {t('joinNow')}
        </Link>
      </main>
    );
  }
  return (
    <VoteBody room={room.data} token={token.token} readSeq={readSeq} focusSeq={focusSeq} connection={connection} />
  );
}

/** An answer given on this phone and not yet confirmed by the server (or refused by it). */
type LocalAnswer = {
  /** The read sequence and item it was given for: a re-vote or a new round (a new read) starts the question empty. */
  key: string;
  item: AgendaItem;
  value: { position: number } | { intensity: string };
  status: 'pending' | 'saving' | 'error';
  error?: string;
};

function VoteBody({
  room,
  token,
  readSeq,
  focusSeq,
  connection,
}: {
  room: RoomData;
  token: string;
  readSeq: number;
  focusSeq: number;
  connection: LiveConnection;
}) {
  const t = useTranslations('workshop.vote');
  const tPair = useTranslations('questionnaire.pair');
  const tRating = useTranslations('common.rating');
  const tRoom = useTranslations('workshop.roomState');
  const trpcClient = useTRPCClient();
  const ids = useId();
  const model = useDecisionModel(room.model);
  const text = useItemText(model);
  const judgmentText = useJudgmentText();
  const live = room.live;
  const sessionId = room.sessionId;

  // Own answers in this round as the server holds them: read with this phone's participant link (an explicit token,
  // so a facilitator link held in the same browser is never used) at the sequence number of the last event that can
  // have cleared one, plus the saves the server acknowledged since. Nothing is kept once the screen is left.
  // Right after a join by room code, the join's answer carried the first read (at the room's sequence number).
  const joinedLive = useJoinedLive(sessionId);
  const mine = useQuery({
    queryKey: ['workshop.live.participant', sessionId, readSeq],
    queryFn: () => trpcClient.workshop.live.query({ sessionId }, { context: { token } }),
    initialData: joinedLive?.myAnswers?.seq === readSeq ? joinedLive : undefined,
    staleTime: Infinity,
    gcTime: 0,
    retry: (failures, error) => failures < 3 && !['FORBIDDEN', 'UNAUTHORIZED', 'NOT_FOUND'].includes(serverErrorInfo(error).code ?? ''),
    placeholderData: (previous) => previous,
  });
  const [acknowledged, setAcknowledged] = useState<AcknowledgedAnswer[]>([]);

  const current = live.mode === 'live' && live.round.status === 'open' && live.status !== 'closed' ? live.current : null;
  const currentKey = current ? `${readSeq}|${itemKey(current)}` : null;
  const [local, setLocal] = useState<LocalAnswer | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastFocus = useRef<string | null>(null);
  const focusKey = `${focusSeq}|${current ? itemKey(current) : live.mode}`;
  useEffect(() => {
    // Focus follows the room: a new question (or a re-vote) is read out from its heading, not from wherever focus was.
    if (lastFocus.current === null) {
      lastFocus.current = focusKey;
      return;
    }
    if (lastFocus.current === focusKey) return;
    lastFocus.current = focusKey;
    headingRef.current?.focus();
  }, [focusKey]);

  const serverRead = mine.data && !mine.isPlaceholderData && mine.data.myAnswers?.round === live.round.number ? mine.data.myAnswers : null;
  const held = useMemo(() => (serverRead ? withAcknowledged(serverRead, acknowledged) : null), [serverRead, acknowledged]);
  const agenda = useMemo(
    () => buildAgenda(model, room.alternativeScoring, live.round.nodeKeys),
    [model, room.alternativeScoring, live.round.nodeKeys],
  );
  const myRound = held ? roundProgress(agenda, held) : null;
  const own = local && local.key === currentKey ? local : null;
  const heldAnswer = current && held ? (held.get(itemKey(current)) ?? null) : null;
  const shown = own ? own.value : heldAnswer;
  const position = shown && 'position' in shown ? shown.position : null;
  const intensity = shown && 'intensity' in shown ? shown.intensity : null;
  // "Recorded" only for what the server confirmed holding; a pending or refused answer says so instead.
  const isRecorded = own === null && heldAnswer !== null;

  const errorText = (error: unknown) => {
    const info = serverErrorInfo(error);
    if (info.code === 'VOTING_CLOSED') return t('errors.votingClosed');
    if (info.code === 'ROUND_CLOSED') return t('errors.roundClosed');
    if (info.code === 'RATE_LIMITED' || info.code === 'TOO_MANY_REQUESTS') return t('errors.rateLimited');
    if (info.code === 'SESSION_CLOSED') return t('errors.closed');
    if (info.code === 'FORBIDDEN' || info.code === 'UNAUTHORIZED') return t('errors.forbidden');
    if (info.code === null) return t('errors.offline');
    return t('errors.other', { message: info.message });
  };

  const send = async (answer: LocalAnswer) => {
    const isStill = (previous: LocalAnswer | null) => previous !== null && previous.key === answer.key && previous.value === answer.value;
    setLocal((previous) => (isStill(previous) ? { ...previous!, status: 'saving' } : previous));
    try {
      let seq: number;
      if (answer.item.kind === 'pair' && 'position' in answer.value) {
        const { nodeKey, a, b } = answer.item;
        ({ seq } = await trpcClient.judgment.save.mutate({ sessionId, nodeKey, a, b, position: answer.value.position }, { context: { token } }));
      } else if (answer.item.kind === 'rating' && 'intensity' in answer.value) {
        const { criterionKey, alternativeKey } = answer.item;
        ({ seq } = await trpcClient.judgment.saveRating.mutate(
          { sessionId, criterionKey, alternativeKey, intensity: answer.value.intensity as (typeof RATING_INTENSITIES)[number]['key'] },
          { context: { token } },
        ));
      } else {
        return;
      }
      const key = itemKey(answer.item);
      setAcknowledged((previous) => [...previous.filter((entry) => entry.key !== key), { key, seq, ...answer.value }]);
      setLocal((previous) => (isStill(previous) ? null : previous));
    } catch (error) {
      setLocal((previous) => (isStill(previous) ? { ...previous!, status: 'error', error: errorText(error) } : previous));
    }
  };

  const answer = (value: LocalAnswer['value'], delay: number) => {
    if (!current || !currentKey) return;
    const next: LocalAnswer = { key: currentKey, item: current, value, status: 'pending' };
    setLocal(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void send(next), delay);
  };

  const isClosed = room.status === 'closed' || live.status === 'closed';
  const revoked = mine.isError && ['FORBIDDEN', 'UNAUTHORIZED'].includes(serverErrorInfo(mine.error).code ?? '');
  const located = current ? text.locate(current) : null;

  let body;
  if (isClosed) {
    body = (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {tRoom('sessionClosedTitle')}
        </h1>
        <p>{tRoom('sessionClosedBody')}</p>
      </>
    );
  } else if (revoked) {
    body = (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('revokedTitle')}
        </h1>
        <p className="notice warn" role="alert">
          {t('errors.forbidden')}
        </p>
      </>
    );
  } else if (live.mode === 'async') {
    body = (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('asyncTitle')}
        </h1>
        <p>{t('asyncBody')}</p>
        <Link className="button primary" href={`/s/${sessionId}/q`}>
          {t('openQuestionnaire')}
        </Link>
      </>
    );
  } else if (live.round.status === 'closed') {
    body = (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {tRoom('roundClosedTitle', { round: live.round.number })}
        </h1>
        <p className={styles.waiting}>{tRoom('roundClosedBody')}</p>
      </>
    );
  } else if (!current || !located) {
    body = (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('waitingTitle')}
        </h1>
        <p className={styles.waiting}>{t('waitingBody')}</p>
      </>
    );
  } else {
    const groupValue = live.isRevealed ? text.groupValue(current, live.tally) : null;
    const ownSentence =
      position !== null ? text.positionSentence(current, position) : intensity !== null ? tRating(intensity as 'none') : null;
    body = (
      <section aria-labelledby={`${ids}-question`}>
        <p className={styles.kicker}>
          {text.context(current)} · {t('itemCount', { n: current.index + 1, total: current.total })}
        </p>
        <h1 id={`${ids}-question`} ref={headingRef} tabIndex={-1} className={styles.question}>
          {text.question(current)}
        </h1>
        {live.isRevealed ? (
          <div className={styles.revealed}>
            <p className="notice">{t('revealedNotice')}</p>
            <h2 className={styles.groupHeading}>{t('groupHeading')}</h2>
            <p className={styles.groupValue}>{groupValue ? groupValue.sentence : t('noGroupValue')}</p>
            {groupValue ? <p className={styles.groupDetail}>{groupValue.detail}</p> : null}
            <p>{ownSentence ? t('yourAnswer', { answer: ownSentence }) : t('noAnswer')}</p>
            <p className={styles.waiting}>{t('waitingNext')}</p>
          </div>
        ) : (
          <>
            <Countdown clock={live} />
            {current.kind === 'pair' ? (
              <>
                <p className={styles.hint} id={`${ids}-hint`}>
                  {tPair(`hintButtons.${located.node.kind}`, {
                    a: judgmentText.nameOf(located.node, located.i),
                    b: judgmentText.nameOf(located.node, located.j),
                  })}
                </p>
                <VerbalScale
                  key={currentKey}
                  node={located.node}
                  i={located.i}
                  j={located.j}
                  position={position}
                  labelledBy={`${ids}-question`}
                  describedBy={`${ids}-hint`}
                  text={judgmentText}
                  onChange={(value, delay) => answer({ position: value }, delay)}
                  onEnter={() => undefined}
                />
              </>
            ) : (
              <fieldset className={styles.ratings} aria-labelledby={`${ids}-question`}>
                <legend className="visually-hidden">{text.question(current)}</legend>
                {[...RATING_INTENSITIES].reverse().map((entry) => (
                  <label key={entry.key} className={styles.rating}>
                    <input
                      type="radio"
                      name={`${ids}-rating`}
                      value={entry.key}
                      checked={intensity === entry.key}
                      onChange={() => answer({ intensity: entry.key }, 0)}
                    />
                    <span>{tRating(entry.key)}</span>
                  </label>
                ))}
              </fieldset>
            )}
            <p className={styles.saveState} role="status" aria-live="polite" data-state={own?.status ?? (isRecorded ? 'saved' : 'idle')}>
              {own?.status === 'error' ? own.error : own ? t('saving') : isRecorded ? t('recorded') : ''}
            </p>
          </>
        )}
      </section>
    );
  }

  return (
    <main className={`narrow ${styles.vote}`}>
      <div className={styles.topBar}>
        <p className={styles.sessionTitle}>{room.title}</p>
        {isClosed ? null : <LiveIndicator connection={connection} />}
      </div>
      {body}
      {myRound && live.mode === 'live' && !isClosed ? (
        <p className={styles.progress}>{t('progress', { answered: myRound.answered, total: myRound.required })}</p>
      ) : null}
    </main>
  );
}
