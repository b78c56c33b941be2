'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { type Ref, useImperativeHandle } from 'react';
import { useForm } from 'react-hook-form';
import { SessionDetails } from '~/core/contracts/session';
import { isConflict, serverErrorInfo, useServerErrorText, useValidationText } from '../../../../_components/use-error-text';
import { useTRPC } from '../../../../_trpc/client';
import type { StepHandle } from './setup-wizard';
import styles from './setup.module.css';
import type { SetupSession, SetupSessionData } from './use-setup-session';

/** Step (a): the wizard's section schema for what is decided and for whom. */
const DetailsFields = SessionDetails.pick({ title: true, region: true, cluster: true, question: true });
const FIELDS = ['title', 'region', 'cluster', 'question'] as const;
type Field = (typeof FIELDS)[number];

export function DetailsStep({
  ref,
  session,
  setup,
}: {
  ref: Ref<StepHandle | null>;
  session: SetupSessionData;
  setup: SetupSession;
}) {
  const t = useTranslations('setup');
  const trpc = useTRPC();
  const { issueText, fieldText } = useValidationText();
  const errorText = useServerErrorText();
  const update = useMutation(trpc.session.update.mutationOptions());
  const isClosed = session.status === 'closed';
  const {
    register,
    trigger,
    getValues,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(DetailsFields, { error: issueText }),
    // The saved values; on a conflict the reloaded session arrives here too, without losing what is being typed.
    values: { title: session.title, region: session.region, cluster: session.cluster, question: session.question },
    resetOptions: { keepDirtyValues: true },
    mode: 'onBlur',
  });

  useImperativeHandle(ref, () => ({ validate: () => trigger([...FIELDS], { shouldFocus: true }) }), [trigger]);

  /** Saves one field as it is left, if it is valid and differs from what the server holds. */
  const saveField = async (field: Field) => {
    if (isClosed || !(await trigger(field))) return;
    const parsed = DetailsFields.shape[field].safeParse(getValues(field));
    if (!parsed.success || parsed.data === session[field]) return;
    try {
      await setup.save((expectedVersion) =>
        update.mutateAsync({ sessionId: session.id, expectedVersion, [field]: parsed.data }),
      );
    } catch (error) {
      if (isConflict(error)) return;
      const info = serverErrorInfo(error);
      setError(field, { type: 'server', message: info.fieldErrors[field]?.[0] ?? errorText(error) });
    }
  };

  const describedBy = (field: Field) =>
    [`setup-${field}-hint`, errors[field] ? `setup-${field}-error` : null].filter(Boolean).join(' ');

  const control = (field: Field) => ({
    id: `setup-${field}`,
    readOnly: isClosed,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(field),
    ...register(field, { onBlur: () => void saveField(field) }),
  });

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="error" id={`setup-${field}-error`}>
        {fieldText(errors[field])}
      </p>
    ) : null;

  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()} noValidate>
      {isClosed ? <p className="notice warn">{t('details.closed')}</p> : <p className="hint">{t('details.autosave')}</p>}
      <div className="field">
        <label htmlFor="setup-title">
          {t('fields.title.label')} <span className={styles.required}>{t('fields.required')}</span>
        </label>
        <p className="hint" id="setup-title-hint">
          {t('fields.title.hint')}
        </p>
        <input type="text" autoComplete="off" aria-required="true" {...control('title')} />
        {fieldError('title')}
      </div>
      <div className={styles.pair}>
        <div className="field">
          <label htmlFor="setup-region">{t('fields.region.label')}</label>
          <p className="hint" id="setup-region-hint">
            {t('fields.region.hint')}
          </p>
          <input type="text" autoComplete="off" {...control('region')} />
          {fieldError('region')}
        </div>
        <div className="field">
          <label htmlFor="setup-cluster">{t('fields.cluster.label')}</label>
          <p className="hint" id="setup-cluster-hint">
            {t('fields.cluster.hint')}
          </p>
          <input type="text" autoComplete="off" {...control('cluster')} />
          {fieldError('cluster')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="setup-question">{t('fields.question.label')}</label>
        <p className="hint" id="setup-question-hint">
          {t('fields.question.hint')}
        </p>
        <textarea rows={3} {...control('question')} />
        {fieldError('question')}
      </div>
    </form>
  );
}
