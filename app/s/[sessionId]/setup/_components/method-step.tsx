'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  AggregationMethod,
  CompletionMethod,
  MonteCarloModel,
  PriorityMethod,
  RandomIndexTable,
  ScaleName,
  SynthesisMode,
} from '~/core/contracts/method';
import { AlternativeScoring, ParticipantNames, ParticipantResultsVisibility, SessionOptions } from '~/core/contracts/session';
import { isConflict, useServerErrorText } from '../../../../_components/use-error-text';
import { useTRPC } from '../../../../_trpc/client';
import styles from './setup.module.css';
import type { SetupSession, SetupSessionData } from './use-setup-session';

/** Step (c): the part of the session options a facilitator is asked about; the rest keep their defaults. */
const MethodFields = SessionOptions.pick({ methodSettings: true, alternativeScoring: true, participantResults: true, participantNames: true });

type Setting =
  | 'scale'
  | 'method'
  | 'aggregation'
  | 'monteCarloModel'
  | 'randomIndex'
  | 'completion'
  | 'synthesis'
  | 'alternativeScoring'
  | 'participantResults'
  | 'participantNames';
type MethodSetting = Extract<Setting, keyof SetupSessionData['settings']['methodSettings']>;

const METHOD_SETTINGS: readonly Setting[] = ['scale', 'method', 'aggregation', 'monteCarloModel', 'randomIndex', 'completion', 'synthesis'];
const isMethodSetting = (setting: Setting): setting is MethodSetting => METHOD_SETTINGS.includes(setting);

/** The choices of each setting, in the order they are offered, the recommended one first. */
const CHOICES: Record<Setting, readonly string[]> = {
  scale: ScaleName.options,
  method: PriorityMethod.options,
  aggregation: AggregationMethod.options,
  monteCarloModel: MonteCarloModel.options,
  randomIndex: RandomIndexTable.options,
  completion: CompletionMethod.options,
  synthesis: SynthesisMode.options,
  alternativeScoring: AlternativeScoring.options,
  participantResults: ParticipantResultsVisibility.options,
  participantNames: ParticipantNames.options,
};

const RECOMMENDED: Partial<Record<Setting, string>> = {
  scale: 'saaty',
  method: 'eigenvector',
  aggregation: 'aij',
  randomIndex: 'saaty-1980',
  completion: 'optimal',
  synthesis: 'distributive',
};

const PATHS = {
  scale: 'methodSettings.scale',
  method: 'methodSettings.method',
  aggregation: 'methodSettings.aggregation',
  monteCarloModel: 'methodSettings.monteCarloModel',
  randomIndex: 'methodSettings.randomIndex',
  completion: 'methodSettings.completion',
  synthesis: 'methodSettings.synthesis',
  alternativeScoring: 'alternativeScoring',
  participantResults: 'participantResults',
  participantNames: 'participantNames',
} as const;

export function MethodStep({ session, setup }: { session: SetupSessionData; setup: SetupSession }) {
  const t = useTranslations('setup.method');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const update = useMutation(trpc.session.update.mutationOptions());
  const isClosed = session.status === 'closed';
  const [problems, setProblems] = useState<Partial<Record<Setting, string>>>({});
  const { register } = useForm({
    resolver: zodResolver(MethodFields),
    values: {
      methodSettings: session.settings.methodSettings,
      alternativeScoring: session.settings.alternativeScoring,
      participantResults: session.settings.participantResults,
      participantNames: session.settings.participantNames,
    },
    // The saved values arrive after each save; a choice made meanwhile, still being saved, stays chosen.
    resetOptions: { keepDirtyValues: true },
  });

  /** A choice is saved as soon as it is made: a radio group has nothing half-typed to wait for. */
  const saveSetting = async (setting: Setting, value: string) => {
    setProblems((current) => ({ ...current, [setting]: undefined }));
    const change = isMethodSetting(setting)
      ? MethodFields.shape.methodSettings.safeParse({ ...session.settings.methodSettings, [setting]: value })
      : MethodFields.shape[setting].safeParse(value);
    if (!change.success) return;
    const fields = isMethodSetting(setting) ? { methodSettings: { [setting]: value } } : { [setting]: change.data };
    try {
      await setup.save((expectedVersion) => update.mutateAsync({ sessionId: session.id, expectedVersion, ...fields }));
    } catch (error) {
      if (!isConflict(error)) setProblems((current) => ({ ...current, [setting]: errorText(error) }));
    }
  };

  const group = (setting: Setting) => {
    const problem = problems[setting];
    const helpId = `method-${setting}-help`;
    return (
      <fieldset
        key={setting}
        className={styles.choiceGroup}
        aria-describedby={[helpId, problem ? `method-${setting}-error` : null].filter(Boolean).join(' ')}
        disabled={isClosed}
      >
        <legend>{t(`${setting}.legend`)}</legend>
        <p className="hint" id={helpId}>
          {t(`${setting}.help`)}
        </p>
        <div className={styles.choices}>
          {CHOICES[setting].map((option) => {
            const id = `method-${setting}-${option}`;
            return (
              <label key={option} htmlFor={id} className={styles.choice}>
                <input
                  type="radio"
                  id={id}
                  value={option}
                  aria-describedby={`${id}-text`}
                  {...register(PATHS[setting], { onChange: (event) => void saveSetting(setting, event.target.value) })}
                />
                <span>
                  <span className={styles.choiceName}>
                    {t(`${setting}.options.${option}.name`)}
                    {RECOMMENDED[setting] === option ? <span className={styles.tag}>{t('recommended')}</span> : null}
                  </span>
                  <span className={styles.choiceText} id={`${id}-text`}>
                    {t(`${setting}.options.${option}.text`)}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
        {problem ? (
          <p className="error" id={`method-${setting}-error`} role="alert">
            {problem}
          </p>
        ) : null}
      </fieldset>
    );
  };

  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()} noValidate>
      {isClosed ? <p className="notice warn">{t('closed')}</p> : null}
      {session.status === 'open' ? <p className="notice">{t('openNote')}</p> : null}
      <h3 className={styles.groupTitle}>{t('askingTitle')}</h3>
      {group('alternativeScoring')}
      {group('participantResults')}
      {group('participantNames')}
      <h3 className={styles.groupTitle}>{t('computingTitle')}</h3>
      <p className="muted">{t('computingIntro')}</p>
      {group('scale')}
      {group('method')}
      {group('aggregation')}
      {group('monteCarloModel')}
      <details className={styles.disclosure}>
        <summary>{t('advancedTitle')}</summary>
        <p className="muted">{t('advancedIntro')}</p>
        {group('randomIndex')}
        {group('completion')}
        {group('synthesis')}
      </details>
    </form>
  );
}
