'use client';

import { useTranslations } from 'next-intl';
import type { UiNode } from '~/app/_components/use-decision-model';
import type { JudgmentText } from '~/app/_components/judgment/use-judgment-text';
import styles from './questionnaire.module.css';

/** A suggested answer the participant accepted: which question it changed, from what, and where they were. */
export type AppliedSuggestion = {
  node: UiNode;
  i: number;
  j: number;
  previous: number | null;
  suggested: number;
  /** The step the change was made from, and the step of the question it changed. */
  fromIndex: number;
  changedIndex: number;
  /** "Question 3 of 15" of the changed question within its set of comparisons. */
  questionNumber: number;
  questionCount: number;
};

/**
 * The visible side of accepting a suggestion: the suggested answer usually changes another question than the one
 * on screen, so the notice names it, says what it was, and offers the way there, back, and an undo. On the
 * changed question itself it offers the way back to where the participant was.
 */
export function SuggestionNotice({
  applied,
  index,
  text,
  onShow,
  onReturn,
  onUndo,
  onDismiss,
}: {
  applied: AppliedSuggestion;
  index: number;
  text: JudgmentText;
  onShow: () => void;
  onReturn: () => void;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const t = useTranslations('questionnaire.consistency.changed');
  const { node, i, j, previous, suggested } = applied;
  const now = text.sentence(node, i, j, suggested);
  const before = previous === null ? t('unanswered') : text.sentence(node, i, j, previous);
  const isOnChanged = index === applied.changedIndex;
  const isOnOrigin = index === applied.fromIndex;
  const where = t('where', { node: text.nodeTitle(node), n: applied.questionNumber, count: applied.questionCount });
  return (
    <section className={`notice ${styles.changedNotice}`} aria-labelledby="suggestion-changed-title" role="status">
      <h3 id="suggestion-changed-title" className={styles.changedTitle}>
        <span aria-hidden="true">✓ </span>
        {isOnChanged ? t('titleHere') : t('title', { where })}
      </h3>
      <p>
        {t('now')} <strong>{now}</strong>
        <br />
        {t('before')} {before}
      </p>
      <div className={styles.coachActions}>
        {!isOnChanged ? (
          <button type="button" className="button" onClick={onShow}>
            {t('show', { where })}
          </button>
        ) : null}
        {isOnChanged && !isOnOrigin ? (
          <button type="button" className="button primary" onClick={onReturn}>
            {t('return')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onUndo}>
          {t('undo')}
        </button>
        {isOnOrigin ? (
          <button type="button" className="button" onClick={onDismiss}>
            {t('dismiss')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
