'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { VERBAL_POSITION_KEYS } from '~/core/ahp/scale';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import type { UiNode } from '~/app/_components/use-decision-model';

/** The 17 answers of the verbal scale from the top of the list (first element extremely more) to the bottom. */
export const SCALE_POSITIONS: readonly number[] = Array.from({ length: 17 }, (_, k) => 8 - k);

export function verbalKey(position: number) {
  return VERBAL_POSITION_KEYS[Math.min(8, Math.abs(position))]!;
}

/** ICU select keys cannot hold hyphens: "strong-to-very-strong" is passed as "strongToVeryStrong". */
function selectKey(key: string): string {
  return key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Everything said in words about a judgment: the question of a pair, the verbal label of a scale position and
 * the full sentence ("“A” is strongly more important than “B”"), which is also each option's accessible name.
 * Criteria are "more important"; options are "more suitable" for a criterion.
 */
export function useJudgmentText() {
  const t = useTranslations('questionnaire');
  const tScale = useTranslations('common.scale.positions');
  const localized = useLocalizedText();

  const nameOf = useCallback((node: UiNode, index: number) => localized(node.elements[index]?.name), [localized]);

  /** The short label shown on the scale: "Strongly more", "Equally important". */
  const label = useCallback(
    (node: UiNode, position: number) => {
      const key = verbalKey(position);
      if (node.kind === 'alternatives') return t(`scale.alternatives.${key}`);
      return tScale(key);
    },
    [t, tScale],
  );

  /** The judgment in a sentence, the preferred element named first. */
  const sentence = useCallback(
    (node: UiNode, i: number, j: number, position: number) => {
      const [first, second] = position >= 0 ? [i, j] : [j, i];
      return t(`judgment.${node.kind}`, { level: selectKey(verbalKey(position)), a: nameOf(node, first), b: nameOf(node, second) });
    },
    [t, nameOf],
  );

  const question = useCallback(
    (node: UiNode, i: number, j: number) =>
      t(`pair.question.${node.kind}`, {
        a: nameOf(node, i),
        b: nameOf(node, j),
        criterion: localized(node.criterion?.spec.name),
      }),
    [t, nameOf, localized],
  );

  const nodeTitle = useCallback(
    (node: UiNode) => {
      if (node.kind === 'alternatives') return t('node.alternatives', { name: localized(node.criterion?.spec.name) });
      if (node.criterion) return t('node.subcriteria', { name: localized(node.criterion.spec.name) });
      return t('node.criteria');
    },
    [t, localized],
  );

  /** The heading over one side of the scale: "“A” is more important". */
  const sideLabel = useCallback((node: UiNode, name: string) => t(`pair.side.${node.kind}`, { name }), [t]);

  return { nameOf, label, sentence, question, nodeTitle, sideLabel };
}

export type JudgmentText = ReturnType<typeof useJudgmentText>;
