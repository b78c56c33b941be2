'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import styles from './questionnaire.module.css';
import type { UiNode } from '~/app/_components/use-decision-model';
import type { JudgmentText } from '~/app/_components/judgment/use-judgment-text';

const KEY_DELAY_MS = 350;
/** Slider values, left to right: one tick mark per answer the scale allows, "equal" in the middle. */
const TICKS = Array.from({ length: 17 }, (_, index) => index - 8);

/**
 * The same scale as a slider: the first element's end on the left, the second's on the right, "equal" in the
 * middle. The slider's value is the negated position (left = first element preferred); what a screen reader
 * hears is the sentence in aria-valuetext.
 */
export function ScaleSlider({
  node,
  i,
  j,
  position,
  describedBy,
  text,
  ratioText,
  onChange,
  onEnter,
}: {
  node: UiNode;
  i: number;
  j: number;
  position: number | null;
  describedBy?: string;
  text: JudgmentText;
  /** When the participant asked for the scale's numbers: the ratio a position stands for ("5 : 1"). */
  ratioText?: (position: number) => string;
  onChange: (position: number, delay: number) => void;
  onEnter: () => void;
}) {
  const t = useTranslations('questionnaire.pair');
  const id = useId();
  const nameA = text.nameOf(node, i);
  const nameB = text.nameOf(node, j);
  const current =
    position === null
      ? t('notAnswered')
      : ratioText
        ? `${text.sentence(node, i, j, position)} (${ratioText(position)})`
        : text.sentence(node, i, j, position);
  return (
    <div className={styles.slider}>
      <label htmlFor={id} className={styles.sliderLabel}>
        {t('sliderLabel', { a: nameA, b: nameB })}
      </label>
      <input
        id={id}
        type="range"
        min={-8}
        max={8}
        step={1}
        value={position === null ? 0 : -position}
        aria-valuetext={current}
        aria-describedby={describedBy}
        data-answered={position !== null}
        onChange={(event) => onChange(-Number(event.target.value) || 0, KEY_DELAY_MS)}
        // An unanswered slider rests in the middle, so a tap there changes no value and fires no change: the tap
        // itself is the answer ("equally important"), as a tap anywhere else is.
        onClick={(event) => {
          if (position === null) onChange(-Number(event.currentTarget.value) || 0, 0);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (position === null) onChange(0, 0);
          onEnter();
        }}
      />
      <div className={styles.sliderTicks} aria-hidden="true">
        {TICKS.map((value) => (
          <span key={value} data-middle={value === 0} />
        ))}
      </div>
      <div className={styles.sliderEnds} aria-hidden="true">
        <span>{nameA}</span>
        <span>{text.label(node, 0)}</span>
        <span>{nameB}</span>
      </div>
      <output htmlFor={id} className={styles.sliderValue} data-answered={position !== null}>
        {current}
      </output>
    </div>
  );
}
