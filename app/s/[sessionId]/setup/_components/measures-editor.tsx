'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { type Control, Controller, type FieldError, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { Locale } from '~/core/contracts/localized';
import { MAX_MEASURES_PER_SESSION, SessionMeasureFields } from '~/core/contracts/model-edits';
import { isConflict, useServerErrorText, useValidationText } from '../../../../_components/use-error-text';
import { useLocalizedText } from '../../../../_components/use-localized-text';
import { useTRPC } from '../../../../_trpc/client';
import { useDecisionModel } from '~/app/_components/use-decision-model';
import { ActionButton } from './action-button';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import own from './measures-editor.module.css';
import styles from './setup.module.css';
import type { Change, SetupSession, SetupSessionData } from './use-setup-session';

type MeasureView = SetupSessionData['model']['measures'][number];
type FormInput = z.input<typeof SessionMeasureFields>;
type FormOutput = z.output<typeof SessionMeasureFields>;

/** The percentage steps of a strategy fit: fine enough for the catalogue's tenths, coarse enough to choose quickly. */
const FIT_STEP = 5;
const NEW = '__new__';

/**
 * The support measures the recommendation chooses from: the catalogue's, copied into the session when it was
 * created, and the facilitator's own. Each can be edited (what it serves, which weak points and regional
 * priorities it answers, how well it fits each strategy) or removed while the session is a draft. A catalogue
 * measure edited here becomes the session's own version; the catalogue itself never changes.
 */
export function MeasuresEditor({ session, setup }: { session: SetupSessionData; setup: SetupSession }) {
  const t = useTranslations('setup.measures');
  const trpc = useTRPC();
  const localized = useLocalizedText();
  const errorText = useServerErrorText();
  const addMeasure = useMutation(trpc.model.addMeasure.mutationOptions());
  const updateMeasure = useMutation(trpc.model.updateMeasure.mutationOptions());
  const removeMeasure = useMutation(trpc.model.removeMeasure.mutationOptions());
  const catalogue = useQuery({ ...trpc.catalogue.measures.queryOptions(), staleTime: Infinity });
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ key: string; name: string } | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sessionId = session.id;
  const isDraft = session.status === 'draft';
  const measures = session.model.measures;
  const familyName = (key: string) => localized(catalogue.data?.families.find((f) => f.key === key)?.name) || key;

  /** One model edit, queued with the session's version; a refusal comes back as text for the form or row. */
  const run = async (change: Change<{ version: number }>, done: string): Promise<string | null> => {
    try {
      await setup.save(change);
      setAnnouncement(done);
      return null;
    } catch (error) {
      // A conflict reloads the session and says so at the top of the wizard.
      return isConflict(error) ? null : errorText(error);
    }
  };

  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const confirmRemoval = async () => {
    if (!removing) return;
    const target = removing;
    setRemoving(null);
    const problem = await run(
      (expectedVersion) => removeMeasure.mutateAsync({ sessionId, expectedVersion, key: target.key }),
      t('announce.removed', { name: target.name }),
    );
    if (problem) {
      setRowErrors((current) => ({ ...current, [target.key]: problem }));
      focusLater(`measure-${target.key}-remove`);
    } else {
      headingRef.current?.focus();
    }
  };

  return (
    <section aria-labelledby="measures-heading" className={styles.block}>
      <h3 id="measures-heading" ref={headingRef} tabIndex={-1}>
        {t('title')} <span className={styles.count}>({measures.length})</span>
      </h3>
      <p className="muted">{t('intro')}</p>
      {!isDraft && <p className="muted">{t('locked')}</p>}
      <ol className={styles.tree}>
        {measures.map((measure, index) => {
          const rowId = `measure-${measure.key}`;
          const name = localized(measure.name) || measure.key;
          const refText = t('ref', { number: index + 1 });
          const rowError = rowErrors[measure.key];
          return (
            <li key={measure.key} className={styles.item}>
              <div className={styles.row}>
                <span className={styles.number} aria-hidden="true">
                  {index + 1}
                </span>
                <div className={styles.rowBody}>
                  <p className={styles.elementName} id={`${rowId}-name`}>
                    {name}
                    {measure.origin === 'custom' ? <span className={own.badge}>{t('own')}</span> : null}
                  </p>
                  <p className={own.meta}>
                    {familyName(measure.family)} · {t('servesCount', { count: measure.criteria.length })}
                  </p>
                  {isDraft ? (
                    <div className={styles.rowActions}>
                      <ActionButton
                        id={`${rowId}-edit`}
                        icon="✎"
                        label={t('edit')}
                        refText={refText}
                        expanded={editing === measure.key}
                        describedBy={rowError ? `${rowId}-error` : undefined}
                        onClick={() => setEditing(editing === measure.key ? null : measure.key)}
                      />
                      <ActionButton
                        id={`${rowId}-remove`}
                        icon="✕"
                        label={t('remove')}
                        refText={refText}
                        danger
                        describedBy={rowError ? `${rowId}-error` : undefined}
                        onClick={() => setRemoving({ key: measure.key, name })}
                      />
                    </div>
                  ) : null}
                  {rowError ? (
                    <p className="error" id={`${rowId}-error`} role="alert">
                      {rowError}
                    </p>
                  ) : null}
                  {editing === measure.key ? (
                    <MeasureForm
                      idBase={`${rowId}-form`}
                      title={t('form.editTitle', { name })}
                      session={session}
                      measure={measure}
                      families={catalogue.data?.families ?? []}
                      submitLabel={t('form.save')}
                      onCancel={() => {
                        setEditing(null);
                        focusLater(`${rowId}-edit`);
                      }}
                      onSubmit={async (values, changed) => {
                        const problem = await run(
                          (expectedVersion) =>
                            updateMeasure.mutateAsync({
                              sessionId,
                              expectedVersion,
                              key: measure.key,
                              family: values.family,
                              criteria: values.criteria,
                              answersWeaknesses: values.answersWeaknesses,
                              servesPriorities: values.servesPriorities,
                              strategyFit: values.strategyFit,
                              ...(changed.name ? { name: values.name } : {}),
                              ...(changed.rationale ? { rationale: values.rationale } : {}),
                            }),
                          t('announce.saved', { name: localized(values.name) }),
                        );
                        if (!problem) {
                          setEditing(null);
                          focusLater(`${rowId}-edit`);
                        }
                        return problem;
                      }}
                    />
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      {isDraft ? (
        editing === NEW ? (
          <MeasureForm
            idBase="measure-new"
            title={t('form.addTitle')}
            session={session}
            measure={null}
            families={catalogue.data?.families ?? []}
            submitLabel={t('form.create')}
            onCancel={() => {
              setEditing(null);
              focusLater('measure-add');
            }}
            onSubmit={async (values) => {
              const problem = await run(
                (expectedVersion) => addMeasure.mutateAsync({ sessionId, expectedVersion, ...values }),
                t('announce.added', { name: localized(values.name) }),
              );
              if (!problem) {
                setEditing(null);
                focusLater('measure-add');
              }
              return problem;
            }}
          />
        ) : (
          <p className={own.addLine}>
            <button
              id="measure-add"
              type="button"
              className="button"
              disabled={measures.length >= MAX_MEASURES_PER_SESSION}
              aria-describedby={measures.length >= MAX_MEASURES_PER_SESSION ? 'measure-add-limit' : undefined}
              onClick={() => setEditing(NEW)}
            >
              <span aria-hidden="true">+</span> {t('add')}
            </button>
            {measures.length >= MAX_MEASURES_PER_SESSION ? (
              <span className="muted" id="measure-add-limit">
                {t('limit', { max: MAX_MEASURES_PER_SESSION })}
              </span>
            ) : null}
          </p>
        )
      ) : null}

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('removeTitle', { name: removing.name }) : ''}
        body={t('removeBody')}
        confirmLabel={t('remove')}
        onConfirm={() => void confirmRemoval()}
        onClose={() => {
          const target = removing;
          setRemoving(null);
          if (target) focusLater(`measure-${target.key}-remove`);
        }}
      />
    </section>
  );
}

/**
 * Everything a measure says about itself, on the same contract the API checks (SessionMeasureFields). Texts are
 * typed in the UI language; a name or rationale left as it was keeps its other translations.
 */
function MeasureForm({
  idBase,
  title,
  session,
  measure,
  families,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idBase: string;
  title: string;
  session: SetupSessionData;
  measure: MeasureView | null;
  families: ReadonlyArray<{ key: string; name: Record<Locale, string> }>;
  submitLabel: string;
  onSubmit: (values: FormOutput, changed: { name: boolean; rationale: boolean }) => Promise<string | null>;
  onCancel: () => void;
}) {
  const t = useTranslations('setup.measures.form');
  const tGroups = useTranslations('questionnaire.profile.groups');
  const tActions = useTranslations('common.actions');
  const locale = useLocale() as Locale;
  const localized = useLocalizedText();
  const { issueText, fieldText } = useValidationText();
  const trpc = useTRPC();
  const definition = useQuery({ ...trpc.catalogue.profileDefinition.queryOptions(), staleTime: Infinity });
  const [refusal, setRefusal] = useState<string | null>(null);
  const criteria = useDecisionModel(session.model).criteria;
  const criterionKeys = new Set(criteria.map((c) => c.key));
  const strategies = session.model.alternatives;
  const savedName = measure ? localized(measure.name) : '';
  const savedRationale = measure ? localized(measure.rationale) : '';
  const familyOptions = [
    ...families.map((f) => ({ key: f.key, label: localized(f.name) })),
    ...(measure && !families.some((f) => f.key === measure.family) ? [{ key: measure.family, label: measure.family }] : []),
  ];

  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(SessionMeasureFields, { error: issueText }),
    defaultValues: {
      family: measure?.family ?? families[0]?.key ?? 'public-support',
      name: { [locale]: savedName },
      rationale: { [locale]: savedRationale },
      // Only what this session still has: a criterion removed since would be refused.
      criteria: (measure?.criteria ?? []).filter((key) => criterionKeys.has(key)),
      answersWeaknesses: measure?.answersWeaknesses ?? [],
      servesPriorities: measure?.servesPriorities ?? [],
      strategyFit: Object.fromEntries(strategies.map((s) => [s.key, measure?.strategyFit[s.key] ?? 0])),
    },
  });

  const submit = handleSubmit(async (values) => {
    setRefusal(null);
    const name = values.name[locale] ?? '';
    const rationale = values.rationale[locale] ?? '';
    const problem = await onSubmit(values, { name: name !== savedName, rationale: rationale !== savedRationale });
    if (problem) setRefusal(problem);
  });

  const nameError = (errors.name as (FieldError & Partial<Record<Locale, FieldError>>) | undefined)?.[locale] ?? (errors.name as FieldError | undefined);
  const nameMessage = fieldText(nameError?.type || nameError?.message ? nameError : undefined);
  const rationaleMessage = fieldText(errors.rationale?.[locale]);
  const criteriaMessage = errors.criteria ? t('criteriaRequired') : undefined;
  const fitMessage = errors.strategyFit ? t('fitInvalid') : undefined;
  const factorsByGroup = (['internal', 'external', 'success-factor'] as const).map((group) => ({
    group,
    factors: (definition.data?.factors ?? []).filter((f) => f.group === group),
  }));

  return (
    <form
      className={`${styles.panel} ${own.form}`}
      noValidate
      aria-labelledby={`${idBase}-title`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h4 id={`${idBase}-title`} className={own.formTitle}>
        {title}
      </h4>
      <div className={own.fields}>
        <div className="field">
          <label htmlFor={`${idBase}-name`}>{t('name')}</label>
          <input
            id={`${idBase}-name`}
            type="text"
            autoComplete="off"
            // Opened on purpose by the edit or add button: the name is what the person came to change.
            autoFocus
            aria-invalid={nameMessage ? true : undefined}
            aria-describedby={nameMessage ? `${idBase}-name-error` : undefined}
            {...register(`name.${locale}`)}
          />
          {nameMessage ? (
            <p className="error" id={`${idBase}-name-error`}>
              {nameMessage}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-family`}>{t('family')}</label>
          <select id={`${idBase}-family`} {...register('family')}>
            {familyOptions.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className={`field ${own.wide}`}>
          <label htmlFor={`${idBase}-rationale`}>{t('rationale')}</label>
          <span className="hint" id={`${idBase}-rationale-hint`}>
            {t('rationaleHint')}
          </span>
          <textarea
            id={`${idBase}-rationale`}
            rows={2}
            aria-invalid={rationaleMessage ? true : undefined}
            aria-describedby={[`${idBase}-rationale-hint`, rationaleMessage ? `${idBase}-rationale-error` : null].filter(Boolean).join(' ')}
            {...register(`rationale.${locale}`)}
          />
          {rationaleMessage ? (
            <p className="error" id={`${idBase}-rationale-error`}>
              {rationaleMessage}
            </p>
          ) : null}
        </div>
      </div>

      <CheckboxGroup
        idBase={`${idBase}-criteria`}
        control={control}
        name="criteria"
        legend={t('criteria')}
        hint={t('criteriaHint')}
        error={criteriaMessage}
        options={criteria.map((c) => ({ key: c.key, label: localized(c.spec.name) || c.key, depth: c.depth }))}
      />

      <fieldset className={own.group} aria-describedby={`${idBase}-fit-hint${fitMessage ? ` ${idBase}-fit-error` : ''}`}>
        <legend>{t('fit')}</legend>
        <p className="hint" id={`${idBase}-fit-hint`}>
          {t('fitHint')}
        </p>
        <div className={own.fitGrid}>
          {strategies.map((strategy) => (
            <Controller
              key={strategy.key}
              control={control}
              name={`strategyFit.${strategy.key}`}
              render={({ field }) => (
                <label className={own.fitField}>
                  <span>{localized(strategy.name) || strategy.key}</span>
                  <span className={own.percent}>
                    <input
                      ref={field.ref}
                      type="number"
                      min={0}
                      max={100}
                      step={FIT_STEP}
                      inputMode="numeric"
                      aria-invalid={fitMessage ? true : undefined}
                      value={Math.round((field.value ?? 0) * 100)}
                      onBlur={field.onBlur}
                      onChange={(event) => field.onChange(Math.min(100, Math.max(0, Number(event.target.value) || 0)) / 100)}
                    />
                    <span aria-hidden="true">%</span>
                  </span>
                </label>
              )}
            />
          ))}
        </div>
        {fitMessage ? (
          <p className="error" id={`${idBase}-fit-error`}>
            {fitMessage}
          </p>
        ) : null}
      </fieldset>

      {definition.data ? (
        <>
          <fieldset className={own.group}>
            <legend>{t('weaknesses')}</legend>
            <p className="hint">{t('weaknessesHint')}</p>
            {factorsByGroup.map(({ group, factors }) =>
              factors.length ? (
                <CheckboxGroup
                  key={group}
                  idBase={`${idBase}-weak-${group}`}
                  control={control}
                  name="answersWeaknesses"
                  legend={tGroups(group)}
                  nested
                  options={factors.map((f) => ({ key: f.key, label: localized(f.name) || f.key, depth: 1 }))}
                />
              ) : null,
            )}
          </fieldset>
          <CheckboxGroup
            idBase={`${idBase}-priorities`}
            control={control}
            name="servesPriorities"
            legend={t('priorities')}
            hint={t('prioritiesHint')}
            options={definition.data.regionalPriorities.map((p) => ({ key: p.key, label: localized(p.name) || p.key, depth: 1 }))}
          />
        </>
      ) : null}

      {refusal ? (
        <p className="error" role="alert">
          {refusal}
        </p>
      ) : null}
      <div className={styles.addRow}>
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {tActions('cancel')}
        </button>
      </div>
    </form>
  );
}

/** A set of checkboxes that edits one array of keys of the form. */
function CheckboxGroup({
  idBase,
  control,
  name,
  legend,
  hint,
  error,
  nested,
  options,
}: {
  idBase: string;
  control: Control<FormInput, unknown, FormOutput>;
  name: 'criteria' | 'answersWeaknesses' | 'servesPriorities';
  legend: string;
  hint?: string;
  error?: string;
  nested?: boolean;
  options: Array<{ key: string; label: string; depth: number }>;
}) {
  const id = useId();
  const describedBy = [hint ? `${idBase}-hint` : null, error ? `${idBase}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const value = field.value ?? [];
        return (
          <fieldset className={nested ? own.subgroup : own.group} aria-describedby={describedBy} data-invalid={error ? true : undefined}>
            <legend>{legend}</legend>
            {hint ? (
              <p className="hint" id={`${idBase}-hint`}>
                {hint}
              </p>
            ) : null}
            <div className={own.checks}>
              {options.map((option) => (
                <label key={option.key} className={own.check} style={{ paddingInlineStart: `${(option.depth - 1) * 1.25}rem` }}>
                  <input
                    type="checkbox"
                    id={`${id}-${option.key}`}
                    checked={value.includes(option.key)}
                    onBlur={field.onBlur}
                    onChange={(event) =>
                      field.onChange(event.target.checked ? [...value, option.key] : value.filter((key) => key !== option.key))
                    }
                  />
                  <span>{option.label}</span>
                </label>
              ))}
            </div>
            {error ? (
              <p className="error" id={`${idBase}-error`}>
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      }}
    />
  );
}
