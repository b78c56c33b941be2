'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { GroupResultSummary, ResultDistance, StakeholderGroupComparison } from '~/core/model';
import { DataTable, type Figures, type ModelNames, ResultSection } from './figures';
import styles from './results.module.css';

type Column = {
  key: string;
  label: string;
  criteria: Record<string, number> | null;
  alternatives: Record<string, number> | null;
  places: StakeholderGroupComparison['whole']['places'] | null;
};

/**
 * Each stakeholder group's own result beside the whole group's, how far apart they are, and in words where the
 * groups disagree most: every figure as stored with the result (core/group/stakeholder-groups), none re-derived.
 * Results computed before the comparison existed say so. A group of fewer than 2 people is marked in words; a
 * participant's copy has no figures for it.
 */
export function StakeholderGroupsSection({ result, names, figures }: { result: GroupResultSummary; names: ModelNames; figures: Figures }) {
  const t = useTranslations('results.stakeholderGroups');
  const tMethod = useTranslations('results.method.names');
  const tGroup = useTranslations('common.stakeholderGroups');
  const comparison = result.stakeholderGroups;
  const measure = useMeasureFormat();
  const sentences = useSummary(comparison ?? null, names, figures, measure);
  const aggregation = tMethod(result.aggregation);
  const caption = t('caption', { aggregation, limit: measure.limit(comparison?.measures.compatibilityLimit ?? 1.1) });
  if (!comparison) {
    return (
      <ResultSection id="stakeholder-groups" title={t('title')} caption={caption}>
        <p className={styles.note}>{t('notStored')}</p>
      </ResultSection>
    );
  }
  const limit = comparison.measures.compatibilityLimit;
  const groupName = (group: string) => tGroup(group);
  const people = (count: number) => (count < 2 ? t('peopleSmall', { count }) : t('people', { count }));
  const columns: Column[] = [
    { key: 'whole', label: `${t('whole')} (${people(comparison.whole.included)})`, ...comparison.whole },
    ...comparison.groups.map((g) => ({
      key: g.group,
      label: `${groupName(g.group)} (${people(g.included)})`,
      criteria: g.criteria,
      alternatives: g.alternatives,
      places: g.places,
    })),
  ];
  const leafCount = Object.keys(comparison.whole.places.criteria).length;
  const cell = (weight: number | undefined, place: number | undefined) =>
    weight === undefined ? (
      t('noFigure')
    ) : (
      <span className={styles.nowrap}>
        {place === undefined ? figures.percent(weight) : t('weightAndPlace', { weight: figures.percent(weight), place })}
      </span>
    );
  const compatibility = (value: number | null) =>
    value === null ? t('noFigure') : t(value <= limit ? 'compatible' : 'notCompatible', { value: measure.value(value) });
  const tau = (value: number | null) => (value === null ? t('noFigure') : measure.value(value));
  const distanceCells = (d: ResultDistance) => (
    <>
      <td className="number">{compatibility(d.criteriaCompatibility)}</td>
      <td className="number">{tau(d.criteriaTau)}</td>
      <td className="number">{compatibility(d.strategiesCompatibility)}</td>
      <td className="number">{tau(d.strategiesTau)}</td>
    </>
  );
  return (
    <ResultSection id="stakeholder-groups" title={t('title')} caption={caption}>
      {sentences.length > 0 && (
        <ul className={styles.groupSummary} aria-label={t('summaryLabel')}>
          {sentences.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      <DataTable caption={t('criteriaCaption', { aggregation, count: leafCount })}>
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            {columns.map((c) => (
              <th scope="col" className="number" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.flat.map((criterion) => (
            <tr key={criterion.key}>
              <th scope="row" style={{ paddingInlineStart: `${0.75 + (criterion.depth - 1) * 1.25}rem` }}>
                {names.criterion(criterion.key)}
              </th>
              {columns.map((c) => (
                <td className="number" key={c.key}>
                  {c.criteria ? cell(c.criteria[criterion.key], c.places?.criteria[criterion.key]) : t('noFigure')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <DataTable caption={t('strategiesCaption', { aggregation })}>
        <thead>
          <tr>
            <th scope="col">{t('strategy')}</th>
            {columns.map((c) => (
              <th scope="col" className="number" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.model.alternativeKeys.map((key) => (
            <tr key={key}>
              <th scope="row">{names.alternative(key)}</th>
              {columns.map((c) => (
                <td className="number" key={c.key}>
                  {c.alternatives ? cell(c.alternatives[key], c.places?.strategies[key]) : t('noFigure')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <DataTable caption={t('distanceCaption', { limit: measure.limit(limit) })}>
        <thead>
          <tr>
            <th scope="col">{t('comparison')}</th>
            <th scope="col" className="number">
              {t('criteriaS')}
            </th>
            <th scope="col" className="number">
              {t('criteriaTau')}
            </th>
            <th scope="col" className="number">
              {t('strategiesS')}
            </th>
            <th scope="col" className="number">
              {t('strategiesTau')}
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.groups.map((g) => (
            <tr key={g.group}>
              <th scope="row">{t('versus', { a: groupName(g.group), b: t('whole') })}</th>
              {g.toWhole ? (
                distanceCells(g.toWhole)
              ) : (
                <td colSpan={4}>{g.included === 0 ? t('nobodyIncluded') : t('hiddenSmall')}</td>
              )}
            </tr>
          ))}
          {comparison.pairs.map((pair) => (
            <tr key={`${pair.a}/${pair.b}`}>
              <th scope="row">{t('versus', { a: groupName(pair.a), b: groupName(pair.b) })}</th>
              {distanceCells(pair)}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p className={styles.note}>{t('measures', { limit: measure.limit(limit) })}</p>
    </ResultSection>
  );
}

/**
 * The comparison in plain words: where two groups disagree most, which groups' weights are not compatible with the
 * whole group's, whose first strategy differs, and which groups are too small to be a group's view.
 */
/** S and tau with three decimals (S near 1 needs them: 1.004 and 1.096 are both "1.0"), the limit as stored. */
function useMeasureFormat() {
  const format = useFormatter();
  return {
    value: (value: number) => format.number(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
    limit: (value: number) => format.number(value, { maximumFractionDigits: 3 }),
  };
}

function useSummary(
  comparison: StakeholderGroupComparison | null,
  names: ModelNames,
  figures: Figures,
  measure: ReturnType<typeof useMeasureFormat>,
): string[] {
  const t = useTranslations('results.stakeholderGroups.summary');
  const tGroup = useTranslations('common.stakeholderGroups');
  if (!comparison) return [];
  const limit = comparison.measures.compatibilityLimit;
  const computed = comparison.groups.filter((g) => g.criteria && !g.isSmall);
  if (comparison.groups.length < 2) return [t('oneGroup')];
  const out: string[] = [];
  for (const d of comparison.disagreements) {
    out.push(
      t('disagreement', {
        a: tGroup(d.a),
        b: tGroup(d.b),
        criterion: names.criterion(d.criterion),
        placeA: d.placeA,
        placeB: d.placeB,
        count: d.count,
        weightA: figures.percent(d.weightA),
        weightB: figures.percent(d.weightB),
      }),
    );
  }
  if (computed.length >= 2 && comparison.disagreements.length === 0) out.push(t('sameOrder'));
  const apart = computed.filter((g) => (g.toWhole?.criteriaCompatibility ?? 0) > limit);
  if (computed.length > 0) {
    out.push(
      apart.length === 0
        ? t('allCompatible', { limit: measure.limit(limit) })
        : t('notCompatible', {
            groups: apart.map((g) => `${tGroup(g.group)} (S = ${measure.value(g.toWhole!.criteriaCompatibility!)})`).join(', '),
            limit: measure.limit(limit),
          }),
    );
  }
  const wholeFirst = Object.entries(comparison.whole.places.strategies).find(([, place]) => place === 1)?.[0];
  const otherFirst = computed.filter((g) => g.ranking && g.ranking[0] !== wholeFirst);
  if (wholeFirst && computed.length > 0) {
    out.push(
      otherFirst.length === 0
        ? t('sameFirst', { strategy: names.alternative(wholeFirst) })
        : t('otherFirst', {
            groups: otherFirst.map((g) => `${tGroup(g.group)}: ${names.alternative(g.ranking![0]!)}`).join('; '),
            strategy: names.alternative(wholeFirst),
          }),
    );
  }
  const small = comparison.groups.filter((g) => g.isSmall);
  if (small.length > 0) out.push(t('small', { groups: small.map((g) => tGroup(g.group)).join(', ') }));
  return out;
}
