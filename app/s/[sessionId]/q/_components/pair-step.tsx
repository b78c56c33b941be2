'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { type Ref, useCallback, useId } from 'react';
import type { ScaleName } from '~/core/contracts/method';
import { positionToRatio } from '~/core/ahp/scale';
import { LocalizedName } from '~/app/_components/localized-name';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import { ConsistencyCoach } from './consistency-coach';
import type { Contradiction, NodeConsistency } from './consistency';
import { NodeOverview } from './node-overview';
import { PairComment } from './pair-comment';
import styles from './questionnaire.module.css';
import { ScaleSlider } from './scale-slider';
import type { UiNode } from '~/app/_components/use-decision-model';
import { pairAnswerKey } from './steps';
import type { JudgmentText } from '~/app/_components/judgment/use-judgment-text';
import { VerbalScale } from '~/app/_components/judgment/verbal-scale';

export type AnswerMode = 'buttons' | 'slider';

/**
 * One comparison: the question in words, both elements with their descriptions, and the answer on the verbal
 * scale (buttons or slider). In overview mode, every pair of the node instead. The node's consistency follows.
 */
export function PairStep({
  sessionId,
  token,
  comment,
  onCommentSaved,
  node,
  i,
  j,
  pairIndex,
  pairCount,
  answers,
  mode,
  isOverview,
  scale,
  showNumbers,
  consistency,
  isKept,
  text,
  headingRef,
  warningRef,
  onAnswer,
  onModeChange,
  onShowNumbersChange,
  onOverviewChange,
  onApply,
  onKeep,
  onEnter,
}: {
  sessionId: string;
  token: string;
  /** The participant's saved reason for this pair ('' for none). */
  comment: string;
  onCommentSaved: (text: string) => void;
  node: UiNode;
  i: number;
  j: number;
  pairIndex: number;
  pairCount: number;
  answers: ReadonlyMap<string, number>;
  mode: AnswerMode;
  isOverview: boolean;
  /** The session's judgment scale: what each verbal answer counts as. */
  scale: ScaleName;
  showNumbers: boolean;
  onShowNumbersChange: (showNumbers: boolean) => void;
  consistency: NodeConsistency;
  isKept: boolean;
  text: JudgmentText;
  headingRef: Ref<HTMLHeadingElement>;
  warningRef: Ref<HTMLHeadingElement>;
  onAnswer: (i: number, j: number, position: number | null, delay: number) => void;
  onModeChange: (mode: AnswerMode) => void;
  onOverviewChange: (isOverview: boolean) => void;
  onApply: (contradiction: Contradiction) => void;
  onKeep: () => void;
  onEnter: () => void;
}) {
  const t = useTranslations('questionnaire.pair');
  const tScales = useTranslations('results.method.names');
  const format = useFormatter();
  const localized = useLocalizedText();
  const id = useId();
  const size = node.elementKeys.length;
  // "5 : 1" when the first element is preferred, "1 : 5" when the second is: the ratio the method reads.
  const ratioText = useCallback(
    (value: number) => {
      const ratio = positionToRatio(Math.abs(value), scale, size);
      const number = format.number(ratio, { maximumFractionDigits: 2 });
      return value >= 0 ? `${number} : 1` : `1 : ${number}`;
    },
    [scale, size, format],
  );
  const position = answers.get(pairAnswerKey(node, i, j)) ?? null;
  const elementA = node.elements[i]!;
  const elementB = node.elements[j]!;

  return (
    <section className={styles.step} aria-labelledby={`${id}-question`}>
      <div className={styles.nodeBar}>
        <p className={styles.kicker}>
          {text.nodeTitle(node)}
          <span className={styles.kickerCount}>
            {isOverview ? t('overviewCount', { count: pairCount }) : t('count', { n: pairIndex + 1, count: pairCount })}
          </span>
        </p>
        <button
          type="button"
          className={`button ${styles.smallButton}`}
          aria-pressed={isOverview}
          onClick={() => onOverviewChange(!isOverview)}
        >
          {isOverview ? (
            <span aria-hidden="true">✓ </span>
          ) : null}
          {t('overviewToggle')}
        </button>
      </div>

      {isOverview ? (
        <>
          <h2 id={`${id}-question`} ref={headingRef} tabIndex={-1} className={styles.question}>
            {t('overviewTitle', { node: text.nodeTitle(node) })}
          </h2>
          <p className="muted">{t(`overviewHint.${node.kind}`)}</p>
          <NodeOverview node={node} answers={answers} text={text} onChange={(a, b, value) => onAnswer(a, b, value, 0)} />
        </>
      ) : (
        <>
          <h2 id={`${id}-question`} ref={headingRef} tabIndex={-1} className={styles.question}>
            {text.question(node, i, j)}
          </h2>
          <div className={styles.elements}>
            {[elementA, elementB].map((element, index) => (
              <div key={element.key} className={styles.element} data-side={index === 0 ? 'a' : 'b'}>
                <p className={styles.elementName}>
                  <span className={styles.sideTag} aria-hidden="true">
                    {mode === 'buttons' ? (index === 0 ? '▲' : '▼') : index === 0 ? '◀' : '▶'}
                  </span>
                  <LocalizedName text={element.name} />
                </p>
                {localized(element.description) ? (
                  <p className={styles.elementDescription}>{localized(element.description)}</p>
                ) : null}
              </div>
            ))}
          </div>
          <p className={styles.hint} id={`${id}-hint`}>
            {mode === 'buttons'
              ? t(`hintButtons.${node.kind}`, { a: localized(elementA.name), b: localized(elementB.name) })
              : t(`hintSlider.${node.kind}`, { a: localized(elementA.name), b: localized(elementB.name) })}{' '}
            <span className={styles.keyboardHint}>{t(mode === 'buttons' ? 'keysButtons' : 'keysSlider')}</span>
          </p>
          {mode === 'buttons' ? (
            <VerbalScale
              node={node}
              i={i}
              j={j}
              position={position}
              labelledBy={`${id}-question`}
              describedBy={`${id}-hint`}
              text={text}
              ratioText={showNumbers ? ratioText : undefined}
              onChange={(value, delay) => onAnswer(i, j, value, delay)}
              onEnter={onEnter}
            />
          ) : (
            <ScaleSlider
              node={node}
              i={i}
              j={j}
              position={position}
              describedBy={`${id}-hint`}
              text={text}
              ratioText={showNumbers ? ratioText : undefined}
              onChange={(value, delay) => onAnswer(i, j, value, delay)}
              onEnter={onEnter}
            />
          )}
          <PairComment
            sessionId={sessionId}
            token={token}
            nodeKey={node.key}
            a={elementA.key}
            b={elementB.key}
            saved={comment}
            onSaved={onCommentSaved}
          />
          <fieldset className={styles.modeSwitch}>
            <legend>{t('modeLegend')}</legend>
            {(['buttons', 'slider'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={`${id}-mode`}
                  value={value}
                  checked={mode === value}
                  onChange={() => onModeChange(value)}
                />
                <span>{t(`mode.${value}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className={styles.numbersSwitch}>
            <label>
              <input type="checkbox" checked={showNumbers} onChange={(event) => onShowNumbersChange(event.target.checked)} />
              <span>{t('numbers.toggle')}</span>
            </label>
            {showNumbers ? (
              <p className="muted">
                {t('numbers.explain', {
                  a: localized(elementA.name),
                  b: localized(elementB.name),
                  example: ratioText(4),
                  scale: tScales(scale),
                })}
              </p>
            ) : null}
          </div>
        </>
      )}

      <ConsistencyCoach
        ref={warningRef}
        node={node}
        consistency={consistency}
        isKept={isKept}
        text={text}
        onApply={onApply}
        onKeep={onKeep}
      />
    </section>
  );
}
