'use client';

import { useTranslations } from 'next-intl';
import { readMethodSettings } from '~/core/contracts/method';
import { ResultSection } from '~/app/s/[sessionId]/_components/results/figures';
import type { ResultView, SessionData } from '~/app/s/[sessionId]/_components/results/result-model';
import styles from './report.module.css';

/**
 * How the result was reached, for a reader who has never heard of AHP: one short paragraph per step, each naming
 * the setting stored with this result (not the session's current one), so the text and the figures agree.
 */
export function MethodInWords({
  session,
  view,
  isGroup,
  criteriaCount,
  hasMeasures,
}: {
  session: SessionData;
  view: ResultView;
  isGroup: boolean;
  criteriaCount: number;
  hasMeasures: boolean;
}) {
  const t = useTranslations('report.page.method');
  const tMethod = useTranslations('results.method');
  const settings = readMethodSettings(view.settings.methodSettings);
  const name = (key: string) => (tMethod.has(`names.${key}`) ? tMethod(`names.${key}`) : key);
  const table = tMethod.has(`tables.${settings.randomIndex}`) ? tMethod(`tables.${settings.randomIndex}`) : settings.randomIndex;
  const paragraphs = [
    t('hierarchy', { criteria: criteriaCount, strategies: session.model.alternatives.length }),
    t('comparisons', { scale: name(settings.scale) }),
    view.settings.alternativeScoring === 'ratings' ? t('scoringRatings') : t('scoringPairwise'),
    t('priorities', { method: name(settings.method) }),
    t('consistency', { table }),
    ...(isGroup ? [t('group', { included: view.counts.included, aggregation: name(settings.aggregation) })] : []),
    t('synthesis', { synthesis: name(settings.synthesis) }),
    ...(isGroup && view.counts.included >= 2 ? [t('robustness', { model: settings.monteCarloModel })] : []),
    ...(hasMeasures ? [t('measures')] : []),
  ];
  return (
    <ResultSection id="report-method" title={t('title')} caption="">
      <ol className={styles.steps}>
        {paragraphs.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ol>
    </ResultSection>
  );
}
