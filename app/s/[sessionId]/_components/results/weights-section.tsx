'use client';

import { useTranslations } from 'next-intl';
import { BarList } from '~/app/_components/bar-list';
import { DataTable, type FigureView, type Figures, type ModelNames, ResultSection } from './figures';
import styles from './results.module.css';
import { GOAL_NODE_ID } from '~/core/model';
import type { ResultSummary } from './result-model';

type Props = { result: ResultSummary; names: ModelNames; figures: Figures; view: FigureView };

/**
 * Criterion weights for the whole tree. Global weights first (share of the whole decision), then, when the tree
 * is nested, the local weights under each heading; a flat tree says once that both are the same.
 */
export function WeightsSection({ result, names, figures, view }: Props) {
  const t = useTranslations('results.weights');
  const weight = (key: string) => result.criteria[key] ?? { local: 0, global: 0 };
  const parents = [
    { key: GOAL_NODE_ID, label: t('goal') },
    ...names.flat.filter((c) => c.hasChildren).map((c) => ({ key: c.key, label: names.criterion(c.key) })),
  ];
  const indentedLabel = (key: string, depth: number) => `${'\u2003'.repeat(depth - 1)}${names.criterion(key)}`;
  return (
    <ResultSection id="weights" title={t('title')} caption={t('caption')}>
      {!names.isNested && <p className={styles.note}>{t('flatNote')}</p>}
      {view === 'charts' ? (
        <>
          <BarList
            label={t('globalChart')}
            items={names.flat.map((c) => ({
              key: c.key,
              label: indentedLabel(c.key, c.depth),
              value: weight(c.key).global,
              highlight: c.depth === 1 && names.isNested,
            }))}
            format={figures.percent}
          />
          {names.isNested &&
            parents.map((parent) => {
              const children = names.flat.filter((c) => c.parentKey === parent.key);
              return (
                <div key={parent.key}>
                  <h3>{t('localHeading', { name: parent.label })}</h3>
                  <BarList
                    label={t('localChart', { name: parent.label })}
                    items={children.map((c) => ({ key: c.key, label: names.criterion(c.key), value: weight(c.key).local }))}
                    format={figures.percent}
                  />
                </div>
              );
            })}
        </>
      ) : (
        <DataTable caption={t('tableCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('criterion')}</th>
              <th scope="col" className="number">
                {t('local')}
              </th>
              <th scope="col" className="number">
                {t('global')}
              </th>
            </tr>
          </thead>
          <tbody>
            {names.flat.map((c) => (
              <tr key={c.key} data-depth={c.depth}>
                <th scope="row" style={{ paddingInlineStart: `${0.75 + (c.depth - 1) * 1.25}rem` }}>
                  {names.criterion(c.key)}
                </th>
                <td className="number">{figures.percent(weight(c.key).local)}</td>
                <td className="number">{figures.percent(weight(c.key).global)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </ResultSection>
  );
}
