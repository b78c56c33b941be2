'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { SessionTitle } from '~/core/contracts/session';
import { ConfirmDialog } from '~/app/_components/confirm-dialog';
import { serverErrorInfo, useServerErrorText, useValidationText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
import { forgetSession, rememberLink, tokenFor } from '~/app/_trpc/link-tokens';
import { HistoryPanel } from './history-panel';
import styles from './manage.module.css';
import { PeoplePanel } from './people-panel';

const COPY_SUFFIX = ' (copy)';
const DuplicateFields = z.object({ title: SessionTitle });

export function SessionTools({ sessionId }: { sessionId: string }) {
  const t = useTranslations('manage');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const [hasLink, setHasLink] = useState<boolean | null>(null);
  useEffect(() => setHasLink(tokenFor(sessionId) !== null), [sessionId]);
  const session = useQuery({ ...trpc.session.get.queryOptions({ sessionId }), enabled: hasLink === true, retry: false });

  const code = session.isError ? serverErrorInfo(session.error).code : null;
  const isFacilitator = session.data?.access.role === 'facilitator';
  if (hasLink === false || code === 'UNAUTHORIZED' || code === 'FORBIDDEN' || (session.data && !isFacilitator)) {
    return (
      <main className="narrow">
        <h1>{t('noAccessTitle')}</h1>
        <p className="notice danger" role="alert">
          {t('noAccess')}
        </p>
        <Link className="button" href="/">
          {tCommon('errors.home')}
        </Link>
      </main>
    );
  }
  if (session.isError) {
    return (
      <main className="narrow">
        <h1>{t('loadFailed')}</h1>
        <p className="notice danger" role="alert">
          {errorText(session.error)}
        </p>
        <button type="button" className="button primary" onClick={() => void session.refetch()}>
          {tCommon('actions.retry')}
        </button>
      </main>
    );
  }
  if (!session.data) {
    return (
      <main aria-busy="true">
        <p className="muted" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }

  const data = session.data;
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div>
          <p className={styles.eyebrow}>{t('eyebrow')}</p>
          <h1 className={styles.title}>{data.title}</h1>
        </div>
        <nav aria-label={t('navLabel')} className={styles.nav}>
          <Link href={`/s/${sessionId}/setup`}>{t('nav.setup')}</Link>
          <Link href={`/s/${sessionId}/dashboard`}>{t('nav.dashboard')}</Link>
          <Link href={`/s/${sessionId}/results`}>{t('nav.results')}</Link>
        </nav>
      </header>
      <p className="lead">{t('intro')}</p>
      <StatusPanel sessionId={sessionId} status={data.status} onChanged={() => void session.refetch()} />
      <DuplicatePanel sessionId={sessionId} title={data.title} />
      <PeoplePanel sessionId={sessionId} isClosed={data.status === 'closed'} />
      <HistoryPanel sessionId={sessionId} />
      <DeletePanel sessionId={sessionId} title={data.title} />
    </main>
  );
}

type Status = 'draft' | 'open' | 'closed';

function StatusPanel({ sessionId, status, onChanged }: { sessionId: string; status: Status; onChanged: () => void }) {
  const t = useTranslations('manage.status');
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const close = useMutation(trpc.session.close.mutationOptions());
  const reopen = useMutation(trpc.session.reopen.mutationOptions());
  const [confirming, setConfirming] = useState<'close' | 'reopen' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState('');

  const change = async (to: 'close' | 'reopen') => {
    setConfirming(null);
    setProblem(null);
    try {
      await (to === 'close' ? close : reopen).mutateAsync({ sessionId });
      setDone(t(to === 'close' ? 'closedDone' : 'reopenedDone'));
      onChanged();
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <section className={`card ${styles.section}`} aria-labelledby="status-heading">
      <h2 id="status-heading">{t('title')}</h2>
      <p id="status-now">
        <strong>{t(`now.${status}`)}</strong> {t(`explain.${status}`)}
      </p>
      {status === 'draft' ? (
        <Link className="button" href={`/s/${sessionId}/setup?step=invite`}>
          {t('openInSetup')}
        </Link>
      ) : (
        <button type="button" className="button" aria-describedby="status-now" onClick={() => setConfirming(status === 'open' ? 'close' : 'reopen')}>
          {t(status === 'open' ? 'close' : 'reopen')}
        </button>
      )}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {done}
      </p>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t(`${confirming}Title`) : ''}
        body={confirming ? t(`${confirming}Body`) : ''}
        confirmLabel={confirming ? t(confirming) : ''}
        onConfirm={() => confirming && void change(confirming)}
        onClose={() => setConfirming(null)}
      />
    </section>
  );
}

function DuplicatePanel({ sessionId, title }: { sessionId: string; title: string }) {
  const t = useTranslations('manage.duplicate');
  const trpc = useTRPC();
  const { issueText, fieldText } = useValidationText();
  const errorText = useServerErrorText();
  const duplicate = useMutation(trpc.session.duplicate.mutationOptions());
  const [copy, setCopy] = useState<{ sessionId: string; title: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(DuplicateFields, { error: issueText }),
    defaultValues: { title: `${title.slice(0, 200 - COPY_SUFFIX.length)}${COPY_SUFFIX}` },
  });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const created = await duplicate.mutateAsync({ sessionId, title: values.title });
      rememberLink({ sessionId: created.sessionId, token: created.facilitator.token, role: 'facilitator' });
      rememberLink({ sessionId: created.sessionId, token: created.invite.token, role: 'invite' });
      setCopy({ sessionId: created.sessionId, title: values.title });
      requestAnimationFrame(() => document.getElementById('duplicate-done')?.focus());
    } catch (error) {
      setProblem(errorText(error));
    }
  });

  return (
    <section className={`card ${styles.section}`} aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <form className={styles.row} onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="field">
          <label htmlFor="duplicate-title">{t('label')}</label>
          <input
            id="duplicate-title"
            type="text"
            autoComplete="off"
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? 'duplicate-title-error' : undefined}
            {...register('title')}
          />
          {errors.title ? (
            <p className="error" id="duplicate-title-error">
              {fieldText(errors.title)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {t('submit')}
        </button>
      </form>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {copy ? (
        <p className="notice" id="duplicate-done" tabIndex={-1}>
          {t('done', { title: copy.title })} <Link href={`/s/${copy.sessionId}/setup`}>{t('openCopy')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function DeletePanel({ sessionId, title }: { sessionId: string; title: string }) {
  const t = useTranslations('manage.delete');
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useServerErrorText();
  const remove = useMutation(trpc.session.delete.mutationOptions());
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const matches = typed.trim() === title;

  const submit = async () => {
    setProblem(null);
    try {
      await remove.mutateAsync({ sessionId, confirmTitle: typed });
      forgetSession(sessionId);
      router.push('/?deleted=1');
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <section className={`card ${styles.section}`} aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('title')}</h2>
      <p className="notice warn" id="delete-warning">
        {t('warning')}
      </p>
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          if (matches) void submit();
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor="delete-confirm">{t('label', { title })}</label>
          <input
            id="delete-confirm"
            type="text"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            aria-describedby="delete-warning delete-state"
          />
          <p className="hint" id="delete-state" aria-live="polite">
            {matches ? t('ready') : t('notYet')}
          </p>
        </div>
        <button type="submit" className="button danger" disabled={!matches || remove.isPending}>
          {t('submit')}
        </button>
      </form>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
