'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { OpenRoundInput } from '~/core/contracts/workshop';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import type { UiModel } from '~/app/_components/use-decision-model';
import { type Scoring, askableNodes } from '~/core/model';
import { consensusLevel } from '~/core/group/consensus';
import type { LiveStateData, RoundsData } from '~/app/_components/workshop/types';
import type { ItemText } from '~/app/_components/workshop/use-item-text';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import styles from './dashboard.module.css';
import { TableScroll } from '~/app/_components/table-scroll';
import { useFigures } from './use-figures';
import { useSetLiveState } from './use-live-state';

type OpenRoundFields = z.input<typeof OpenRoundInput>;
type OpenRoundValues = z.output<typeof OpenRoundInput>;

/**
 * Rounds: close the current one (answers frozen, the group result computed and stored), open the next on the
 * nodes worth discussing, and read every round's result with how consensus and the ranking moved between rounds.
 */
export function RoundsPanel({
  sessionId,
  live,
  rounds,
  model,
  scoring,
  text,
}: {
  sessionId: string;
  live: LiveStateData;
  rounds: RoundsData | null;
  model: UiModel;
  scoring: Scoring;
  text: ItemText;
}) {
  const t = useTranslations('workshop.rounds');
  const tLevel = useTranslations('common.consensus');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const figures = useFigures();
  const setLive = useSetLiveState(sessionId);
  const ids = useId();
  const [isConfirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const closeRound = useMutation(
    trpc.workshop.closeRound.mutationOptions({
      onSuccess: (result) => {
        setFailure(null);
        setLive(result.state);
      },
      onError: (error) => setFailure(errorText(error)),
    }),
  );
  const openRound = useMutation(
    trpc.workshop.openRound.mutationOptions({
      onSuccess: (state) => {
        setFailure(null);
        setLive(state);
      },
      onError: (error) => setFailure(errorText(error)),
    }),
  );
  const form = useForm<OpenRoundFields, unknown, OpenRoundValues>({
    resolver: zodResolver(OpenRoundInput),
    defaultValues: { sessionId, nodeKeys: [] },
  });
  const nodeError = form.formState.errors.nodeKeys;
  const onOpen = form.handleSubmit(async (values) => {
    try {
      await openRound.mutateAsync(values);
      form.reset({ sessionId, nodeKeys: [] });
    } catch {
      // Said in the notice below.
    }
  });

  const isOpen = live.round.status === 'open';
  // The round just closed: each node's consensus beside its box, and the least agreed node ticked to start with.
  const askable = askableNodes(model.nodes, scoring);
  const closedConsensus = !isOpen ? rounds?.rounds.find((round) => round.number === live.round.number)?.result?.consensus : undefined;
  const leastAgreed = closedConsensus
    ? askable.reduce<{ key: string; value: number } | null>((least, node) => {
        const value = closedConsensus[node.key];
        return value !== undefined && (least === null || value < least.value) ? { key: node.key, value } : least;
      }, null)
    : null;
  const { isDirty } = form.formState;
  useEffect(() => {
    if (leastAgreed && !isDirty) form.setValue('nodeKeys', [leastAgreed.key]);
  }, [leastAgreed?.key, isDirty, form]); // eslint-disable-line react-hooks/exhaustive-deps -- the key is what matters, not the object
  const isSessionClosed = live.status === 'closed';
  const leaf = model.nodes.find((node) => node.kind === 'alternatives');
  const strategyName = (key: string) => (leaf ? text.elementName(leaf.key, key) : key);
  const asked = (nodeKeys: string[] | null) => (nodeKeys === null ? t('allNodes') : nodeKeys.map((key) => text.nodeTitle(key)).join(', '));

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('heading')}</h2>
      <p>
        <strong>{t(isOpen ? 'currentOpen' : 'currentClosed', { round: live.round.number })}</strong>{' '}
        {t('asks', { nodes: asked(live.round.nodeKeys) })}
      </p>
      {isOpen ? (
        <>
          <p className="hint">{t('closeHint')}</p>
          <button type="button" className="button primary" disabled={closeRound.isPending || isSessionClosed} onClick={() => setConfirming(true)}>
            {closeRound.isPending ? t('closing') : t('close', { round: live.round.number })}
          </button>
        </>
      ) : (
        <form onSubmit={onOpen} noValidate className={styles.openRound}>
          <input type="hidden" {...form.register('sessionId')} />
          <fieldset
            className={`field ${styles.nodeChoices}`}
            aria-invalid={nodeError ? true : undefined}
            aria-describedby={`${ids}-nodes-hint${nodeError ? ` ${ids}-nodes-error` : ''}`}
          >
            <legend>{t('openLegend', { round: live.round.number + 1 })}</legend>
            <span className="hint" id={`${ids}-nodes-hint`}>
              {t('openHint')}
            </span>
            {leastAgreed ? <span className="hint">{t('preselectedHint', { node: text.nodeTitle(leastAgreed.key) })}</span> : null}
            {askable.map((node) => {
              const value = closedConsensus?.[node.key];
              const describedBy = `${ids}-consensus-${node.key}`;
              return (
                // The consensus describes the box rather than naming it: the box is named by its node alone.
                <div key={node.key}>
                  <label className={styles.checkLabel}>
                    <input
                      type="checkbox"
                      value={node.key}
                      aria-describedby={value !== undefined ? describedBy : undefined}
                      {...form.register('nodeKeys')}
                    />
                    <span>{text.nodeTitle(node.key)}</span>
                  </label>
                  {value !== undefined ? (
                    <span className={styles.sub} id={describedBy}>
                      {' '}
                      {t('nodeConsensus', { value: figures.percent(value), level: tLevel(consensusLevel(value)) })}
                      {node.key === leastAgreed?.key ? ` · ${t('leastAgreed')}` : ''}
                    </span>
                  ) : null}
                </div>
              );
            })}
            {nodeError ? (
              <span className="error" id={`${ids}-nodes-error`}>
                {t('chooseNode')}
              </span>
            ) : null}
          </fieldset>
          <button type="submit" className="button primary" disabled={openRound.isPending || isSessionClosed}>
            {t('open', { round: live.round.number + 1 })}
          </button>
        </form>
      )}
      {failure ? (
        <p className="notice danger" role="alert">
          {failure}
        </p>
      ) : null}

      {rounds?.rounds.some((round) => round.result || round.resultError) ? (
        <>
          <h3>{t('resultsHeading')}</h3>
          <div className={styles.roundResults}>
            {rounds.rounds
              .filter((round) => round.status === 'closed')
              .map((round) => (
                <article key={round.number} className={styles.roundCard} aria-labelledby={`${ids}-round-${round.number}`}>
                  <h4 id={`${ids}-round-${round.number}`}>{t('roundTitle', { round: round.number })}</h4>
                  <p className={styles.sub}>{t('asks', { nodes: asked(round.nodeKeys) })}</p>
                  {round.result ? (
                    <>
                      <ol className={styles.roundRanking}>
                        {round.result.ranking.map((key) => (
                          <li key={key}>
                            {strategyName(key)}: <strong>{figures.percent(round.result!.alternatives[key] ?? 0)}</strong>
                          </li>
                        ))}
                      </ol>
                      <p>
                        {t('consensus', {
                          value: figures.percent(round.result.overallConsensus),
                          level: tLevel(round.result.consensusLevel as 'high'),
                        })}
                      </p>
                      <p className={styles.sub}>{t('included', { count: round.result.counts.included })}</p>
                    </>
                  ) : (
                    <p className="muted">{t('noResult')}</p>
                  )}
                </article>
              ))}
          </div>
        </>
      ) : null}

      {rounds && rounds.changes.length > 0 ? (
        <>
          <h3>{t('changesHeading')}</h3>
          {rounds.changes.map((change) => (
            <div key={`${change.fromRound}-${change.toRound}`} className={styles.change}>
              <h4>{t('changeTitle', { from: change.fromRound, to: change.toRound })}</h4>
              <p>
                {t('consensusChange', {
                  from: figures.percent(change.overallConsensus.from),
                  to: figures.percent(change.overallConsensus.to),
                  points: figures.points(change.overallConsensus.change),
                })}{' '}
                <strong>{change.isRankingChanged ? t('rankingChanged') : t('rankingSame')}</strong>
              </p>
              <TableScroll label={t('changeCaption', { from: change.fromRound, to: change.toRound })}>
                <table className="data">
                  <caption className="visually-hidden">{t('changeCaption', { from: change.fromRound, to: change.toRound })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('strategy')}</th>
                      <th scope="col" className="number">
                        {t('scoreChange')}
                      </th>
                      <th scope="col" className="number">
                        {t('rankChange')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {change.alternatives.map((entry) => (
                      <tr key={entry.key}>
                        <th scope="row">{strategyName(entry.key)}</th>
                        <td className="number">
                          {t('fromTo', { from: figures.percent(entry.score.from), to: figures.percent(entry.score.to) })}
                        </td>
                        <td className="number">{t('fromTo', { from: entry.rankFrom, to: entry.rankTo })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <TableScroll label={t('consensusCaption', { from: change.fromRound, to: change.toRound })}>
                <table className="data">
                  <caption className="visually-hidden">{t('consensusCaption', { from: change.fromRound, to: change.toRound })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('node')}</th>
                      <th scope="col" className="number">
                        {t('consensusColumn')}
                      </th>
                      <th scope="col" className="number">
                        {t('pointsColumn')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {change.consensus.map((entry) => (
                      <tr key={entry.nodeKey}>
                        <th scope="row">{text.nodeTitle(entry.nodeKey)}</th>
                        <td className="number">
                          {Number.isNaN(entry.from)
                            ? figures.percent(entry.to)
                            : t('fromTo', { from: figures.percent(entry.from), to: figures.percent(entry.to) })}
                        </td>
                        <td className="number">{Number.isNaN(entry.change) ? '—' : figures.points(entry.change)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          ))}
        </>
      ) : null}

      <ConfirmDialog
        open={isConfirming}
        title={t('confirmTitle', { round: live.round.number })}
        body={t('confirmBody')}
        confirmLabel={t('confirmClose')}
        onConfirm={() => {
          setConfirming(false);
          closeRound.mutate({ sessionId });
        }}
        onClose={() => setConfirming(false)}
      />
    </section>
  );
}
