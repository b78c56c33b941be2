'use client';

import { type KeyboardEvent, useRef, useState } from 'react';
import styles from './verbal-scale.module.css';
import type { UiNode } from '~/app/_components/use-decision-model';
import { SCALE_POSITIONS, type JudgmentText } from './use-judgment-text';

const KEY_DELAY_MS = 350;

/**
 * The verbal scale as one radio group, first element's side on top, "equal" in the middle. Arrow keys (up/left
 * towards the first element, down/right towards the second), Home and End choose; Space chooses the focused
 * answer; Enter goes on. Before anything is chosen, Tab lands on "equal" so both sides are one arrow away.
 */
export function VerbalScale({
  node,
  i,
  j,
  position,
  labelledBy,
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
  labelledBy: string;
  describedBy?: string;
  text: JudgmentText;
  /** When the participant asked for the scale's numbers: the ratio a position stands for ("5 : 1"). */
  ratioText?: (position: number) => string;
  onChange: (position: number, delay: number) => void;
  onEnter: () => void;
}) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const checkedIndex = position === null ? -1 : SCALE_POSITIONS.indexOf(position);
  const [focusIndex, setFocusIndex] = useState(checkedIndex >= 0 ? checkedIndex : 8);
  const tabIndex = checkedIndex >= 0 ? checkedIndex : focusIndex;

  const choose = (index: number, delay: number) => {
    const clamped = Math.max(0, Math.min(SCALE_POSITIONS.length - 1, index));
    setFocusIndex(clamped);
    buttons.current[clamped]?.focus();
    onChange(SCALE_POSITIONS[clamped]!, delay);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowLeft':
        choose(index - 1, KEY_DELAY_MS);
        break;
      case 'ArrowDown':
      case 'ArrowRight':
        choose(index + 1, KEY_DELAY_MS);
        break;
      case 'Home':
        choose(0, KEY_DELAY_MS);
        break;
      case 'End':
        choose(SCALE_POSITIONS.length - 1, KEY_DELAY_MS);
        break;
      case ' ':
        choose(index, 0);
        break;
      case 'Enter':
        if (checkedIndex < 0) choose(index, 0);
        onEnter();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const nameA = text.nameOf(node, i);
  const nameB = text.nameOf(node, j);
  const sideLabel = (name: string) => text.sideLabel(node, name);

  return (
    <div role="radiogroup" aria-labelledby={labelledBy} aria-describedby={describedBy} className={styles.scale}>
      <p className={styles.sideHeading} aria-hidden="true" data-side="a">
        {sideLabel(nameA)}
      </p>
      {SCALE_POSITIONS.map((value, index) => {
        const isChecked = index === checkedIndex;
        const side = value > 0 ? 'a' : value < 0 ? 'b' : 'equal';
        return (
          <button
            key={value}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="radio"
            aria-checked={isChecked}
            aria-label={ratioText ? `${text.sentence(node, i, j, value)} (${ratioText(value)})` : text.sentence(node, i, j, value)}
            tabIndex={index === tabIndex ? 0 : -1}
            className={styles.option}
            data-side={side}
            data-strength={Math.abs(value)}
            onClick={() => choose(index, 0)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span className={styles.radioMark} aria-hidden="true" />
            <span className={styles.optionLabel}>
              {text.label(node, value)}
              {ratioText ? <span className={styles.ratio}>{ratioText(value)}</span> : null}
              {isChecked ? (
                <span className={styles.check} aria-hidden="true">
                  ✓
                </span>
              ) : null}
            </span>
            <span className={styles.strength} aria-hidden="true">
              <span style={{ width: `${(Math.abs(value) / 8) * 100}%` }} />
            </span>
          </button>
        );
      })}
      <p className={styles.sideHeading} aria-hidden="true" data-side="b">
        {sideLabel(nameB)}
      </p>
    </div>
  );
}
