'use client';

import { useTranslations } from 'next-intl';
import type { NodeResult } from '~/core';
import { DataTable, type FigureView, type Figures, type ModelNames, ResultSection } from './figures';
import styles from './results.module.css';
import { type ResultSummary, describeRatio, isGroupResult } from './result-model';

type Props = {
  result: ResultSummary;
  names: ModelNames;
  figures: Figures;
  view: FigureView;
  /** The table named in the session's settings, for results whose nodes carry none (all rated). */
  settingsTable: string;
};

const CR_LIMIT = 0.1;

function elementCount(node: NodeResult): number {
  return Object.keys(node.weights).length;
}

/**
 * The consistency ratio of every set of pairwise comparisons, with the random-index table named and CR above
 * 0.10 flagged in words and with a symbol (never by colour alone), and for each flagged set the judgments that
 * contradict the others most with the value that would fit them.
 */
export function ConsistencySection({ result, names, figures, view, settingsTable }: Props) {
  const t = useTranslations('results.consistency');
  const tTables = useTranslations('results.method.tables');
  const tMethods = useTranslations('common.participation.methods');
  const pairwise = names.nodeOrder
    .map((key) => ({ key, node: result.nodes[key] }))
    .filter((entry): entry is { key: string; node: NodeResult } => !!entry.node && entry.node.method !== 'direct')
    .filter((entry) => elementCount(entry.node) >= 2);
  const hasRated = Object.values(result.nodes).some((node) => node.method === 'direct');
  const tableKey = pairwise.find((entry) => entry.node.randomIndex)?.node.randomIndex?.table ?? settingsTable;
  const tableName = tTables.has(tableKey as 'saaty-1980') ? tTables(tableKey as 'saaty-1980') : tableKey;
  const flagged = pairwise.filter((entry) => !entry.node.isConsistentEnough);
  const worstLists = flagged
    .map(({ key, node }) => ({ key, node: { ...node, mostInconsistent: node.mostInconsistent.filter((e) => e.a && e.b) } }))
    .filter(({ node }) => node.mostInconsistent.length > 0);
  const scaleMax = Math.max(0.2, ...pairwise.map((entry) => entry.node.cr));
  const isCriterion = new Set(names.flat.map((c) => c.key));
  const elementName = (key: string) => (isCriterion.has(key) ? names.criterion(key) : names.alternative(key));
  const riText = (node: NodeResult) => {
    const ri = node.randomIndex;
    if (!ri) return '—';
    const values = { n: ri.n, value: figures.index(ri.value) };
    if (ri.source === 'alonso-lamata-fit') return t('riFit', values);
    if (ri.source === 'interpolated') return t('riInterpolated', values);
    return t('riValue', values);
  };
  const status = (node: NodeResult) => (node.isConsistentEnough ? t('ok') : t('flagged'));
  const qualifiers = (node: NodeResult) =>
    [
      node.completion ? t('estimated', { method: tMethods(node.completion.method) }) : null,
      node.isApproximation ? t('approximation') : null,
    ]
      .filter(Boolean)
      .map((text) => ` · ${text}`)
      .join('');
  const ratioText = (a: string, b: string, ratio: number) => {
    const said = describeRatio(elementName(a), elementName(b), ratio);
    return said.isEqual ? t('equal') : t('moreImportant', { more: said.more, factor: figures.ratio(said.factor) });
  };

  return (
    <ResultSection id="consistency" title={t('title')} caption={t('caption')}>
      <p className={styles.note}>{t('randomIndex', { table: tableName })}</p>
      {isGroupResult(result) && <p className={styles.note}>{result.aggregation === 'aip' ? t('groupNoteAip') : t('groupNoteAij')}</p>}
      {pairwise.length > 0 && (
        <p role="status" className={flagged.length ? 'notice warn' : 'notice'}>
          {flagged.length ? t('someFlagged', { count: flagged.length }) : t('allOk')}
        </p>
      )}
      {pairwise.length === 0 ? null : view === 'charts' ? (
        <>
        <p className={styles.note}>{t('limitLegend')}</p>
        <ul className={styles.crList} aria-label={t('chartLabel')}>
          {pairwise.map(({ key, node }) => (
            <li key={key} data-flagged={!node.isConsistentEnough}>
              <span className={styles.crLabel}>
                {names.node(key)}
                <span className={styles.crStatus}>
                  {status(node)} · {riText(node)}
                  {qualifiers(node)}
                </span>
              </span>
              <span className={styles.crBar} aria-hidden="true">
                <span className={styles.crFill} style={{ width: `${Math.min(1, node.cr / scaleMax) * 100}%` }} />
                <span className={styles.crLimit} style={{ left: `${(CR_LIMIT / scaleMax) * 100}%` }} />
              </span>
              <span className={styles.crValue}>{figures.cr(node.cr)}</span>
            </li>
          ))}
        </ul>
        </>
      ) : (
        <DataTable caption={t('tableCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('comparison')}</th>
              <th scope="col" className="number">
                {t('cr')}
              </th>
              <th scope="col">{t('ri')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {pairwise.map(({ key, node }) => (
              <tr key={key} data-flagged={!node.isConsistentEnough}>
                <th scope="row">{names.node(key)}</th>
                <td className="number">{figures.cr(node.cr)}</td>
                <td>{riText(node)}</td>
                <td>
                  {status(node)}
                  {qualifiers(node)}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {worstLists.length > 0 && (
        <details className={styles.worst} open={worstLists.length <= 2}>
          <summary>{t('worstSummary', { count: worstLists.length })}</summary>
          {worstLists.map(({ key, node }) => (
            <div key={key}>
              <h3>{t('worstHeading', { node: names.node(key) })}</h3>
              <ul>
                {node.mostInconsistent.map((entry) => (
                  <li key={`${entry.a}|${entry.b}`}>
                    {t('worstItem', {
                      a: elementName(entry.a!),
                      b: elementName(entry.b!),
                      judged: ratioText(entry.a!, entry.b!, entry.value),
                      fit: ratioText(entry.a!, entry.b!, entry.consistentValue),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
      {hasRated && <p className={styles.note}>{t('ratingsNote')}</p>}
    </ResultSection>
  );
}
