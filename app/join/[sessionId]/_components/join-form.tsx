'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { type FieldError, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { JoinSessionInput } from '~/core/contracts/session';
import { ParticipantIdentityFields } from '~/app/_components/participant-identity-fields';
import { useTRPC } from '~/app/_trpc/client';
import { readLinks, rememberLink } from '~/app/_trpc/link-tokens';
import { errorCode, useParticipantErrorText } from '~/app/_components/use-error-text';
import { takeKeyFromFragment } from '~/app/_trpc/link-fragment';
import styles from '~/app/_components/join.module.css';

/** The join step of the wizard: the contract's own fields, nothing redefined. */
const JoinFields = JoinSessionInput.pick({ displayName: true, stakeholderGroup: true });
type JoinFields = z.input<typeof JoinFields>;
type JoinValues = z.output<typeof JoinFields>;

type InviteState = { status: 'reading' } | { status: 'missing' } | { status: 'ready'; token: string };

export function JoinForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations('questionnaire.join');
  const router = useRouter();
  const [invite, setInvite] = useState<InviteState>({ status: 'reading' });

  useEffect(() => {
    const fromFragment = takeKeyFromFragment();
    if (fromFragment) rememberLink({ sessionId, token: fromFragment, role: 'invite' });
    const links = readLinks().filter((link) => link.sessionId === sessionId);
    if (links.some((link) => link.role === 'participant')) {
      router.replace(`/s/${sessionId}/q`);
      return;
    }
    const token = fromFragment ?? links.find((link) => link.role === 'invite')?.token;
    setInvite(token ? { status: 'ready', token } : { status: 'missing' });
  }, [sessionId, router]);

  if (invite.status === 'reading') {
    return (
      <p className="muted" role="status">
        {t('opening')}
      </p>
    );
  }
  if (invite.status === 'missing') {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice warn" role="alert">
          {t('missingLink')}
        </p>
      </>
    );
  }
  return <JoinWithInvite sessionId={sessionId} token={invite.token} />;
}

function JoinWithInvite({ sessionId, token }: { sessionId: string; token: string }) {
  const t = useTranslations('questionnaire.join');
  const describeError = useParticipantErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const ids = useId();
  const session = useQuery(trpc.session.get.queryOptions({ sessionId }, { trpc: { context: { token } } }));
  const join = useMutation(trpc.participant.join.mutationOptions({ trpc: { context: { token } } }));
  const form = useForm<JoinFields, unknown, JoinValues>({ resolver: zodResolver(JoinFields), defaultValues: { displayName: '' } });
  const { errors, isSubmitting } = form.formState;
  const [failure, setFailure] = useState<string | null>(null);

  const fieldMessage = (field: keyof JoinFields, error: FieldError | undefined) => {
    if (!error) return null;
    if (field === 'stakeholderGroup') return t('errors.groupRequired');
    if (error.type === 'too_big') return t('errors.nameTooLong');
    return t('errors.nameRequired');
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const joined = await join.mutateAsync({ sessionId, ...values });
      rememberLink({ sessionId, token: joined.token, role: 'participant' });
      router.push(`/s/${sessionId}/q`);
    } catch (error) {
      const fieldErrors = (error as { data?: { zodError?: { fieldErrors?: Record<string, string[]> } | null } }).data
        ?.zodError?.fieldErrors;
      if (fieldErrors?.displayName) form.setError('displayName', { type: 'server' }, { shouldFocus: true });
      if (fieldErrors?.stakeholderGroup) form.setError('stakeholderGroup', { type: 'server' });
      if (!fieldErrors) setFailure(describeError(error));
    }
  });

  if (session.isError) {
    const code = errorCode(session.error);
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice warn" role="alert">
          {code === 'FORBIDDEN' || code === 'NOT_FOUND' ? t('invalidLink') : describeError(session.error)}
        </p>
      </>
    );
  }
  if (session.isPending) {
    return (
      <p className="muted" role="status">
        {t('opening')}
      </p>
    );
  }
  const data = session.data;
  const isClosed = data.status === 'closed';
  const place = [data.cluster, data.region].filter(Boolean).join(', ');
  const nameError = fieldMessage('displayName', errors.displayName);
  const groupError = fieldMessage('stakeholderGroup', errors.stakeholderGroup);

  return (
    <>
      <p className={styles.kicker}>{t('invited')}</p>
      <h1>{data.title}</h1>
      {place ? <p className="muted">{place}</p> : null}
      {data.question ? <p className={styles.question}>{data.question}</p> : null}
      <p>{t('intro')}</p>

      {isClosed ? (
        <p className="notice warn" role="alert">
          {t('closed')}
        </p>
      ) : (
        <form className={`card ${styles.form}`} onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-heading`}>
          <h2 id={`${ids}-heading`} className={styles.formHeading}>
            {t('formTitle')}
          </h2>
          <ParticipantIdentityFields
            ids={ids}
            nameField={form.register('displayName')}
            groupField={form.register('stakeholderGroup')}
            nameError={nameError}
            groupError={groupError}
          />

          {failure ? (
            <p className="notice danger" role="alert">
              {failure}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button primary" disabled={isSubmitting}>
              {isSubmitting ? t('joining') : t('submit')}
            </button>
          </div>
          <p className={styles.privacy}>{t('privacy')}</p>
        </form>
      )}
    </>
  );
}
