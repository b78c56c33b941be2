'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { BarList } from '~/app/_components/bar-list';
import type { UiModel } from '~/app/_components/use-decision-model';
import { GOAL_NODE_ID } from '~/core/model';
import type { DashboardData } from '~/app/_components/workshop/types';
import type { ItemText } from '~/app/_components/workshop/use-item-text';
import styles from './dashboard.module.css';
import { TableScroll } from '~/app/_components/table-scroll';
import { useFigures } from './use-figures';

/**
 * The group result as the answers stand now (recomputed by the engine on every change): the strategies' ranking
 * with their scores, the group's consensus overall and per node, and the judgments the group disagrees on most.
 */
export function GroupPanel({ data, model, text }: { data: DashboardData | null; model: UiModel; text: ItemText }) {
  const t = useTranslations('workshop.group');
  const tLevel = useTranslations('common.consensus');
  const figures = useFigures();
  const ids = useId();
  const group = data?.group ?? null;
  const goal = model.node(GOAL_NODE_ID);
  const strategyName = (key: string) => {
    const leaf = model.nodes.find((node) => node.kind === 'alternatives');
    return leaf ? text.elementName(leaf.key, key) : key;
  };
  const names = new Map(data?.participants.map((p) => [p.key, p.displayName]) ?? []);

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('heading')}</h2>
      {!data ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : !group ? (
        <p className="notice">
          {data.participants.length > 0 &&
          data.participants.every((p) => !p.participation.isIncluded && p.participation.exclusion.code === 'cr-above-limit')
            ? t('allAboveLimit')
            : t('notYet')}
        </p>
      ) : (
        <>
          <p>
            {t('basis', { included: group.coverage.included.length, joined: data.participants.length })}{' '}
            {group.coverage.excluded.length > 0
              ? t('skipped', { names: group.coverage.excluded.map((entry) => names.get(entry.participantKey) ?? entry.participantKey).join(', ') })
              : null}
          </p>
          <div className={styles.twoColumns}>
            <div>
              <h3 id={`${ids}-ranking`}>{t('ranking')}</h3>
              <ol className={styles.ranking} aria-labelledby={`${ids}-ranking`}>
                {group.ranking.map((key, index) => (
                  <li key={key} data-strategy={key}>
                    <span className={styles.rank}>{t('rank', { rank: index + 1 })}</span>
                    <span className={styles.rankName}>{strategyName(key)}</span>
                    <span className={styles.rankBar} aria-hidden="true">
                      <span style={{ width: `${((group.alternatives[key] ?? 0) / (group.alternatives[group.ranking[0]!] || 1)) * 100}%` }} />
                    </span>
                    <span className={styles.rankValue}>{figures.percent(group.alternatives[key] ?? 0)}</span>
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h3>{t('criteria')}</h3>
              <BarList
                label={t('criteria')}
                items={(goal?.elements ?? []).map((element) => ({
                  key: element.key,
                  label: text.elementName(GOAL_NODE_ID, element.key),
                  value: group.criteria[element.key]?.global ?? 0,
                }))}
                format={figures.percent}
              />
            </div>
          </div>
          <p className={styles.consensusLine}>
            {t('overall', { value: figures.percent(group.overallConsensus), level: tLevel(group.consensusLevel as 'high') })}
          </p>
        </>
      )}

      {data && data.consensus.length > 0 ? (
        <>
          <h3 id={`${ids}-consensus`}>{t('consensusHeading')}</h3>
          <TableScroll label={t('consensusHeading')}>
            <table className="data" aria-labelledby={`${ids}-consensus`}>
              <thead>
                <tr>
                  <th scope="col">{t('node')}</th>
                  <th scope="col" className="number">
                    {t('consensus')}
                  </th>
                  <th scope="col">{t('level')}</th>
                </tr>
              </thead>
              <tbody>
                {data.consensus.map((entry) => (
                  <tr key={entry.nodeKey}>
                    <th scope="row">{text.nodeTitle(entry.nodeKey)}</th>
                    <td className="number">{figures.percent(entry.consensus)}</td>
                    <td>{tLevel(entry.level)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}

      {data && data.disagreements.length > 0 ? (
        <>
          <h3 id={`${ids}-spread`}>{t('disagreementHeading')}</h3>
          <p className="hint">{t('disagreementHint')}</p>
          <ol className={styles.disagreements} aria-labelledby={`${ids}-spread`}>
            {data.disagreements.map((entry) => {
              const item = { kind: 'pair' as const, nodeKey: entry.nodeKey, a: entry.a, b: entry.b };
              return (
                <li key={`${entry.nodeKey}|${entry.a}|${entry.b}`}>
                  <strong>
                    {t('spread', {
                      a: text.elementName(entry.nodeKey, entry.a),
                      b: text.elementName(entry.nodeKey, entry.b),
                      spread: figures.factor(entry.geometricSd),
                    })}
                  </strong>
                  <span className={styles.sub}>
                    {text.nodeTitle(entry.nodeKey)} · {t('answers', { count: entry.count })} ·{' '}
                    {t('groupSays', { sentence: text.positionSentence(item, entry.position), ratio: text.ratio(entry.geometricMean) })}
                  </span>
                  {entry.furthest.length > 0 ? (
                    <span className={styles.sub}>
                      {t('furthest', { names: entry.furthest.slice(0, 3).map((d) => d.displayName).join(', ') })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
