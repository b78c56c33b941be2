'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { DataTable, type ModelNames, ResultSection } from '~/app/s/[sessionId]/_components/results/figures';
import type { RoundsData } from '~/app/_components/workshop/types';
import { consensusLevel } from '~/core/group/consensus';
import { GOAL_NODE_ID } from '~/core/model';

/**
 * The workshop's rounds for the record: when each opened and closed, what it asked, how many it counted and how
 * far they agreed, and every re-vote with the first vote it replaced (counts per answer), as the session history
 * keeps them. Shown to the facilitator only (the rounds are theirs to read), and only for a session that had a
 * live workshop with more than one round or a re-vote.
 */
export function RoundHistory({ rounds, names }: { rounds: RoundsData; names: ModelNames }) {
  const t = useTranslations('report.page.rounds');
  const tLevel = useTranslations('common.consensus');
  const tRating = useTranslations('common.rating');
  const format = useFormatter();
  if (rounds.rounds.length < 2 && rounds.revotes.length === 0) return null;
  const when = (date: Date | string | null) => (date ? format.dateTime(new Date(date), { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const percent = (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 0 });
  const asked = (nodeKeys: string[] | null) => (nodeKeys === null ? t('allNodes') : nodeKeys.map((key) => names.node(key)).join(', '));
  const itemName = (item: RoundsData['revotes'][number]['item']) =>
    item.kind === 'pair'
      ? t('pair', {
          a: item.nodeKey === GOAL_NODE_ID || names.model.node(item.nodeKey)?.kind === 'criteria' ? names.criterion(item.a) : names.alternative(item.a),
          b: item.nodeKey === GOAL_NODE_ID || names.model.node(item.nodeKey)?.kind === 'criteria' ? names.criterion(item.b) : names.alternative(item.b),
          node: names.node(item.nodeKey),
        })
      : t('rating', { alternative: names.alternative(item.alternativeKey), criterion: names.criterion(item.criterionKey) });
  const answerName = (kind: 'pair' | 'rating', key: string) =>
    kind === 'rating' ? tRating(key as 'low') : Number(key) > 0 ? `+${key}` : key === '0' ? '0' : `−${key.slice(1)}`;
  const tallyText = (kind: 'pair' | 'rating', tally: Record<string, number>) =>
    Object.entries(tally)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (kind === 'pair' ? Number(b) - Number(a) : 0))
      .map(([answer, count]) => t('tallyEntry', { answer: answerName(kind, answer), count }))
      .join(', ');
  return (
    <ResultSection id="report-rounds" title={t('title')} caption={t('caption')}>
      <DataTable caption={t('roundsCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('round')}</th>
            <th scope="col">{t('opened')}</th>
            <th scope="col">{t('closed')}</th>
            <th scope="col">{t('asked')}</th>
            <th scope="col" className="number">
              {t('included')}
            </th>
            <th scope="col">{t('consensus')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.rounds.map((round) => (
            <tr key={round.number}>
              <th scope="row">{t('roundNumber', { round: round.number })}</th>
              <td>{when(round.openedAt)}</td>
              <td>{round.status === 'closed' ? when(round.closedAt) : t('stillOpen')}</td>
              <td>{asked(round.nodeKeys)}</td>
              <td className="number">{round.result ? round.result.counts.included : '—'}</td>
              <td>
                {round.result
                  ? `${percent(round.result.overallConsensus)} (${tLevel(consensusLevel(round.result.overallConsensus))})`
                  : round.resultError
                    ? t('noResult')
                    : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {rounds.revotes.length > 0 ? (
        <DataTable caption={t('revotesCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('round')}</th>
              <th scope="col">{t('question')}</th>
              <th scope="col">{t('firstVote')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.revotes.map((revote, i) => (
              <tr key={i}>
                <td>{when(revote.at)}</td>
                <td>{t('roundNumber', { round: revote.round })}</td>
                <td>{itemName(revote.item)}</td>
                <td>{revote.cleared === 0 ? t('noAnswers') : t('firstVoteValue', { count: revote.cleared, tally: tallyText(revote.item.kind, revote.previousTally) })}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </ResultSection>
  );
}
