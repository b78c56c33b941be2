'use client';

import { useTranslations } from 'next-intl';
import { BarList } from '~/app/_components/bar-list';
import { DataTable, type FigureView, type Figures, type ModelNames, ResultSection } from './figures';
import { type ResultSummary, weightOf } from './result-model';
import styles from './results.module.css';

type Props = { result: ResultSummary; names: ModelNames; figures: Figures; view: FigureView };

/** The answer to the question: the strategies in order of their overall (global) score. */
export function RankingSection({ result, names, figures, view }: Props) {
  const t = useTranslations('results.ranking');
  const [first, second] = result.ranking;
  const score = (key: string) => result.alternatives[key] ?? 0;
  const margin = first && second ? score(first) - score(second) : null;
  const headline = !first
    ? null
    : !second || margin === null
      ? t('topAlone', { name: names.alternative(first) })
      : margin < 0.0005
        ? t('tie', { name: names.alternative(first), runnerUp: names.alternative(second) })
        : t('top', { name: names.alternative(first), margin: figures.points(margin), runnerUp: names.alternative(second) });
  return (
    <ResultSection id="ranking" title={t('title')} caption={t('caption')}>
      {headline && <p className={styles.headline}>{headline}</p>}
      {view === 'charts' ? (
        <BarList
          label={t('chartLabel')}
          items={result.ranking.map((key, index) => ({
            key,
            label: `${index + 1}. ${names.alternative(key)}`,
            value: score(key),
            highlight: index === 0,
          }))}
          format={figures.percent}
        />
      ) : (
        <DataTable caption={t('tableCaption')}>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t('rank')}
              </th>
              <th scope="col">{t('strategy')}</th>
              <th scope="col" className="number">
                {t('score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.ranking.map((key, index) => (
              <tr key={key}>
                <td className="number">{index + 1}</td>
                <th scope="row">{names.alternative(key)}</th>
                <td className="number">{figures.percent(score(key))}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </ResultSection>
  );
}

/** The local scores of the strategies under every leaf criterion: where each one is strong or weak. */
export function ByCriterionSection({ result, names, figures }: Omit<Props, 'view'>) {
  const t = useTranslations('results.byCriterion');
  const leaves = names.flat.filter((c) => !c.hasChildren);
  const strategies = result.ranking;
  return (
    <ResultSection id="by-criterion" title={t('title')} caption={t('caption')}>
      <DataTable caption={t('tableCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            {strategies.map((key) => (
              <th scope="col" className="number" key={key}>
                {names.alternative(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {leaves.map((leaf) => (
            <tr key={leaf.key}>
              <th scope="row">{names.criterion(leaf.key)}</th>
              {strategies.map((key) => {
                const value = weightOf(result.nodes[leaf.key], key);
                return (
                  <td className="number" key={key}>
                    {value === null ? '—' : figures.percent(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </ResultSection>
  );
}
