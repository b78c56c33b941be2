'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { ResultSection } from './figures';
import styles from './recommendation.module.css';
import type { RecommendationFigureProps } from './use-recommendation';

/**
 * The cluster's diagnosis, read off its profile (core/recommend diagnoseProfile): strengths, weaknesses, the key
 * success factors it lacks, the region's priorities, and what each strategy leans on, with a plain warning where
 * that is weak. It opens the results and the report, before the recommendation it qualifies.
 */
export function DiagnosisSection({ data, names, figures }: RecommendationFigureProps) {
  const t = useTranslations('results.diagnosis');
  const format = useFormatter();
  const diagnosis = data.diagnosis;
  if (!diagnosis) {
    return (
      <ResultSection id="diagnosis" title={t('title')} caption={null}>
        <p className="notice">{t('noProfile')}</p>
      </ResultSection>
    );
  }
  const { max } = diagnosis.scale;
  const rated = (factor: string, rating: number) =>
    t('factorRating', { factor: names.factor(factor), rating, max, label: names.ratingLabel(rating) });
  const factorList = (factors: typeof diagnosis.strengths, empty: string) =>
    factors.length ? (
      <ul className={styles.reasons}>
        {factors.map((f) => (
          <li key={f.key}>{rated(f.key, f.rating)}</li>
        ))}
      </ul>
    ) : (
      <p className={styles.caption}>{empty}</p>
    );
  return (
    <ResultSection
      id="diagnosis"
      title={t('title')}
      caption={t('caption', {
        version: diagnosis.definitionVersion,
        max,
        weak: diagnosis.scale.weakAtOrBelow,
        strong: diagnosis.scale.strongAtOrAbove,
      })}
    >
      <div className={styles.diagnosis}>
        <div>
          <h3>{t('strengths')}</h3>
          {factorList(diagnosis.strengths, t('noStrengths'))}
        </div>
        <div>
          <h3>{t('weaknesses')}</h3>
          {factorList(diagnosis.weaknesses, t('noWeaknesses'))}
        </div>
        <div>
          <h3>{t('missing')}</h3>
          {factorList(diagnosis.missingSuccessFactors, t('noMissing'))}
        </div>
        <div>
          <h3>{t('priorities')}</h3>
          {diagnosis.priorities.length ? (
            <ul className={styles.reasons}>
              {diagnosis.priorities.map((p) => (
                <li key={p.key}>{t('priorityShare', { priority: names.priority(p.key), share: figures.percent(p.share) })}</li>
              ))}
            </ul>
          ) : (
            <p className={styles.caption}>{t('noPriorities')}</p>
          )}
        </div>
      </div>
      {diagnosis.unrated.length ? (
        <p className={styles.caption}>
          {t('unrated', { factors: format.list(diagnosis.unrated.map((key) => names.factor(key)), { type: 'conjunction' }) })}
        </p>
      ) : null}

      {diagnosis.strategies.length ? (
        <>
          <h3>{t('strategiesTitle')}</h3>
          <ul className={styles.measures}>
            {diagnosis.strategies.map((entry) => {
              const strategy = names.alternative(entry.strategy);
              const weak = entry.leansOn.filter((f) => f.isWeak);
              return (
                <li key={entry.strategy} className={styles.measure}>
                  <h4 className={styles.measureName}>{strategy}</h4>
                  <ul className={styles.reasons}>
                    {entry.leansOn.map((f) => (
                      <li key={f.factor}>
                        {t('leansOn', {
                          needs: names.needs(entry.strategy, f.factor),
                          rating: f.rating === null ? t('notRated', { factor: names.factor(f.factor) }) : rated(f.factor, f.rating),
                        })}
                      </li>
                    ))}
                  </ul>
                  {weak.map((f) => (
                    <p key={f.factor} className="notice warn">
                      <strong>{t('warningLabel')}</strong>{' '}
                      {t('warning', {
                        strategy,
                        needs: names.needs(entry.strategy, f.factor),
                        factor: names.factor(f.factor),
                        rating: f.rating!,
                        max,
                        label: names.ratingLabel(f.rating!),
                      })}
                    </p>
                  ))}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </ResultSection>
  );
}
