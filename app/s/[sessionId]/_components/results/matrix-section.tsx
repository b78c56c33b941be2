'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { type MatrixViewCell, comparisonMatrixView } from '~/core/model';
import type { Figures, ModelNames } from './figures';
import { ResultSection } from './figures';
import styles from './results.module.css';
import { type ResultSummary, isGroupResult } from './result-model';

type Props = {
  result: ResultSummary;
  names: ModelNames;
  figures: Figures;
  /** The judgment scale of the result's settings. */
  scale: string;
  /** `pick`: one set at a time, chosen from a list (the results page); `flagged`: every inconsistent set, for print (the report). */
  mode?: 'pick' | 'flagged';
};

/**
 * One comparison set's judgments as a reciprocal matrix (row element over column element): the reader's own, or
 * for the group result the group's aggregated judgments, the ones its CR was computed from. The judgments that
 * contradict the others most are marked with a symbol and in words, each with the value that would fit the rest;
 * values filled in for unanswered pairs are marked as estimated.
 */
export function MatrixSection({ result, names, figures, scale, mode = 'pick' }: Props) {
  const t = useTranslations('results.matrix');
  const tNames = useTranslations('results.method.names');
  const format = useFormatter();
  const id = useId();
  const matrices = result.judgedMatrices;
  const nodes = useMemo(
    () => names.nodeOrder.filter((key) => result.nodes[key] && result.nodes[key]!.method !== 'direct' && matrices?.[key]),
    [names.nodeOrder, result.nodes, matrices],
  );
  const firstFlagged = nodes.find((key) => !result.nodes[key]!.isConsistentEnough);
  const [chosen, setChosen] = useState<string | null>(null);
  const nodeKey = chosen && nodes.includes(chosen) ? chosen : (firstFlagged ?? nodes[0] ?? null);
  const isCriterion = new Set(names.flat.map((c) => c.key));
  const elementName = (key: string) => (isCriterion.has(key) ? names.criterion(key) : names.alternative(key));
  const named = (key: string) => (tNames.has(key as 'saaty') ? tNames(key as 'saaty') : key);

  if (!matrices) {
    if (mode === 'flagged') return null;
    return (
      <ResultSection id="matrix" title={t('title')} caption={t('intro')}>
        <p className={styles.note}>{t('notStored')}</p>
      </ResultSection>
    );
  }
  const flaggedNodes = nodes.filter((key) => !result.nodes[key]!.isConsistentEnough);
  if (mode === 'flagged' && flaggedNodes.length === 0) return null;
  if (!nodeKey) return null;
  const whose = isGroupResult(result) ? t(result.aggregation === 'aip' ? 'whoseGroupAip' : 'whoseGroupAij') : t('whoseOwn');
  /** A ratio as AHP matrices are read: 3, or 1/3 where the reciprocal is a whole number, else a decimal (0.77). */
  const ratio = (value: number) => {
    if (value >= 1) return figures.ratio(value);
    const inverse = 1 / value;
    return Math.abs(inverse - Math.round(inverse)) < 0.05 ? `1/${figures.integer(Math.round(inverse))}` : format.number(value, { maximumFractionDigits: 2 });
  };

  const cellContent = (cell: MatrixViewCell) => {
    if (cell.value === null) return <span>{t('missing')}</span>;
    const value = ratio(cell.value);
    return (
      <>
        {cell.inconsistency ? <span aria-hidden="true">⚠ </span> : null}
        {cell.source === 'estimated' ? <em>{value}</em> : value}
        {cell.source === 'estimated' ? <span className="visually-hidden"> {t('estimatedCell')}</span> : null}
        {cell.inconsistency ? (
          <span className={styles.matrixFit}>
            {t('flaggedCell', { rank: cell.inconsistency.rank, fit: ratio(cell.inconsistency.consistentValue) })}
          </span>
        ) : null}
      </>
    );
  };

  const matrixOf = (key: string) => {
    const node = result.nodes[key]!;
    const elements = names.model.node(key)?.elementKeys ?? Object.keys(node.weights);
    const view = comparisonMatrixView(elements, matrices[key]!, node);
    if (view === null) return <p className={styles.note}>{t('notStored')}</p>;
    const captionId = `${id}-${key}-caption`;
    const hasEstimated = view.rows.some((row) => row.some((cell) => cell.source === 'estimated'));
    const caption = t('caption', { node: names.node(key), whose, method: named(node.method), scale: named(scale) });
    return (
      <div key={key}>
        {/* A <caption> is as wide as the table and scrolls away with it on a phone: the visible title sits above the
            scrolling box, the caption (read by screen readers, naming the table) repeats it. */}
        <p className={styles.tableCaption} aria-hidden="true">
          {caption}
        </p>
        <div className={styles.tableScroll} role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className={`data ${styles.matrix}`}>
            <caption id={captionId} className="visually-hidden">
              {caption}
            </caption>
            <thead>
              <tr>
                <td />
                {elements.map((element) => (
                  <th key={element} scope="col">
                    {elementName(element)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row, i) => (
                <tr key={elements[i]}>
                  <th scope="row">{elementName(elements[i]!)}</th>
                  {row.map((cell, j) => (
                    <td key={elements[j]} className="number" data-flagged={cell.inconsistency ? 'true' : undefined} data-source={cell.source}>
                      {cellContent(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className={styles.note}>
          {t('howToRead')} {node.mostInconsistent.length > 0 ? t('legendFlagged') : t('noneFlagged')} {hasEstimated ? t('legendEstimated') : ''}
        </p>
      </div>
    );
  };

  if (mode === 'flagged') {
    return (
      <ResultSection id="matrix" title={t('title')} caption={t('intro')}>
        {flaggedNodes.map(matrixOf)}
      </ResultSection>
    );
  }
  return (
    <ResultSection id="matrix" title={t('title')} caption={t('intro')}>
      {nodes.length > 1 && (
        <p className={styles.matrixPicker}>
          <label htmlFor={`${id}-node`}>{t('nodeLabel')}</label>{' '}
          <select id={`${id}-node`} value={nodeKey} onChange={(event) => setChosen(event.target.value)}>
            {nodes.map((key) => (
              <option key={key} value={key}>
                {names.node(key)}
                {result.nodes[key]!.isConsistentEnough ? '' : ` — ⚠ ${t('optionFlagged')}`}
              </option>
            ))}
          </select>
        </p>
      )}
      {matrixOf(nodeKey)}
    </ResultSection>
  );
}
