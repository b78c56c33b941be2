'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
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
import { type AgendaItem, itemKey } from '~/core/model';
import type { RoomData } from '~/app/_components/workshop/types';
import { useItemText } from '~/app/_components/workshop/use-item-text';
import { useJoinedLive, useRoom } from '~/app/_components/workshop/use-room';
import type { LiveConnection } from '~/app/_components/workshop/use-room-events';
import styles from './vote.module.css';

/** Events after which this phone's own answer to the current question may have changed (or must be read again). */
const MINE_KINDS = new Set(['sync', 'item.changed', 'item.revote', 'round.opened', 'round.closed', 'mode.changed']);
/** Events that put a new question (or the same one, cleared) before the room: focus goes to it. */
const FOCUS_KINDS = new Set(['item.changed', 'item.revote', 'round.opened', 'mode.changed']);

type TokenState = { status: 'reading' } | { status: 'missing' } | { status: 'ready'; token: string };

export function VoteScreen({ code }: { code: string }) {
  const t = useTranslations('workshop.vote');
  const parsed = RoomCode.safeParse(code);
  const roomCode = parsed.success ? parsed.data : null;
  const [epoch, setEpoch] = useState(0);
  const [focusEpoch, setFocusEpoch] = useState(0);
  const { room, connection } = useRoom(roomCode, (event) => {
    if (event.kinds.some((kind) => MINE_KINDS.has(kind))) setEpoch((value) => value + 1);
    if (event.kinds.some((kind) => FOCUS_KINDS.has(kind))) setFocusEpoch((value) => value + 1);
  });

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
  if (!room.data || token.status === 'reading') {
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
    <VoteBody room={room.data} token={token.token} epoch={epoch} focusEpoch={focusEpoch} connection={connection} />
  );
}

type LocalAnswer = {
  /** The epoch and item it was given for: a new question, or the same one re-voted, starts empty. */
  key: string;
  item: AgendaItem;
  value: { position: number } | { intensity: string };
  status: 'pending' | 'saving' | 'saved' | 'error';
  error?: string;
};

function VoteBody({
  room,
  token,
  epoch,
  focusEpoch,
  connection,
}: {
  room: RoomData;
  token: string;
  epoch: number;
  focusEpoch: number;
  connection: LiveConnection;
}) {
  const t = useTranslations('workshop.vote');
  const tPair = useTranslations('questionnaire.pair');
  const tRating = useTranslations('common.rating');
  const trpcClient = useTRPCClient();
  const ids = useId();
  const model = useDecisionModel(room.model);
  const text = useItemText(model);
  const judgmentText = useJudgmentText();
  const live = room.live;
  const sessionId = room.sessionId;

  // Own answer to the current question and progress in the round: read with this phone's participant link (an
  // explicit token, so a facilitator link held in the same browser is never used), again after each change of question.
  // Right after a join by room code, the join's answer carried it.
  const joinedLive = useJoinedLive(sessionId);
  const mine = useQuery({
    queryKey: ['workshop.live.participant', sessionId, epoch],
    queryFn: () => trpcClient.workshop.live.query({ sessionId }, { context: { token } }),
    initialData: epoch === 0 ? joinedLive : undefined,
    staleTime: Infinity,
    retry: (failures, error) => failures < 3 && !['FORBIDDEN', 'UNAUTHORIZED', 'NOT_FOUND'].includes(serverErrorInfo(error).code ?? ''),
    placeholderData: (previous) => previous,
  });

  const current = live.mode === 'live' && live.round.status === 'open' && live.status !== 'closed' ? live.current : null;
  const currentKey = current ? `${epoch}|${itemKey(current)}` : null;
  const [local, setLocal] = useState<LocalAnswer | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastFocus = useRef<string | null>(null);
  const focusKey = `${focusEpoch}|${current ? itemKey(current) : live.mode}`;
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

  const own = local && local.key === currentKey ? local : null;
  const fromServer =
    mine.data && !mine.isPlaceholderData && current && mine.data.current && itemKey(mine.data.current) === itemKey(current) && mine.data.round.number === live.round.number
      ? mine.data.mine
      : null;
  const position = own && 'position' in own.value ? own.value.position : fromServer && 'position' in fromServer ? fromServer.position : null;
  const intensity = own && 'intensity' in own.value ? own.value.intensity : fromServer && 'intensity' in fromServer ? fromServer.intensity : null;
  const hasAnswer = position !== null || intensity !== null;

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
    const update = (patch: Partial<LocalAnswer>) =>
      setLocal((previous) => (previous && previous.key === answer.key && previous.value === answer.value ? { ...previous, ...patch } : previous));
    update({ status: 'saving' });
    try {
      if (answer.item.kind === 'pair' && 'position' in answer.value) {
        const { nodeKey, a, b } = answer.item;
        await trpcClient.judgment.save.mutate({ sessionId, nodeKey, a, b, position: answer.value.position }, { context: { token } });
      } else if (answer.item.kind === 'rating' && 'intensity' in answer.value) {
        const { criterionKey, alternativeKey } = answer.item;
        await trpcClient.judgment.saveRating.mutate(
          { sessionId, criterionKey, alternativeKey, intensity: answer.value.intensity as (typeof RATING_INTENSITIES)[number]['key'] },
          { context: { token } },
        );
      }
      update({ status: 'saved' });
    } catch (error) {
      update({ status: 'error', error: errorText(error) });
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
  const myRound = mine.data?.myRound ?? null;
  const located = current ? text.locate(current) : null;

  let body;
  if (isClosed) {
    body = (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('closedTitle')}
        </h1>
        <p className="notice warn">{t('errors.closed')}</p>
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
  } else if (!current || !located) {
    body = (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('waitingTitle')}
        </h1>
        <p className={styles.waiting}>
          {live.round.status === 'closed' ? t('roundClosed', { round: live.round.number }) : t('waitingBody')}
        </p>
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
            <p className={styles.saveState} role="status" aria-live="polite" data-state={own?.status ?? (hasAnswer ? 'saved' : 'idle')}>
              {own?.status === 'error'
                ? own.error
                : own?.status === 'pending' || own?.status === 'saving'
                  ? t('saving')
                  : hasAnswer
                    ? t('recorded')
                    : ''}
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
        <LiveIndicator connection={connection} />
      </div>
      {body}
      {myRound && live.mode === 'live' && !isClosed ? (
        <p className={styles.progress}>{t('progress', { answered: myRound.answered, total: myRound.required })}</p>
      ) : null}
    </main>
  );
}
