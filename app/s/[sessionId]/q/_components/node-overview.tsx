'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import styles from './questionnaire.module.css';
import { indexPairs } from '~/core/model';
import type { UiNode } from '~/app/_components/use-decision-model';
import { pairAnswerKey } from './steps';
import { SCALE_POSITIONS, type JudgmentText } from '~/app/_components/judgment/use-judgment-text';

/**
 * Every pair of a node at once, for people who know the method: one labelled select per pair (the whole
 * scale plus "not answered", which withdraws the answer). Each change is saved at once.
 */
export function NodeOverview({
  node,
  answers,
  text,
  onChange,
}: {
  node: UiNode;
  answers: ReadonlyMap<string, number>;
  text: JudgmentText;
  onChange: (i: number, j: number, position: number | null) => void;
}) {
  const t = useTranslations('questionnaire.overview');
  const id = useId();
  return (
    <ol className={styles.overview}>
      {indexPairs(node.elementKeys.length).map(([i, j]) => {
        const position = answers.get(pairAnswerKey(node, i, j));
        const selectId = `${id}-${i}-${j}`;
        const a = text.nameOf(node, i);
        const b = text.nameOf(node, j);
        return (
          <li key={selectId} className={styles.overviewRow} data-answered={position !== undefined}>
            <label htmlFor={selectId}>{t('pair', { a, b })}</label>
            <select
              id={selectId}
              value={position === undefined ? '' : String(position)}
              onChange={(event) => onChange(i, j, event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">{t('notAnswered')}</option>
              {SCALE_POSITIONS.map((value) => (
                <option key={value} value={value}>
                  {value === 0
                    ? text.label(node, 0)
                    : t('option', { label: text.label(node, value), name: value > 0 ? a : b })}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ol>
  );
}
