'use client';

import { useTranslations } from 'next-intl';
import { BarList } from '~/app/_components/bar-list';
import { type GroupHierarchyResult, storedConsensusFormula } from '~/core';
import type { GroupResultSummary } from '~/core/model';
import { DataTable, type FigureView, type Figures, type ModelNames, ResultSection } from './figures';
import styles from './results.module.css';
import { useParticipationText } from '~/app/_components/use-participation-text';
import type { ResultView } from './result-model';

type ConsensusLevel = GroupHierarchyResult['consensusLevel'];

/**
 * How similar the participants' priorities are at each node (Goepel's S*, 0..1), with the level in words. Only
 * a group result has it; with one included participant it is trivially 100 % and says so instead.
 */
export function ConsensusSection({
  result,
  names,
  figures,
  view,
  includedCount,
  participantName,
}: {
  result: GroupResultSummary;
  names: ModelNames;
  figures: Figures;
  view: FigureView;
  includedCount: number;
  participantName: ((key: string) => string) | null;
}) {
  const t = useTranslations('results.consensus');
  const tLevel = useTranslations('common.consensus');
  const levelOf = (value: number): ConsensusLevel => {
    const percent = value * 100;
    if (percent <= 50) return 'very-low';
    if (percent <= 62.5) return 'low';
    if (percent <= 75) return 'moderate';
    if (percent <= 87.5) return 'high';
    return 'very-high';
  };
  const rows = names.nodeOrder
    .filter((key) => typeof result.consensus[key] === 'number')
    .map((key) => ({ key, value: result.consensus[key]! }));
  const furthest = participantName ? result.furthest.map((entry) => participantName(entry.id)) : [];
  // Results stored before these fields existed have neither; their values were clamped at 0 then.
  const belowZero = (result.consensusBelowZero ?? []).map((entry) => names.node(entry.node ?? 'goal'));
  return (
    <ResultSection id="consensus" title={t('title')} caption={t('caption')}>
      {includedCount < 2 ? (
        <p className={styles.note}>{t('singleParticipant')}</p>
      ) : (
        <>
          <p className={styles.headline}>
            {t('overall', { value: figures.percent(result.overallConsensus), level: tLevel(result.consensusLevel) })}
          </p>
          {view === 'charts' ? (
            <BarList
              label={t('chartLabel')}
              items={rows.map((row) => ({
                key: row.key,
                label: `${names.node(row.key)} — ${tLevel(levelOf(row.value))}`,
                value: row.value,
              }))}
              format={figures.percent}
              max={1}
            />
          ) : (
            <DataTable caption={t('tableCaption')}>
              <thead>
                <tr>
                  <th scope="col">{t('comparison')}</th>
                  <th scope="col" className="number">
                    {t('value')}
                  </th>
                  <th scope="col">{t('level')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{names.node(row.key)}</th>
                    <td className="number">{figures.percent(row.value)}</td>
                    <td>{tLevel(levelOf(row.value))}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          {belowZero.length > 0 && <p className={styles.note}>{t('belowZero', { nodes: belowZero.join(', ') })}</p>}
          {furthest.length > 0 && <p className={styles.note}>{t('furthest', { names: furthest.join(', ') })}</p>}
          <p className={styles.note}>{t(`formula.${storedConsensusFormula(result)}`)}</p>
        </>
      )}
    </ResultSection>
  );
}

/**
 * Who is in the result. The facilitator sees every participant with their progress and, when left out, why;
 * a participant sees only the counts.
 */
export function ParticipantsSection({
  view,
  names,
  joinedCount,
  showNames,
}: {
  view: ResultView;
  names: ModelNames;
  joinedCount: number | null;
  /** The facilitator sees everyone; a participant's copy lists only themselves, so it shows the counts alone. */
  showNames: boolean;
}) {
  const t = useTranslations('results.participants');
  const tGroups = useTranslations('common.stakeholderGroups');
  const participationText = useParticipationText(names.node);
  const { included, excluded } = view.counts;
  const leftOut = joinedCount !== null ? Math.max(excluded, joinedCount - included) : excluded;
  return (
    <ResultSection id="participants" title={t('title')} caption={t('caption')}>
      <p>{t('counts', { included, skipped: leftOut })}</p>
      {showNames && view.participants.length > 0 && (
        <DataTable caption={t('tableCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('group')}</th>
              <th scope="col" className="number">
                {t('progress')}
              </th>
              <th scope="col">{t('inResult')}</th>
            </tr>
          </thead>
          <tbody>
            {view.participants.map((p) => (
              <tr key={p.key} data-included={p.participation?.isIncluded ?? false}>
                <th scope="row">{p.displayName || t('anonymous', { key: p.key })}</th>
                <td>{tGroups(p.stakeholderGroup)}</td>
                <td className="number">{t('progressValue', { answered: p.progress.answered, required: p.progress.required })}</td>
                <td>
                  {p.participation
                    ? t(p.participation.isIncluded ? 'included' : 'notIncluded', { text: participationText(p.participation) })
                    : null}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </ResultSection>
  );
}
