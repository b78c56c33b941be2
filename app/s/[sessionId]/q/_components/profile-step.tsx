'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type Ref, useId, useState } from 'react';
import { SaveState } from '~/app/_components/save-state';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import { useTRPC } from '~/app/_trpc/client';
import { useParticipantErrorText } from '~/app/_components/use-error-text';
import styles from './questionnaire.module.css';
import type { ProfileData, ProfileDefinition } from './types';
import { useSaveQueue } from './use-save-queue';

const GROUPS = ['internal', 'external', 'success-factor'] as const;
/** Regional priorities are weighted in five steps; stored as 0..1 (the weights are relative). */
const PRIORITY_LEVELS = [0, 1, 2, 3, 4, 5] as const;

type Profile = { ratings: Record<string, number>; regionalPriorities: Record<string, number> };

/**
 * The cluster's situation, which the answers should fit. Only the facilitator may save the profile
 * (profile.save is a facilitator procedure), so a participant sees it as context; a browser that also holds
 * the facilitator's link of this session gets the form, saved with that link.
 */
export function ProfileStep({
  sessionId,
  definition,
  profile,
  facilitatorToken,
  headingRef,
}: {
  sessionId: string;
  definition: ProfileDefinition | null;
  profile: ProfileData;
  facilitatorToken: string | null;
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
      ) : facilitatorToken ? (
        <ProfileForm sessionId={sessionId} definition={definition} profile={profile} token={facilitatorToken} />
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

function ProfileForm({
  sessionId,
  definition,
  profile,
  token,
}: {
  sessionId: string;
  definition: ProfileDefinition;
  profile: ProfileData;
  token: string;
}) {
  const t = useTranslations('questionnaire.profile');
  const localized = useLocalizedText();
  const describeError = useParticipantErrorText();
  const trpc = useTRPC();
  const id = useId();
  const save = useMutation(trpc.profile.save.mutationOptions({ trpc: { context: { token } } }));
  const queue = useSaveQueue();
  const [value, setValue] = useState<Profile>(() => ({
    ratings: { ...(profile?.ratings ?? {}) },
    regionalPriorities: { ...(profile?.regionalPriorities ?? {}) },
  }));

  const update = (next: Profile) => {
    setValue(next);
    queue.schedule('profile', () => save.mutateAsync({ sessionId, profile: next }), 300);
  };

  return (
    <>
      <p>{t('facilitatorIntro')}</p>
      {GROUPS.map((group) => {
        const factors = definition.factors.filter((factor) => factor.group === group);
        if (factors.length === 0) return null;
        return (
          <div key={group} className={styles.profileGroup}>
            <h3>{t(`groups.${group}`)}</h3>
            {factors.map((factor) => {
              const groupId = `${id}-${factor.key}`;
              return (
                <fieldset
                  key={factor.key}
                  role="radiogroup"
                  className={styles.ratingGroup}
                  aria-labelledby={`${groupId}-name`}
                  aria-describedby={`${groupId}-description`}
                  data-answered={value.ratings[factor.key] !== undefined}
                >
                  <legend id={`${groupId}-name`} className={styles.ratingName}>
                    {localized(factor.name)}
                  </legend>
                  <p id={`${groupId}-description`} className={styles.ratingDescription}>
                    {localized(factor.description)}
                  </p>
                  <div className={styles.intensities}>
                    {definition.ratingLabels.map((label, index) => (
                      <label key={index} className={styles.intensity}>
                        <input
                          type="radio"
                          name={groupId}
                          value={index + 1}
                          checked={value.ratings[factor.key] === index + 1}
                          onChange={() => update({ ...value, ratings: { ...value.ratings, [factor.key]: index + 1 } })}
                        />
                        <span>
                          {t('ratingValue', { value: index + 1, label: localized(label) })}
                          {value.ratings[factor.key] === index + 1 ? (
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
        );
      })}
      <div className={styles.profileGroup}>
        <h3>{t('groups.priorities')}</h3>
        <p className="muted">{t('prioritiesHint')}</p>
        {definition.regionalPriorities.map((priority) => {
          const selectId = `${id}-${priority.key}`;
          return (
            <div key={priority.key} className="field">
              <label htmlFor={selectId}>{localized(priority.name)}</label>
              <span className="hint" id={`${selectId}-hint`}>
                {localized(priority.description)}
              </span>
              <select
                id={selectId}
                aria-describedby={`${selectId}-hint`}
                value={levelOf(value.regionalPriorities[priority.key])}
                onChange={(event) => {
                  const level = Number(event.target.value);
                  const regionalPriorities = { ...value.regionalPriorities };
                  if (level === 0) delete regionalPriorities[priority.key];
                  else regionalPriorities[priority.key] = level / 5;
                  update({ ...value, regionalPriorities });
                }}
              >
                {PRIORITY_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`priorityLevels.${level}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <p className={styles.profileSave}>
        <SaveState status={queue.status} error={queue.error ? describeError(queue.error) : null} />
      </p>
    </>
  );
}
