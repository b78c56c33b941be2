'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { AppRouter } from '~/server/trpc/root';
import { SaveState, type SaveStatus } from '../../../../_components/save-state';
import { useServerErrorText } from '../../../../_components/use-error-text';
import { useLocalizedText } from '../../../../_components/use-localized-text';
import { useTRPC } from '../../../../_trpc/client';
import styles from './setup.module.css';
import type { SetupSessionData } from './use-setup-session';

type Outputs = inferRouterOutputs<AppRouter>;
type Definition = NonNullable<Outputs['catalogue']['profileDefinition']>;
type Profile = { ratings: Record<string, number>; regionalPriorities: Record<string, number> };

const GROUPS = ['internal', 'external', 'success-factor'] as const;
/** Regional priorities are weighted in five steps and stored as 0..1; only their ratios count (shares of the total). */
const PRIORITY_LEVELS = [0, 1, 2, 3, 4, 5] as const;
/** Clicks on the scale settle before one save of the whole profile (profile.save replaces it). */
const SAVE_DELAY_MS = 300;

function levelOf(weight: number | undefined): number {
  return Math.round((weight ?? 0) * 5);
}

/**
 * Step 3: the facilitator's own assessment of the cluster, the situation the answer must fit. It is saved with
 * the facilitator's link (profile.save is a facilitator procedure), so nobody joins as a participant to give it.
 */
export function ProfileStep({ session }: { session: SetupSessionData }) {
  const t = useTranslations('setup.profile');
  const trpc = useTRPC();
  const definition = useQuery({ ...trpc.catalogue.profileDefinition.queryOptions(), staleTime: Infinity });
  const profile = useQuery(trpc.profile.get.queryOptions({ sessionId: session.id }));
  if (definition.isPending || profile.isPending) {
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  }
  if (!definition.data) return <p className="notice">{t('noDefinition')}</p>;
  return <ProfileForm session={session} definition={definition.data} initial={profile.data ?? null} />;
}

function useProfileSave(sessionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.profile.save.mutationOptions());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(0);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const schedule = (profile: Profile) => {
    const n = ++latest.current;
    setStatus('saving');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      // One save at a time, in order, so an older profile never lands after a newer one.
      chain.current = chain.current
        .catch(() => undefined)
        .then(() => save.mutateAsync({ sessionId, profile }))
        .then(
          (saved) => {
            queryClient.setQueryData(trpc.profile.get.queryKey({ sessionId }), saved);
            if (n === latest.current) {
              setError(null);
              setStatus('saved');
            }
          },
          (caught: unknown) => {
            setError(caught);
            setStatus('error');
          },
        );
    }, SAVE_DELAY_MS);
  };
  return { schedule, status, error };
}

function ProfileForm({ session, definition, initial }: { session: SetupSessionData; definition: Definition; initial: Profile | null }) {
  const t = useTranslations('setup.profile');
  const tProfile = useTranslations('questionnaire.profile');
  const localized = useLocalizedText();
  const errorText = useServerErrorText();
  const saver = useProfileSave(session.id);
  const [value, setValue] = useState<Profile>(() => ({
    ratings: { ...(initial?.ratings ?? {}) },
    regionalPriorities: { ...(initial?.regionalPriorities ?? {}) },
  }));
  const isClosed = session.status === 'closed';
  const strategyName = new Map(session.model.alternatives.map((a) => [a.key, localized(a.name)]));
  const reliance = definition.strategyReliance ?? [];
  const ratedCount = definition.factors.filter((f) => value.ratings[f.key] !== undefined).length;

  const update = (next: Profile) => {
    setValue(next);
    saver.schedule(next);
  };

  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()} noValidate>
      {isClosed ? <p className="notice warn">{t('closed')}</p> : null}
      <p className="muted">
        {t('scale', { low: localized(definition.ratingLabels[0]), high: localized(definition.ratingLabels[4]) })}
      </p>
      <p className={styles.profileSummary}>
        <span>{t('rated', { rated: ratedCount, total: definition.factors.length })}</span>
        <SaveState status={saver.status} error={saver.status === 'error' ? errorText(saver.error) : null} />
      </p>
      {GROUPS.map((group) => {
        const factors = definition.factors.filter((factor) => factor.group === group);
        if (factors.length === 0) return null;
        return (
          <section key={group} className={styles.profileGroup} aria-labelledby={`profile-${group}`}>
            <h3 id={`profile-${group}`} className={styles.groupTitle}>
              {tProfile(`groups.${group}`)}
            </h3>
            <p className="muted">{t(`groupIntro.${group}`)}</p>
            {factors.map((factor) => {
              const id = `profile-${factor.key}`;
              const leaning = reliance.filter((r) => r.factor === factor.key && strategyName.has(r.strategy));
              return (
                <fieldset
                  key={factor.key}
                  className={styles.choiceGroup}
                  aria-describedby={`${id}-description${leaning.length ? ` ${id}-leaning` : ''}`}
                  disabled={isClosed}
                >
                  <legend>{localized(factor.name)}</legend>
                  <p className="hint" id={`${id}-description`}>
                    {localized(factor.description)}
                  </p>
                  {leaning.length ? (
                    <p className="hint" id={`${id}-leaning`}>
                      {t('leanedOnBy', {
                        strategies: leaning.map((r) => t('leaning', { strategy: strategyName.get(r.strategy)!, needs: localized(r.needs) })).join('; '),
                      })}
                    </p>
                  ) : null}
                  <div className={styles.ratingScale}>
                    {definition.ratingLabels.map((label, index) => {
                      const rating = index + 1;
                      return (
                        <label key={rating} className={styles.choice}>
                          <input
                            type="radio"
                            name={id}
                            value={rating}
                            checked={value.ratings[factor.key] === rating}
                            onChange={() => update({ ...value, ratings: { ...value.ratings, [factor.key]: rating } })}
                          />
                          <span className={styles.choiceName}>{tProfile('ratingValue', { value: rating, label: localized(label) })}</span>
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              );
            })}
          </section>
        );
      })}
      <section className={styles.profileGroup} aria-labelledby="profile-priorities">
        <h3 id="profile-priorities" className={styles.groupTitle}>
          {tProfile('groups.priorities')}
        </h3>
        <p className="muted">{t('groupIntro.priorities')}</p>
        {definition.regionalPriorities.map((priority) => {
          const id = `profile-priority-${priority.key}`;
          return (
            <div key={priority.key} className="field">
              <label htmlFor={id}>{localized(priority.name)}</label>
              <span className="hint" id={`${id}-hint`}>
                {localized(priority.description)}
              </span>
              <select
                id={id}
                aria-describedby={`${id}-hint`}
                disabled={isClosed}
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
                    {tProfile(`priorityLevels.${level}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </section>
    </form>
  );
}
