'use client';

import { useTranslations } from 'next-intl';
import { type Ref, useId } from 'react';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import styles from './questionnaire.module.css';
import type { ProfileData, ProfileDefinition } from './types';

const GROUPS = ['internal', 'external', 'success-factor'] as const;

/**
 * The cluster's situation, which the answers should fit, as context. The facilitator assesses it in the set-up
 * (profile.save is a facilitator procedure), never from a questionnaire, so that assessing it never makes them a
 * participant, even in a browser that holds both links.
 */
export function ProfileStep({
  definition,
  profile,
  headingRef,
}: {
  definition: ProfileDefinition | null;
  profile: ProfileData;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const t = useTranslations('questionnaire.profile');
  const id = useId();
  return (
    <section className={styles.step} aria-labelledby={`${id}-title`}>
      <div className={styles.nodeBar}>
        <p className={styles.kicker}>{t('kicker')}</p>
      </div>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className={styles.question}>
        {t('title')}
      </h2>
      {!definition ? (
        <p className="notice">{t('noDefinition')}</p>
      ) : (
        <ProfileSummary definition={definition} profile={profile} />
      )}
    </section>
  );
}

function levelOf(weight: number | undefined): number {
  return Math.round((weight ?? 0) * 5);
}

function ProfileSummary({ definition, profile }: { definition: ProfileDefinition; profile: ProfileData }) {
  const t = useTranslations('questionnaire.profile');
  const localized = useLocalizedText();
  if (!profile) {
    return <p className="notice">{t('notAssessed')}</p>;
  }
  const priorities = definition.regionalPriorities
    .map((priority) => ({ priority, level: levelOf(profile.regionalPriorities[priority.key]) }))
    .filter((entry) => entry.level > 0)
    .sort((a, b) => b.level - a.level);
  return (
    <>
      <p>{t('intro')}</p>
      <p className="muted">{t('scaleExplained', { low: localized(definition.ratingLabels[0]), high: localized(definition.ratingLabels[4]) })}</p>
      {GROUPS.map((group) => {
        const factors = definition.factors.filter((factor) => factor.group === group);
        if (factors.length === 0) return null;
        return (
          <div key={group} className={styles.profileGroup}>
            <h3>{t(`groups.${group}`)}</h3>
            <ul className={styles.profileList}>
              {factors.map((factor) => {
                const rating = profile.ratings[factor.key];
                return (
                  <li key={factor.key}>
                    <span>{localized(factor.name)}</span>
                    <span className={styles.profileValue}>
                      {rating ? (
                        <>
                          <span className={styles.dots} aria-hidden="true">
                            {[1, 2, 3, 4, 5].map((dot) => (
                              <span key={dot} data-on={dot <= rating} />
                            ))}
                          </span>
                          {t('ratingValue', { value: rating, label: localized(definition.ratingLabels[rating - 1]) })}
                        </>
                      ) : (
                        <span className="muted">{t('notRated')}</span>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      <div className={styles.profileGroup}>
        <h3>{t('groups.priorities')}</h3>
        {priorities.length === 0 ? (
          <p className="muted">{t('noPriorities')}</p>
        ) : (
          <ul className={styles.profileList}>
            {priorities.map(({ priority, level }) => (
              <li key={priority.key}>
                <span>{localized(priority.name)}</span>
                <span className={styles.profileValue}>{t(`priorityLevels.${level}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="muted">{t('participantNote')}</p>
    </>
  );
}
