'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useParticipantErrorText } from '~/app/_components/use-error-text';
import { useTRPC } from '~/app/_trpc/client';
// The zod-free rule (core/contracts/comment-text.ts): the zod contract would add zod to this page's first load.
import { MAX_COMMENT_LENGTH, checkCommentText, cleanCommentText } from '~/core/contracts/comment-text';
import styles from './questionnaire.module.css';

/**
 * An optional reason for the judgment of one pair, saved on request (not on every key), checked as it is typed by
 * the rule the server's contract applies, and kept whatever becomes of the answer. Shown as typed text, never as HTML. Saving an empty
 * text clears it.
 */
export function PairComment({
  sessionId,
  token,
  nodeKey,
  a,
  b,
  saved,
  onSaved,
}: {
  sessionId: string;
  token: string;
  nodeKey: string;
  a: string;
  b: string;
  /** The reason saved for this pair, '' for none. */
  saved: string;
  onSaved: (text: string) => void;
}) {
  const t = useTranslations('questionnaire.comment');
  const describeError = useParticipantErrorText();
  const trpc = useTRPC();
  const save = useMutation(trpc.judgment.saveComment.mutationOptions({ trpc: { context: { token } } }));
  const id = useId();
  const [draft, setDraft] = useState(saved);
  const [done, setDone] = useState<'saved' | 'cleared' | null>(null);
  const length = cleanCommentText(draft).length;
  const isTooLong = !checkCommentText(draft).ok;
  const isChanged = cleanCommentText(draft) !== saved;

  const submit = async (text: string) => {
    setDone(null);
    const checked = checkCommentText(text);
    if (!checked.ok) return;
    try {
      const result = await save.mutateAsync({ sessionId, nodeKey, a, b, text: checked.text });
      const kept = result.text ?? '';
      setDraft(kept);
      onSaved(kept);
      setDone(kept ? 'saved' : 'cleared');
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <details className={styles.comment} open={saved !== '' || undefined}>
      <summary>{saved ? t('summarySaved') : t('summary')}</summary>
      <label htmlFor={`${id}-text`} className={styles.commentLabel}>
        {t('label')}
      </label>
      <textarea
        id={`${id}-text`}
        className={styles.commentText}
        rows={3}
        value={draft}
        aria-describedby={`${id}-count${isTooLong ? ` ${id}-error` : ''}`}
        aria-invalid={isTooLong || undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setDone(null);
        }}
      />
      <p id={`${id}-count`} className={styles.hint}>
        {t('count', { count: length, max: MAX_COMMENT_LENGTH })} {t('private')}
      </p>
      {isTooLong ? (
        <p id={`${id}-error`} className="notice danger" role="alert">
          {t('tooLong', { max: MAX_COMMENT_LENGTH, over: length - MAX_COMMENT_LENGTH })}
        </p>
      ) : null}
      <div className={styles.commentActions}>
        <button type="button" className="button" disabled={isTooLong || !isChanged || save.isPending} onClick={() => void submit(draft)}>
          {save.isPending ? t('saving') : t('save')}
        </button>
        {saved ? (
          <button type="button" className="button" disabled={save.isPending} onClick={() => void submit('')}>
            {t('clear')}
          </button>
        ) : null}
        <span role="status" className={styles.hint}>
          {done === 'saved' ? t('saved') : done === 'cleared' ? t('cleared') : ''}
        </span>
      </div>
      {save.isError ? (
        <p className="notice danger" role="alert">
          {t('failed', { reason: describeError(save.error) })}
        </p>
      ) : null}
    </details>
  );
}
