'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { STAKEHOLDER_GROUPS } from '~/core/contracts/session';
import { SetCrLimitInput, SetWeightsInput } from '~/core/contracts/workshop';
import { SaveState, mutationSaveStatus } from '~/app/_components/save-state';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import type { DashboardData } from '~/app/_components/workshop/types';
import styles from './dashboard.module.css';
import { TableScroll } from '~/app/_components/table-scroll';
import { WeightInput } from './weight-input';

type WeightFields = z.input<typeof SetWeightsInput>;
type WeightValues = z.output<typeof SetWeightsInput>;
type CrFields = z.input<typeof SetCrLimitInput>;
type CrValues = z.output<typeof SetCrLimitInput>;

const DEFAULT_CR_LIMIT = 0.1;

/** Stakeholder-group weights (equal by default) and the CR limit above which participants are left out. */
export function WeightsPanel({ sessionId, data }: { sessionId: string; data: DashboardData | null }) {
  const t = useTranslations('workshop.weights');
  const ids = useId();
  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('heading')}</h2>
      <div className={styles.twoColumns}>
        <GroupWeightsForm sessionId={sessionId} data={data} />
        <CrLimitForm sessionId={sessionId} maxCr={data?.settings.maxCr ?? null} isLoaded={data !== null} />
      </div>
    </section>
  );
}

function GroupWeightsForm({ sessionId, data }: { sessionId: string; data: DashboardData | null }) {
  const t = useTranslations('workshop.weights');
  const tGroups = useTranslations('common.stakeholderGroups');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const ids = useId();
  const setWeights = useMutation(trpc.workshop.setWeights.mutationOptions());
  const form = useForm<WeightFields, unknown, WeightValues>({
    resolver: zodResolver(SetWeightsInput),
    defaultValues: { sessionId, stakeholderWeights: Object.fromEntries(STAKEHOLDER_GROUPS.map((group) => [group, 1])) },
  });
  const { reset } = form;
  const saved = JSON.stringify(data?.settings.stakeholderWeights ?? null);
  useEffect(() => {
    const weights: Record<string, number> | null = JSON.parse(saved);
    if (weights) reset({ sessionId, stakeholderWeights: weights }, { keepDirtyValues: true });
  }, [saved, sessionId, reset]);
  const errors = form.formState.errors.stakeholderWeights as Record<string, unknown> | undefined;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await setWeights.mutateAsync(values);
      reset(values);
    } catch {
      // Said by the save state next to the button.
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('groupsHeading')}</h3>
      <p className="hint">{t('groupsHint')}</p>
      <input type="hidden" {...form.register('sessionId')} />
      <TableScroll label={t('groupsTable')}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('group')}</th>
              <th scope="col" className="number">
                {t('members')}
              </th>
              <th scope="col" className="number">
                {t('weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {STAKEHOLDER_GROUPS.map((group) => {
              const info = data?.stakeholderGroups.find((entry) => entry.group === group);
              const hasError = Boolean(errors?.[group]);
              return (
                <tr key={group}>
                  <th scope="row">
                    <label htmlFor={`${ids}-${group}`}>{tGroups(group)}</label>
                  </th>
                  <td className="number">{t('membersCount', { included: info?.includedCount ?? 0, joined: info?.participantCount ?? 0 })}</td>
                  <td className="number">
                    <WeightInput
                      id={`${ids}-${group}`}
                      error={hasError ? t('weightInvalid') : null}
                      registration={form.register(`stakeholderWeights.${group}`, { valueAsNumber: true })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="actions">
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          {t('saveGroups')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            for (const group of STAKEHOLDER_GROUPS) form.setValue(`stakeholderWeights.${group}`, 1, { shouldDirty: true });
          }}
        >
          {t('equal')}
        </button>
        <SaveState
          status={mutationSaveStatus(setWeights)}
          error={setWeights.isError ? errorText(setWeights.error) : null}
        />
      </div>
    </form>
  );
}

function CrLimitForm({ sessionId, maxCr, isLoaded }: { sessionId: string; maxCr: number | null; isLoaded: boolean }) {
  const t = useTranslations('workshop.weights');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const ids = useId();
  const setCrLimit = useMutation(trpc.workshop.setCrLimit.mutationOptions());
  const form = useForm<CrFields, unknown, CrValues>({ resolver: zodResolver(SetCrLimitInput), defaultValues: { sessionId, maxCr } });
  const { reset, setValue } = form;
  const [isLimited, setLimited] = useState(maxCr !== null);
  useEffect(() => {
    if (!isLoaded || form.formState.isDirty) return;
    reset({ sessionId, maxCr });
    setLimited(maxCr !== null);
  }, [maxCr, isLoaded, sessionId, reset, form.formState.isDirty]);
  const error = form.formState.errors.maxCr;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await setCrLimit.mutateAsync(values);
      reset(values);
    } catch {
      // Said by the save state next to the button.
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('crHeading')}</h3>
      <p className="hint">{t('crHint')}</p>
      <input type="hidden" {...form.register('sessionId')} />
      <label className={styles.checkLabel}>
        <input
          type="checkbox"
          checked={isLimited}
          onChange={(event) => {
            setLimited(event.target.checked);
            setValue('maxCr', event.target.checked ? DEFAULT_CR_LIMIT : null, { shouldDirty: true });
          }}
        />
        <span>{t('crToggle')}</span>
      </label>
      {isLimited ? (
        <div className="field">
          <label htmlFor={`${ids}-cr`}>{t('crLabel')}</label>
          <input
            id={`${ids}-cr`}
            type="number"
            min={0.01}
            max={1}
            step={0.01}
            inputMode="decimal"
            className={styles.weightInput}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-cr-error` : undefined}
            {...form.register('maxCr', { valueAsNumber: true })}
          />
          {error ? (
            <span className="error" id={`${ids}-cr-error`}>
              {t('crInvalid')}
            </span>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={form.formState.isSubmitting}>
          {t('saveCr')}
        </button>
        <SaveState
          status={mutationSaveStatus(setCrLimit)}
          error={setCrLimit.isError ? errorText(setCrLimit.error) : null}
        />
      </div>
    </form>
  );
}
