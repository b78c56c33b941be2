'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { forwardRef, useId } from 'react';
import { CR_THRESHOLD } from '~/core/ahp/analyze-matrix';
import type { Contradiction, NodeConsistency } from './consistency';
import styles from './questionnaire.module.css';
import type { UiNode } from '~/app/_components/use-decision-model';
import type { JudgmentText } from '~/app/_components/judgment/use-judgment-text';

/**
 * The node's consistency after each answer, in words. Above CR 0.10 it names the answer that fits the others
 * least, says which answer would fit them, and offers to change it or keep it. The next answers that
 * contribute are named after it without a suggestion: theirs usually follow from the first one and change
 * once it is fixed. The warning sits in a polite live region so it is announced when it appears.
 */
export const ConsistencyCoach = forwardRef<
  HTMLHeadingElement,
  {
    node: UiNode;
    consistency: NodeConsistency;
    isKept: boolean;
    text: JudgmentText;
    onApply: (contradiction: Contradiction) => void;
    onKeep: () => void;
  }
>(function ConsistencyCoach({ node, consistency, isKept, text, onApply, onKeep }, headingRef) {
  const t = useTranslations('questionnaire.consistency');
  const tCommon = useTranslations('common.consistency');
  const format = useFormatter();
  const id = useId();
  if (consistency.state === 'not-applicable') return null;
  const cr =
    consistency.state === 'checked'
      ? format.number(consistency.cr, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : '';
  const threshold = format.number(CR_THRESHOLD, { minimumFractionDigits: 2 });
  const showWarning = consistency.state === 'checked' && !consistency.isConsistentEnough && !isKept;
  const [top, ...others] = consistency.state === 'checked' ? consistency.contradictions : [];

  return (
    <div className={styles.coach}>
      {consistency.state === 'too-few' ? (
        <p className={styles.crLine}>{t('tooFew')}</p>
      ) : !showWarning ? (
        <p className={styles.crLine} data-state={consistency.isConsistentEnough ? 'ok' : 'kept'}>
          <span aria-hidden="true">{consistency.isConsistentEnough ? '✓ ' : '⚠ '}</span>
          {consistency.isConsistentEnough ? tCommon('ok', { cr }) : t('kept', { cr })}
        </p>
      ) : null}
      <div aria-live="polite">
        {showWarning ? (
          <section className={`notice warn ${styles.warning}`} aria-labelledby={`${id}-title`}>
            <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
              <span aria-hidden="true">⚠ </span>
              {t('title')}
            </h3>
            <p>{t('explain', { cr, threshold })}</p>
            {top ? (
              <>
                <p className={styles.contradiction}>
                  {t('youSaid')} <strong>{text.sentence(node, top.i, top.j, top.position)}</strong>.
                  <br />
                  {t('suggestion')} <strong>{text.sentence(node, top.i, top.j, top.suggested)}</strong>.
                </p>
                <div className={styles.coachActions}>
                  <button type="button" className="button primary" onClick={() => onApply(top)}>
                    {t('apply')}
                  </button>
                  <button type="button" className="button" onClick={onKeep}>
                    {t('keep')}
                  </button>
                </div>
                {others.length > 0 ? (
                  <>
                    <p className={styles.othersTitle}>{t('othersTitle')}</p>
                    <ul className={styles.others}>
                      {others.map((other) => (
                        <li key={`${other.i}-${other.j}`}>{text.sentence(node, other.i, other.j, other.position)}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : (
              <div className={styles.coachActions}>
                <button type="button" className="button" onClick={onKeep}>
                  {t('keep')}
                </button>
              </div>
            )}
          </section>
        ) : null}
      </div>
    </div>
  );
});
