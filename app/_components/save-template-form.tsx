'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { Locale } from '~/core/contracts/localized';
import { SaveModelTemplateInput } from '~/core/contracts/templates';
import { useTRPC } from '../_trpc/client';
import styles from './save-template-form.module.css';
import { serverErrorInfo, useServerErrorText, useValidationText } from './use-error-text';
import { pickLocalized } from './use-localized-text';

const TemplateFields = SaveModelTemplateInput.pick({ name: true, description: true });

/**
 * "Save this model as a template": the facilitator names the session's model (in the UI language), and the next
 * decision started on this installation can begin from it.
 */
export function SaveTemplateForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations('report.templates');
  const locale = Locale.catch('en').parse(useLocale());
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { issueText, fieldText } = useValidationText();
  const errorText = useServerErrorText();
  const save = useMutation(
    trpc.template.save.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.catalogue.models.queryKey() }),
    }),
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(TemplateFields, { error: issueText }), defaultValues: { name: '', description: '' } });

  const onSubmit = handleSubmit(async (values) => {
    try {
      await save.mutateAsync({ sessionId, locale, ...values });
      reset();
    } catch (error) {
      const info = serverErrorInfo(error);
      if (info.code === 'CONFLICT' && info.field === 'name') setError('name', { type: 'server', message: t('nameTaken') }, { shouldFocus: true });
    }
  });
  const saveError = save.isError ? serverErrorInfo(save.error) : null;
  const refused = saveError !== null && !(saveError.code === 'CONFLICT' && saveError.field === 'name');

  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${id}-title`}>
      <p className={styles.caption} id={`${id}-title`}>
        {t('caption')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('name')}</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          aria-required="true"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          {...register('name')}
        />
        {errors.name && (
          <p className="error" id={`${id}-name-error`}>
            {fieldText(errors.name)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('description')}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${id}-description-error` : undefined}
          {...register('description')}
        />
        {errors.description && (
          <p className="error" id={`${id}-description-error`}>
            {fieldText(errors.description)}
          </p>
        )}
      </div>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? t('saving') : t('save')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {save.isSuccess && !isSubmitting && (
          <p className="notice">
            {t('saved', { name: pickLocalized(save.data.name, locale) })} <Link href="/new">{t('startNew')}</Link>
          </p>
        )}
      </div>
      {refused && (
        <p className="notice danger" role="alert">
          {errorText(save.error)}
        </p>
      )}
    </form>
  );
}
