'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { ItemText } from '~/app/_components/workshop/use-item-text';
import { pairKey } from '~/core/model';
import type { AppRouter } from '~/server/trpc/root';
import styles from './dashboard.module.css';

type Comment = inferRouterOutputs<AppRouter>['judgment']['comments'][number];

/**
 * The reasons participants gave for their judgments, per pair (in the order the server sends them: node, pair,
 * participant). Each is the participant's own text, shown as text.
 */
export function CommentsPanel({ comments, text }: { comments: Comment[] | null; text: ItemText }) {
  const t = useTranslations('workshop.comments');
  const tGroups = useTranslations('common.stakeholderGroups');
  const ids = useId();
  const pairs: Array<{ key: string; nodeKey: string; a: string; b: string; comments: Comment[] }> = [];
  for (const comment of comments ?? []) {
    const key = `${comment.nodeKey}/${pairKey(comment.a, comment.b)}`;
    const last = pairs.at(-1);
    if (last?.key === key) last.comments.push(comment);
    else pairs.push({ key, nodeKey: comment.nodeKey, a: comment.a, b: comment.b, comments: [comment] });
  }

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('heading')}</h2>
      {comments === null ? (
        <p className="muted" role="status">
          {t('loading')}
        </p>
      ) : pairs.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <>
          <p className="muted">{t('intro', { count: comments.length, pairs: pairs.length })}</p>
          <ul className={styles.commentPairs}>
            {pairs.map((pair) => (
              <li key={pair.key}>
                <h3 className={styles.commentPair}>
                  {t('pair', {
                    a: text.elementName(pair.nodeKey, pair.a),
                    b: text.elementName(pair.nodeKey, pair.b),
                    node: text.nodeTitle(pair.nodeKey),
                  })}
                </h3>
                <ul className={styles.commentList}>
                  {pair.comments.map((comment) => (
                    <li key={comment.participant.key}>
                      <span className={styles.commentAuthor}>
                        {t('author', { name: comment.participant.displayName, group: tGroups(comment.participant.stakeholderGroup) })}
                      </span>{' '}
                      <span className={styles.commentBody}>{comment.text}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
