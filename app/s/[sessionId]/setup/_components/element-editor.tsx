'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { type FieldError, useForm } from 'react-hook-form';
import { type Locale } from '~/core/contracts/localized';
import { AddCriterionInput, type ElementDescription, type ElementName } from '~/core/contracts/model-edits';
import { useLocalizedText } from '../../../../_components/use-localized-text';
import { useValidationText } from '../../../../_components/use-error-text';
import { NameTranslations } from './name-translations';
import styles from './setup.module.css';

/**
 * The name and description of a criterion or strategy: the same fields for both (AddAlternativeInput has the
 * same shape), so one section schema serves both editors.
 */
const ElementFields = AddCriterionInput.pick({ name: true, description: true });
const NameField = AddCriterionInput.pick({ name: true });

type Texts = { name: ElementName; description: ElementDescription };

/** A text in the one language being typed in (the shape of ElementName and ElementDescription). */
const inLocale = (locale: Locale, text: string): Partial<Record<Locale, string>> => ({ [locale]: text });

/** The error of `name.<locale>`, or of the whole name (the "at least one language" rule). */
function nameError(errors: { name?: FieldError & Partial<Record<Locale, FieldError>> }, locale: Locale) {
  return errors.name?.[locale] ?? (errors.name?.message || errors.name?.type ? errors.name : undefined);
}

/**
 * Name and description, each saved as it is left. What the facilitator types replaces the text in every
 * language: a translation of the old name would otherwise show participants a criterion that no longer exists.
 */
export function ElementEditor({
  idBase,
  refText,
  texts,
  isEditable,
  withDescription = true,
  onSave,
}: {
  idBase: string;
  /** "criterion 4.1": appended (for screen readers) to the field labels, so each field is named uniquely. */
  refText: string;
  texts: Texts;
  isEditable: boolean;
  /** The goal has a name only. */
  withDescription?: boolean;
  onSave: (change: { name: ElementName } | { description: ElementDescription }) => Promise<string | null>;
}) {
  const t = useTranslations('setup.model');
  const locale = useLocale() as Locale;
  const localized = useLocalizedText();
  const { issueText, fieldText } = useValidationText();
  const savedName = localized(texts.name);
  const savedDescription = localized(texts.description);
  const values = useMemo(
    () => ({ name: inLocale(locale, savedName), description: inLocale(locale, savedDescription) }),
    [locale, savedName, savedDescription],
  );
  const [serverError, setServerError] = useState<{ field: 'name' | 'description'; message: string } | null>(null);
  const {
    register,
    trigger,
    getValues,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(ElementFields, { error: issueText }),
    values,
    resetOptions: { keepDirtyValues: true },
    mode: 'onBlur',
  });

  if (!isEditable) {
    return (
      <div className={styles.readOnly}>
        <p className={styles.elementName}>{savedName}</p>
        {savedDescription ? <p className="muted">{savedDescription}</p> : null}
      </div>
    );
  }

  const save = async (field: 'name' | 'description') => {
    const path = `${field}.${locale}` as const;
    if (!(await trigger(path))) return;
    const parsed = ElementFields.shape[field].safeParse({ [locale]: getValues(path) ?? '' });
    if (!parsed.success) return;
    const text = parsed.data[locale] ?? '';
    if (text === (field === 'name' ? savedName : savedDescription)) return;
    setServerError(null);
    const refusal = await onSave(field === 'name' ? { name: parsed.data as ElementName } : { description: parsed.data });
    if (refusal) setServerError({ field, message: refusal });
  };

  const nameProblem = nameError(errors as never, locale);
  const nameMessage = fieldText(nameProblem) ?? (serverError?.field === 'name' ? serverError.message : null) ?? null;
  const descriptionProblem = errors.description?.[locale];
  const descriptionMessage = fieldText(descriptionProblem) ?? (serverError?.field === 'description' ? serverError.message : null);

  return (
    <div className={styles.editor}>
      <div className={styles.editorField}>
        <label htmlFor={`${idBase}-name`}>
          {t('name')}
          <span className="visually-hidden"> ({refText})</span>
        </label>
        <input
          id={`${idBase}-name`}
          type="text"
          autoComplete="off"
          aria-invalid={nameMessage ? true : undefined}
          aria-describedby={nameMessage ? `${idBase}-name-error` : undefined}
          {...register(`name.${locale}`, { onBlur: () => void save('name') })}
        />
        {nameMessage ? (
          <p className="error" id={`${idBase}-name-error`}>
            {nameMessage}
          </p>
        ) : null}
        {/* Renaming clears the other languages' names (see above): the fields start again from what is saved. */}
        <NameTranslations
          key={texts.name[locale] ?? ''}
          idBase={`${idBase}-name`}
          refText={refText}
          name={texts.name}
          onSave={(name) => onSave({ name })}
        />
      </div>
      {withDescription ? (
        <div className={styles.editorField}>
          <label htmlFor={`${idBase}-description`}>
            {t('description')}
            <span className="visually-hidden"> ({refText})</span>
          </label>
          <textarea
            id={`${idBase}-description`}
            rows={2}
            aria-invalid={descriptionMessage ? true : undefined}
            aria-describedby={descriptionMessage ? `${idBase}-description-error` : undefined}
            {...register(`description.${locale}`, { onBlur: () => void save('description') })}
          />
          {descriptionMessage ? (
            <p className="error" id={`${idBase}-description-error`}>
              {descriptionMessage}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** A one-field form that adds a criterion, a sub-criterion or a strategy by its name. */
export function AddElementForm({
  idBase,
  label,
  hint,
  submitLabel,
  autoFocus,
  onAdd,
  onCancel,
}: {
  idBase: string;
  label: string;
  hint?: string;
  submitLabel: string;
  autoFocus?: boolean;
  /** Resolves to a refusal to show under the field, or null when the element was added. */
  onAdd: (name: ElementName) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const tActions = useTranslations('common.actions');
  const locale = useLocale() as Locale;
  const { issueText, fieldText } = useValidationText();
  const [refusal, setRefusal] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(NameField, { error: issueText }),
    defaultValues: { name: inLocale(locale, '') },
  });
  const message = fieldText(nameError(errors as never, locale)) ?? refusal;
  const describedBy = [hint ? `${idBase}-hint` : null, message ? `${idBase}-error` : null].filter(Boolean).join(' ') || undefined;

  const submit = handleSubmit(async (values) => {
    setRefusal(null);
    const problem = await onAdd(values.name as ElementName);
    if (problem) {
      setRefusal(problem);
      return;
    }
    reset({ name: inLocale(locale, '') });
    setFocus(`name.${locale}`);
  });

  return (
    <form
      className={styles.addForm}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${idBase}-input`}>{label}</label>
      {hint ? (
        <p className="hint" id={`${idBase}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className={styles.addRow}>
        <input
          id={`${idBase}-input`}
          type="text"
          autoComplete="off"
          // Opened on purpose by the "add sub-criterion" button: the field is what the person asked for.
          autoFocus={autoFocus}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          {...register(`name.${locale}`)}
        />
        <button type="submit" className="button primary" disabled={isSubmitting}>
          <span aria-hidden="true">+</span> {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {tActions('cancel')}
          </button>
        ) : null}
      </div>
      {message ? (
        <p className="error" id={`${idBase}-error`} role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
}
