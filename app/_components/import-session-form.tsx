'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTRPC } from '../_trpc/client';
import { rememberLink } from '../_trpc/link-tokens';
import styles from './import-session-form.module.css';
import { serverErrorInfo, useServerErrorText } from './use-error-text';

/**
 * "Open a session file": a session JSON downloaded from a results page becomes a new session with new links, held
 * by this browser as its facilitator. The file is read here and sent as it is; the server checks every part of it.
 */
export function ImportSessionForm() {
  const t = useTranslations('report.import');
  const id = useId();
  const router = useRouter();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const importSession = useMutation(trpc.session.import.mutationOptions());

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setProblem(t('noFile'));
      fileRef.current?.focus();
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setProblem(t('notJson'));
      return;
    }
    try {
      const created = await importSession.mutateAsync({ data } as Parameters<typeof importSession.mutateAsync>[0]);
      rememberLink({ sessionId: created.sessionId, token: created.facilitator.token, role: 'facilitator' });
      rememberLink({ sessionId: created.sessionId, token: created.invite.token, role: 'invite' });
      const hasResults = Array.isArray((data as { results?: unknown }).results) && (data as { results: unknown[] }).results.length > 0;
      router.push(`/s/${created.sessionId}/${hasResults ? 'results' : 'setup'}`);
    } catch (error) {
      const info = serverErrorInfo(error);
      // The service's reference checks send the field apart from the message; the file's reader needs both.
      const reason = info.field && !info.message.startsWith(info.field) ? `${info.field}: ${info.message}` : info.message;
      const isRefusedFile = ['BAD_REQUEST', 'INVALID_INPUT', 'PAYLOAD_TOO_LARGE'].includes(info.code ?? '');
      setProblem(isRefusedFile ? t('invalid', { reason }) : errorText(error));
    }
  };

  const busy = importSession.isPending || importSession.isSuccess;
  return (
    <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('file')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('hint')}
        </p>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          aria-describedby={[`${id}-hint`, problem ? `${id}-problem` : null].filter(Boolean).join(' ')}
          aria-invalid={problem ? true : undefined}
          onChange={() => setProblem(null)}
          className={styles.file}
        />
      </div>
      {problem && (
        <p className="notice danger" role="alert" id={`${id}-problem`}>
          {problem}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('opening') : t('submit')}
      </button>
    </form>
  );
}
