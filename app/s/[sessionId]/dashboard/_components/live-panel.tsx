'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import type { UiModel } from '~/app/_components/use-decision-model';
import { type AgendaItem, buildAgenda, isSameItem, itemKey } from '~/core/model';
import { TallyChart } from '~/app/_components/workshop/tally-chart';
import { Countdown } from '~/app/_components/workshop/countdown';
import { MAX_COUNTDOWN_SECONDS, MIN_COUNTDOWN_SECONDS } from '~/core/contracts/workshop';
import type { LiveStateData, RoundsData, TallyData } from '~/app/_components/workshop/types';
import { RATING_INTENSITIES } from '~/core/ahp/ratings-scale';
import type { ItemText } from '~/app/_components/workshop/use-item-text';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import styles from './dashboard.module.css';
import { useSetLiveState } from './use-live-state';

/**
 * Live voting: start and stop live mode, move the room through the round's questions, reveal and hide the
 * answers, re-vote a question after discussion. The facilitator sees the distribution before the room does.
 */
export function LivePanel({
  sessionId,
  live,
  model,
  scoring,
  text,
  revotes,
}: {
  sessionId: string;
  live: LiveStateData;
  model: UiModel;
  scoring: 'pairwise' | 'ratings';
  text: ItemText;
  /** The session's re-votes from the round history, oldest first. */
  revotes: RoundsData['revotes'];
}) {
  const t = useTranslations('workshop.livePanel');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const setLive = useSetLiveState(sessionId);
  const ids = useId();
  const [actionError, setActionError] = useState<string | null>(null);
  const [isConfirmingRevote, setConfirmingRevote] = useState(false);
  const [chosen, setChosen] = useState('');

  const onSuccess = (state: LiveStateData) => {
    setActionError(null);
    setLive(state);
  };
  const onError = (error: unknown) => setActionError(errorText(error));
  const setMode = useMutation(trpc.workshop.setMode.mutationOptions({ onSuccess, onError }));
  const next = useMutation(trpc.workshop.next.mutationOptions({ onSuccess, onError }));
  const previous = useMutation(trpc.workshop.previous.mutationOptions({ onSuccess, onError }));
  const reveal = useMutation(trpc.workshop.reveal.mutationOptions({ onSuccess, onError }));
  const hide = useMutation(trpc.workshop.hide.mutationOptions({ onSuccess, onError }));
  const setCurrent = useMutation(trpc.workshop.setCurrent.mutationOptions({ onSuccess, onError }));
  const revote = useMutation(trpc.workshop.revote.mutationOptions({ onSuccess: (result) => onSuccess(result.state), onError }));
  const setCountdown = useMutation(trpc.workshop.setCountdown.mutationOptions({ onSuccess, onError }));
  const isBusy = [setMode, next, previous, reveal, hide, setCurrent, revote, setCountdown].some((mutation) => mutation.isPending);

  const agenda = useMemo(() => buildAgenda(model, scoring, live.round.nodeKeys), [model, scoring, live.round.nodeKeys]);
  const byKey = useMemo(() => new Map(agenda.map((item) => [itemKey(item), item])), [agenda]);
  const groups = useMemo(() => {
    const out: Array<{ nodeKey: string; items: AgendaItem[] }> = [];
    for (const item of agenda) {
      const nodeKey = item.kind === 'pair' ? item.nodeKey : item.criterionKey;
      const last = out.at(-1);
      if (last?.nodeKey === nodeKey) last.items.push(item);
      else out.push({ nodeKey, items: [item] });
    }
    return out;
  }, [agenda]);

  const isLive = live.mode === 'live';
  const isRoundOpen = live.round.status === 'open';
  const isSessionClosed = live.status === 'closed';
  const canVote = isRoundOpen && !isSessionClosed;
  const current = live.current;
  const fraction = live.includedCount > 0 ? live.answeredCount / live.includedCount : 0;
  const selected = chosen || (current ? itemKey(current) : '');
  const firstVote = current ? revotes.find((r) => r.round === live.round.number && isSameItem(r.item, current)) : undefined;
  const canStep = Boolean(current && isLive && canVote);

  // Keyboard shortcuts, read through a ref so the listener is added once and always acts on the latest state.
  const shortcuts = useRef<Record<string, () => void>>({});
  useEffect(() => {
    shortcuts.current = canStep && !isBusy && current
      ? {
          n: () => current.index < current.total - 1 && next.mutate({ sessionId }),
          p: () => current.index > 0 && previous.mutate({ sessionId }),
          r: () => (live.isRevealed ? hide.mutate({ sessionId }) : reveal.mutate({ sessionId })),
          v: () => setConfirmingRevote(true),
        }
      : {};
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable], dialog')) return;
      if (document.querySelector('dialog[open]')) return;
      const action = shortcuts.current[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('heading')}</h2>
      <p className={styles.modeLine}>
        <strong>{isLive ? t('modeLive') : t('modeAsync')}</strong> {isLive ? t('modeLiveHint') : t('modeAsyncHint')}
      </p>
      <p className="muted">{t(isRoundOpen ? 'roundOpen' : 'roundClosed', { round: live.round.number })}</p>
      <div className="actions">
        {isLive ? (
          <button type="button" className="button" disabled={isBusy || isSessionClosed} onClick={() => setMode.mutate({ sessionId, mode: 'async' })}>
            {t('stopLive')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={isBusy || !canVote || !live.roomCode}
            aria-describedby={!live.roomCode ? `${ids}-no-room` : undefined}
            onClick={() => setMode.mutate({ sessionId, mode: 'live' })}
          >
            {t('startLive')}
          </button>
        )}
      </div>
      {!live.roomCode ? (
        <p className="hint" id={`${ids}-no-room`}>
          {t('needsRoom')}
        </p>
      ) : null}

      {current && isLive && canVote ? (
        <div className={styles.current}>
          <p className={styles.kicker}>
            {text.context(current)} · {t('itemCount', { n: current.index + 1, total: current.total })}
          </p>
          <h3 className={styles.currentTitle}>{text.title(current)}</h3>
          <p className="visually-hidden" aria-live="polite">
            {t('nowVoting', { item: text.title(current) })}
          </p>
          <p className={styles.answered}>
            <strong>{t('answered', { answered: live.answeredCount, total: live.includedCount })}</strong>
            {' · '}
            {live.isRevealed ? t('shown') : t('hidden')}
          </p>
          <div className="progress" aria-hidden="true">
            <span style={{ width: `${Math.min(1, fraction) * 100}%` }} />
          </div>
          <Countdown clock={live} />
          <WaitingFor live={live} />
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={isBusy || current.index <= 0}
              aria-keyshortcuts="P"
              onClick={() => previous.mutate({ sessionId })}
            >
              <span aria-hidden="true">◀ </span>
              {t('previous')}
              <Key>P</Key>
            </button>
            <button
              type="button"
              className="button"
              disabled={isBusy || current.index >= current.total - 1}
              aria-keyshortcuts="N"
              onClick={() => next.mutate({ sessionId })}
            >
              {t('next')}
              <span aria-hidden="true"> ▶</span>
              <Key>N</Key>
            </button>
            {live.isRevealed ? (
              <button type="button" className="button" disabled={isBusy} aria-keyshortcuts="R" onClick={() => hide.mutate({ sessionId })}>
                {t('hide')}
                <Key>R</Key>
              </button>
            ) : (
              <button type="button" className="button primary" disabled={isBusy} aria-keyshortcuts="R" onClick={() => reveal.mutate({ sessionId })}>
                {t('reveal')}
                <Key>R</Key>
              </button>
            )}
            <button type="button" className="button" disabled={isBusy} aria-keyshortcuts="V" onClick={() => setConfirmingRevote(true)}>
              {t('revote')}
              <Key>V</Key>
            </button>
          </div>
          <p className="hint">{t('shortcutsHint')}</p>
          {firstVote && live.tally ? (
            <div className={styles.voteCompare}>
              <figure className={styles.voteCompareSide}>
                <figcaption>{t('firstVote', { count: firstVote.cleared })}</figcaption>
                <TallyChart item={current} tally={tallyOf(firstVote.previousTally, current.kind)} text={text} />
              </figure>
              <figure className={styles.voteCompareSide}>
                <figcaption>{t('revoteNow', { count: live.tally.answered })}</figcaption>
                <TallyChart item={current} tally={live.tally} text={text} />
              </figure>
            </div>
          ) : null}
          {live.tally ? (
            <details className={styles.preview} open={live.isRevealed || undefined}>
              <summary>{live.isRevealed ? t('distributionShown') : t('distributionPreview')}</summary>
              <GroupValue value={text.groupValue(current, live.tally)} empty={t('noGroupValue')} />
              <TallyChart item={current} tally={live.tally} text={text} />
            </details>
          ) : null}
        </div>
      ) : isLive && !canVote ? (
        <p className="notice">{t('roundClosedHint')}</p>
      ) : null}

      {canVote && agenda.length > 0 ? (
        <div className="field">
          <label htmlFor={`${ids}-countdown`}>{t('countdownLabel')}</label>
          <span className="hint" id={`${ids}-countdown-hint`}>
            {t('countdownHint')}
          </span>
          <select
            id={`${ids}-countdown`}
            value={live.countdownSeconds ?? ''}
            disabled={isBusy}
            aria-describedby={`${ids}-countdown-hint`}
            onChange={(event) => setCountdown.mutate({ sessionId, seconds: event.target.value ? Number(event.target.value) : null })}
          >
            <option value="">{t('countdownOff')}</option>
            {COUNTDOWN_CHOICES.map((seconds) => (
              <option key={seconds} value={seconds}>
                {seconds < 60 ? t('countdownSeconds', { seconds }) : t('countdownMinutes', { minutes: seconds / 60 })}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {canVote && agenda.length > 0 ? (
        <form
          className={styles.setItem}
          onSubmit={(event) => {
            event.preventDefault();
            const item = byKey.get(selected);
            if (item) setCurrent.mutate({ sessionId, item });
          }}
        >
          <div className="field">
            <label htmlFor={`${ids}-item`}>{t('chooseLabel')}</label>
            <span className="hint" id={`${ids}-item-hint`}>
              {t('chooseHint')}
            </span>
            <select id={`${ids}-item`} value={selected} aria-describedby={`${ids}-item-hint`} onChange={(event) => setChosen(event.target.value)}>
              {!current ? <option value="">{t('choosePlaceholder')}</option> : null}
              {groups.map((group) => (
                <optgroup key={group.nodeKey} label={text.nodeTitle(group.nodeKey)}>
                  {group.items.map((item) => (
                    <option key={itemKey(item)} value={itemKey(item)}>
                      {text.title(item)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={isBusy || !byKey.has(selected)}>
            {t('chooseSubmit')}
          </button>
        </form>
      ) : null}

      {actionError ? (
        <p className="notice danger" role="alert">
          {actionError}
        </p>
      ) : null}

      <ConfirmDialog
        open={isConfirmingRevote}
        title={t('revoteTitle')}
        body={t('revoteBody', { item: current ? text.title(current) : '' })}
        confirmLabel={t('revoteConfirm')}
        onConfirm={() => {
          setConfirmingRevote(false);
          revote.mutate({ sessionId });
        }}
        onClose={() => setConfirmingRevote(false)}
      />
    </section>
  );
}

/** A shortcut key shown in its button; the button's aria-keyshortcuts tells assistive technology. */
function Key({ children }: { children: string }) {
  return (
    <kbd className={styles.key} aria-hidden="true">
      {children}
    </kbd>
  );
}

/** The first vote a re-vote cleared, as the tally chart draws it (no group value: it is not part of any result). */
function tallyOf(previous: Record<string, number>, kind: 'pair' | 'rating'): TallyData {
  const count = (key: string) => previous[key] ?? 0;
  const answered = Object.values(previous).reduce((sum, n) => sum + n, 0);
  return kind === 'pair'
    ? {
        kind: 'pair',
        counts: Array.from({ length: 17 }, (_, k) => ({ position: k - 8, count: count(String(k - 8)) })),
        answered,
        groupValue: null,
        consensus: null,
      }
    : { kind: 'rating', counts: RATING_INTENSITIES.map((r) => ({ intensity: r.key, count: count(r.key) })), answered, groupValue: null };
}

/** Countdown lengths offered: from a quick show of hands to a question that needs reading. */
const COUNTDOWN_CHOICES = [15, 30, 45, 60, 90, 120, 180, 300].filter(
  (seconds) => seconds >= MIN_COUNTDOWN_SECONDS && seconds <= MAX_COUNTDOWN_SECONDS,
);

/** Who the room waits for on this question, by name: the facilitator can call on them (the projector shows only a count). */
function WaitingFor({ live }: { live: LiveStateData }) {
  const t = useTranslations('workshop.livePanel');
  const waiting = live.waitingFor;
  if (!waiting) return null;
  if (waiting.length === 0) return <p className={styles.sub}>{t('everyoneVoted')}</p>;
  return (
    <details className={styles.preview}>
      <summary>{t('waitingForHeading', { count: waiting.length })}</summary>
      <ul className={styles.waitingList}>
        {waiting.map((person) => (
          <li key={person.participantId}>{person.displayName}</li>
        ))}
      </ul>
    </details>
  );
}

function GroupValue({ value, empty }: { value: { sentence: string; detail: string } | null; empty: string }) {
  return value ? (
    <p className={styles.groupValue}>
      {value.sentence}
      <span className={styles.sub}>{value.detail}</span>
    </p>
  ) : (
    <p className={styles.groupValue}>{empty}</p>
  );
}
