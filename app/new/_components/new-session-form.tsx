'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Locale } from '~/core/contracts/localized';
import { CreateSessionInput } from '~/core/contracts/session';
import { ModelList } from '../../_components/model-list';
import { serverErrorInfo, useServerErrorText, useValidationText } from '../../_components/use-error-text';
import { useTRPC } from '../../_trpc/client';
import { rememberLink } from '../../_trpc/link-tokens';
import styles from './new-session.module.css';

/** The first wizard section (what is decided, for whom) plus the model to start from. */
const NewSessionFields = CreateSessionInput.pick({ title: true, region: true, cluster: true, question: true, modelKey: true });
const TEXT_FIELDS = ['title', 'region', 'cluster', 'question'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export function NewSessionForm() {
  const t = useTranslations('setup');
  const locale = Locale.catch('en').parse(useLocale());
  const router = useRouter();
  const trpc = useTRPC();
  const { issueText, fieldText } = useValidationText();
  const errorText = useServerErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.session.create.mutationOptions());
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm({
    resolver: zodResolver(NewSessionFields, { error: issueText }),
    defaultValues: { title: '', region: '', cluster: '', question: '', modelKey: 'cluster-policy' },
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync({ ...values, locale });
      rememberLink({ sessionId: created.sessionId, token: created.facilitator.token, role: 'facilitator' });
      rememberLink({ sessionId: created.sessionId, token: created.invite.token, role: 'invite' });
      router.push(`/s/${created.sessionId}/setup`);
    } catch (error) {
      const info = serverErrorInfo(error);
      let placed = false;
      for (const field of TEXT_FIELDS) {
        const message = info.fieldErrors[field]?.[0];
        if (message) {
          setError(field, { type: 'server', message }, { shouldFocus: !placed });
          placed = true;
        }
      }
      if (!placed) setFormError(errorText(error));
      throw error;
    }
  });

  const describedBy = (field: TextField, hasHint: boolean) =>
    [hasHint ? `new-${field}-hint` : null, errors[field] ? `new-${field}-error` : null].filter(Boolean).join(' ') || undefined;

  const fieldProps = (field: TextField, hasHint = true) => ({
    id: `new-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(field, hasHint),
    ...register(field),
  });

  const fieldError = (field: TextField) =>
    errors[field] ? (
      <p className="error" id={`new-${field}-error`}>
        {fieldText(errors[field])}
      </p>
    ) : null;

  const busy = isSubmitting || (isSubmitSuccessful && !formError);

  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event).catch(() => undefined)} noValidate>
      <div className="field">
        <label htmlFor="new-title">
          {t('fields.title.label')} <span className={styles.required}>{t('fields.required')}</span>
        </label>
        <p className="hint" id="new-title-hint">
          {t('fields.title.hint')}
        </p>
        <input type="text" autoComplete="off" aria-required="true" {...fieldProps('title')} />
        {fieldError('title')}
      </div>
      <div className={styles.pair}>
        <div className="field">
          <label htmlFor="new-region">{t('fields.region.label')}</label>
          <p className="hint" id="new-region-hint">
            {t('fields.region.hint')}
          </p>
          <input type="text" autoComplete="off" {...fieldProps('region')} />
          {fieldError('region')}
        </div>
        <div className="field">
          <label htmlFor="new-cluster">{t('fields.cluster.label')}</label>
          <p className="hint" id="new-cluster-hint">
            {t('fields.cluster.hint')}
          </p>
          <input type="text" autoComplete="off" {...fieldProps('cluster')} />
          {fieldError('cluster')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="new-question">{t('fields.question.label')}</label>
        <p className="hint" id="new-question-hint">
          {t('fields.question.hint')}
        </p>
        <textarea rows={3} {...fieldProps('question')} />
        {fieldError('question')}
      </div>

      <ModelList registration={register('modelKey')} legend={t('new.models.legend')} hint={t('new.models.hint')} />

      {formError ? (
        <p className="notice danger" role="alert">
          {formError}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('new.creating') : t('new.create')}
        </button>
      </div>
    </form>
  );
}
