'use client';

import { useTranslations } from 'next-intl';
import { useParticipationText } from '~/app/_components/use-participation-text';
import { DataTable, type ModelNames, ResultSection } from '~/app/s/[sessionId]/_components/results/figures';
import type { ResultView } from '~/app/s/[sessionId]/_components/results/result-model';
import { STAKEHOLDER_GROUPS } from '~/core/contracts/session';
import styles from './report.module.css';

/**
 * Who took part, by stakeholder group: the group's weight, how many joined and how many the result includes, and
 * (facilitator) their names, each one left out with the reason. A participant's copy of the group result names
 * nobody else, so they see the count.
 */
export function ParticipantsByGroup({ view, names, showNames }: { view: ResultView; names: ModelNames; showNames: boolean }) {
  const t = useTranslations('report.page.participants');
  const tGroups = useTranslations('common.stakeholderGroups');
  const participationText = useParticipationText(names.node);
  if (!showNames) {
    return (
      <ResultSection id="report-participants" title={t('title')} caption={t('caption')}>
        <p>{t('countsOnly', { included: view.counts.included })}</p>
      </ResultSection>
    );
  }
  const participants = view.participants;
  const groups = STAKEHOLDER_GROUPS.map((group) => {
    const members = participants.filter((p) => p.stakeholderGroup === group);
    return {
      group,
      weight: members[0]?.groupWeight ?? view.settings.stakeholderWeights[group] ?? 1,
      members,
      includedCount: members.filter((p) => p.participation?.isIncluded).length,
    };
  }).filter((entry) => entry.members.length > 0);
  const totalIncluded = groups.reduce((sum, entry) => sum + entry.includedCount, 0);
  return (
    <ResultSection id="report-participants" title={t('title')} caption={t('caption')}>
      {groups.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <DataTable caption={t('tableCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('group')}</th>
              <th scope="col" className="number">
                {t('groupWeight')}
              </th>
              <th scope="col" className="number">
                {t('joined')}
              </th>
              <th scope="col" className="number">
                {t('included')}
              </th>
              <th scope="col">{t('names')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((entry) => (
              <tr key={entry.group}>
                <th scope="row">{tGroups(entry.group)}</th>
                <td className="number">{entry.weight}</td>
                <td className="number">{entry.members.length}</td>
                <td className="number">{entry.includedCount}</td>
                <td className={styles.names}>
                  {entry.members
                    .map((p) =>
                      p.participation && !p.participation.isIncluded
                        ? t('leftOut', { name: p.displayName, reason: participationText(p.participation) })
                        : p.displayName,
                    )
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('total')}</th>
              <td />
              <td className="number">{participants.length}</td>
              <td className="number">{totalIncluded}</td>
              <td />
            </tr>
          </tfoot>
        </DataTable>
      )}
    </ResultSection>
  );
}
