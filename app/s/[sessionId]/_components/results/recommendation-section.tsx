'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useTRPC } from '~/app/_trpc/client';
import { MAX_RECOMMENDED_MEASURES } from '~/core/contracts/recommendation';
import { Explanation, toPoints } from './explanation';
import { DataTable, type Figures, ResultSection } from './figures';
import styles from './recommendation.module.css';
import type { RecommendationData, RecommendationFigureProps, RecommendationNames } from './use-recommendation';

type MeasureData = RecommendationData['measures'][number];
type Reason = MeasureData['reasons'][number];

/** How many criteria a reason names before it says "and N more". */
const CRITERIA_NAMED = 3;

/** Fit in words; the number is always shown beside it. */
function fitLevel(fit: number): 'strong' | 'moderate' | 'weak' {
  if (fit >= 0.75) return 'strong';
  if (fit >= 0.45) return 'moderate';
  return 'weak';
}

/**
 * The answer first: the strategy the result recommends with its lead and how often it ranked first, the
 * plain-language explanation, and the measures to start with, each with its reasons and how its score is made.
 * Reused by the report page.
 */
export function RecommendationSection({
  data,
  names,
  figures,
}: RecommendationFigureProps) {
  const t = useTranslations('results.recommendation');
  const { strategy } = data;
  const allMeasures = useAllMeasures(data);
  const shownMeasures = allMeasures.measures ?? data.measures;
  const measuresErrorId = useId();
  return (
    <ResultSection id="recommendation" title={t('title')} caption={t('caption')}>
      <div className={styles.verdict}>
        <p className={styles.kicker}>{t('strategyLabel')}</p>
        <p className={styles.strategyName}>{names.alternative(strategy.strategy)}</p>
        <dl className={styles.facts}>
          <div>
            <dt>{t('facts.score')}</dt>
            <dd>{figures.percent(strategy.score)}</dd>
          </div>
          {strategy.runnerUp !== null && (
            <div>
              <dt>{strategy.isTie ? t('facts.tie') : t('facts.lead', { runnerUp: names.alternative(strategy.runnerUp) })}</dt>
              <dd>
                {strategy.isTie
                  ? t('facts.tieValue', { runnerUp: names.alternative(strategy.runnerUp) })
                  : t('facts.points', { points: toPoints(strategy.margin) })}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('facts.probability')}</dt>
            <dd>
              {strategy.probabilityFirst !== null && data.rankProbability
                ? t('facts.probabilityValue', {
                    share: figures.percent(strategy.probabilityFirst),
                    samples: data.rankProbability.samples,
                    model: data.rankProbability.model,
                  })
                : t('facts.probabilityNone')}
            </dd>
          </div>
        </dl>
      </div>

      <Explanation sentences={data.explanation} names={names} figures={figures} />

      <h3>{t('measures.title')}</h3>
      <p className={styles.caption}>
        {t('measures.caption', {
          criteria: figures.percent(data.measureWeights.criteria),
          fit: figures.percent(data.measureWeights.fit),
          weakness: figures.percent(data.measureWeights.weakness),
          priority: figures.percent(data.measureWeights.priority),
        })}
      </p>
      {!data.hasProfile && <p className="notice">{t('measures.noProfile')}</p>}
      {shownMeasures.length === 0 ? (
        <p className={styles.caption}>{t('measures.none')}</p>
      ) : (
        <>
          <ol className={styles.measures}>
            {shownMeasures.map((measure, index) => (
              <MeasureCard key={measure.key} measure={measure} rank={index + 1} names={names} figures={figures} data={data} />
            ))}
          </ol>
          {data.measureTotal > shownMeasures.length && (
            <div className={styles.moreMeasures}>
              <p className={styles.caption}>{t('measures.more', { shown: shownMeasures.length, total: data.measureTotal })}</p>
              <button
                type="button"
                className="button"
                onClick={allMeasures.show}
                disabled={allMeasures.isLoading}
                aria-describedby={allMeasures.error ? `${measuresErrorId}` : undefined}
              >
                {allMeasures.isLoading ? t('measures.showAllLoading') : t('measures.showAll', { total: data.measureTotal })}
              </button>
              {allMeasures.error ? (
                <p className="notice warn" role="alert" id={measuresErrorId}>
                  {t('measures.showAllFailed')}
                </p>
              ) : null}
            </div>
          )}
          {allMeasures.measures && data.measures.length < allMeasures.measures.length ? (
            <p className={styles.caption} role="status">
              {t('measures.allShown', { total: allMeasures.measures.length })}
            </p>
          ) : null}
        </>
      )}
    </ResultSection>
  );
}

/**
 * Every measure of the session, on request: the same recommendation read again with the session's whole list,
 * so the ranking, scores and reasons are the server's, from the same stored result.
 */
function useAllMeasures(data: RecommendationData) {
  const trpc = useTRPC();
  const { sessionId } = useParams<{ sessionId: string }>();
  const [isRequested, setRequested] = useState(false);
  const query = useQuery({
    ...trpc.result.recommendation.queryOptions({
      sessionId,
      scope: data.scope,
      measureCount: Math.min(MAX_RECOMMENDED_MEASURES, Math.max(1, data.measureTotal)),
    }),
    enabled: isRequested,
  });
  // Only the same stored result's list replaces the shown one; a result computed meanwhile waits for the page.
  const measures = query.data && new Date(query.data.computedAt).getTime() === new Date(data.computedAt).getTime() ? query.data.measures : null;
  return { measures, show: () => setRequested(true), isLoading: isRequested && query.isPending, error: query.error };
}

function MeasureCard({
  measure,
  rank,
  names,
  figures,
  data,
}: {
  measure: MeasureData;
  rank: number;
  names: RecommendationNames;
  figures: Figures;
  data: RecommendationData;
}) {
  const t = useTranslations('results.recommendation');
  const id = useId();
  const family = names.family(measure.family);
  const rationale = names.rationale(measure.key);
  const weights = data.measureWeights;
  const parts = [
    { key: 'criteria', label: t('breakdown.criteria'), value: measure.parts.criteria, weight: weights.criteria },
    { key: 'fit', label: t('breakdown.fit', { strategy: names.alternative(data.strategy.strategy) }), value: measure.parts.fit, weight: weights.fit },
    { key: 'weakness', label: t('breakdown.weakness'), value: measure.parts.weakness, weight: weights.weakness },
    { key: 'priority', label: t('breakdown.priority'), value: measure.parts.priority, weight: weights.priority },
  ];
  return (
    <li className={styles.measure} aria-labelledby={`${id}-name`}>
      <div className={styles.measureHead}>
        <h4 id={`${id}-name`} className={styles.measureName}>
          <span className={styles.rank}>{rank}.</span> {names.measure(measure.key)}
        </h4>
        <span className={styles.score}>{t('measures.score', { score: figures.percent(measure.score) })}</span>
      </div>
      {family && <p className={styles.family}>{family}</p>}
      {rationale && <p className={styles.rationale}>{rationale}</p>}
      <p className={styles.reasonsLabel} id={`${id}-reasons`}>
        {t('reasons.label')}
      </p>
      <ul className={styles.reasons} aria-labelledby={`${id}-reasons`}>
        {measure.reasons.map((reason) => (
          <li key={reason.kind}>
            <ReasonText reason={reason} names={names} figures={figures} />
          </li>
        ))}
      </ul>
      <details className={styles.breakdown}>
        <summary>{t('breakdown.summary')}</summary>
        <DataTable caption={t('breakdown.caption', { name: names.measure(measure.key) })}>
          <thead>
            <tr>
              <th scope="col">{t('breakdown.part')}</th>
              <th scope="col" className="number">
                {t('breakdown.value')}
              </th>
              <th scope="col" className="number">
                {t('breakdown.weight')}
              </th>
              <th scope="col" className="number">
                {t('breakdown.contribution')}
              </th>
            </tr>
          </thead>
          <tbody>
            {parts.map((part) => (
              <tr key={part.key}>
                <th scope="row">{part.label}</th>
                <td className="number">{figures.percent(part.value)}</td>
                <td className="number">{figures.percent(part.weight)}</td>
                <td className="number">{figures.percent(part.value * part.weight)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('breakdown.total')}</th>
              <td />
              <td />
              <td className="number">
                <strong>{figures.percent(measure.score)}</strong>
              </td>
            </tr>
          </tbody>
        </DataTable>
      </details>
    </li>
  );
}

/** One reason in words, quoting the weight, fit, rating or priority it comes from. */
function ReasonText({ reason, names, figures }: { reason: Reason; names: RecommendationNames; figures: Figures }) {
  const t = useTranslations('results.recommendation.reasons');
  const tQuote = useTranslations('results.explain');
  const tLevels = useTranslations('questionnaire.profile.priorityLevels');
  const format = useFormatter();
  const quoted = (name: string) => tQuote('quoted', { name });
  const list = (items: string[]) => format.list(items, { type: 'conjunction' });
  switch (reason.kind) {
    case 'criteria': {
      const named = reason.criteria.slice(0, CRITERIA_NAMED).map((c) =>
        t('criterionItem', { name: quoted(names.criterion(c.key)), weight: figures.percent(c.weight) }),
      );
      const more = reason.criteria.length - named.length;
      return t('criteria', { criteria: list(more > 0 ? [...named, t('moreCriteria', { count: more })] : named) });
    }
    case 'strategy-fit':
      return t('fit', { strategy: quoted(names.alternative(reason.strategy)), level: fitLevel(reason.fit), fit: figures.percent(reason.fit) });
    case 'weakness':
      return t('weakness', {
        count: reason.factors.length,
        factors: list(
          reason.factors.map((f) => t('factorItem', { name: quoted(names.factor(f.key)), rating: f.rating, label: names.ratingLabel(f.rating) })),
        ),
      });
    case 'priority':
      return t('priority', {
        count: reason.priorities.length,
        priorities: list(
          reason.priorities.map((p) => {
            const level = Math.min(5, Math.max(1, Math.round(p.weight * 5)));
            return t('priorityItem', { name: quoted(names.priority(p.key)), level: tLevels(String(level) as '1') });
          }),
        ),
      });
  }
}
