'use client';

import { useTranslations } from 'next-intl';
import { type Ref, useId } from 'react';
import { RATING_INTENSITIES } from '~/core/ahp/ratings-scale';
import type { RatingIntensity } from '~/core/contracts/ratings';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import styles from './questionnaire.module.css';
import type { CriterionView, ElementView } from '~/app/_components/use-decision-model';
import { ratingAnswerKey } from './steps';

/**
 * Scoring the options against one criterion with the named intensities of the ratings scale: one native
 * radio group per option (arrow keys move within it, Tab to the next option).
 */
export function RatingsStep({
  criterion,
  alternatives,
  ratings,
  stepNumber,
  stepCount,
  headingRef,
  onRate,
}: {
  criterion: CriterionView;
  alternatives: readonly ElementView[];
  ratings: ReadonlyMap<string, RatingIntensity>;
  stepNumber: number;
  stepCount: number;
  headingRef: Ref<HTMLHeadingElement>;
  onRate: (alternativeKey: string, intensity: RatingIntensity) => void;
}) {
  const t = useTranslations('questionnaire.ratings');
  const tRating = useTranslations('common.rating');
  const localized = useLocalizedText();
  const id = useId();
  const description = localized(criterion.description);
  return (
    <section className={styles.step} aria-labelledby={`${id}-question`}>
      <div className={styles.nodeBar}>
        <p className={styles.kicker}>
          {t('kicker')}
          <span className={styles.kickerCount}>{t('count', { n: stepNumber, count: stepCount })}</span>
        </p>
      </div>
      <h2 id={`${id}-question`} ref={headingRef} tabIndex={-1} className={styles.question}>
        {t('question', { criterion: localized(criterion.name) })}
      </h2>
      {description ? <p className={styles.criterionDescription}>{description}</p> : null}
      <div className={styles.ratingList}>
        {alternatives.map((alternative) => {
          const value = ratings.get(ratingAnswerKey(criterion.key, alternative.key));
          const groupId = `${id}-${alternative.key}`;
          const alternativeDescription = localized(alternative.description);
          return (
            <fieldset
              key={alternative.key}
              role="radiogroup"
              className={styles.ratingGroup}
              aria-labelledby={`${groupId}-name`}
              aria-describedby={alternativeDescription ? `${groupId}-description` : undefined}
              data-answered={value !== undefined}
            >
              <legend id={`${groupId}-name`} className={styles.ratingName}>
                {localized(alternative.name)}
              </legend>
              {alternativeDescription ? (
                <p id={`${groupId}-description`} className={styles.ratingDescription}>
                  {alternativeDescription}
                </p>
              ) : null}
              <div className={styles.intensities}>
                {RATING_INTENSITIES.map((intensity) => (
                  <label key={intensity.key} className={styles.intensity}>
                    <input
                      type="radio"
                      name={groupId}
                      value={intensity.key}
                      checked={value === intensity.key}
                      onChange={() => onRate(alternative.key, intensity.key)}
                    />
                    <span>
                      {tRating(intensity.key)}
                      {value === intensity.key ? (
                        <span className={styles.check} aria-hidden="true">
                          ✓
                        </span>
                      ) : null}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
      </div>
    </section>
  );
}
