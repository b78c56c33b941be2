'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import { type UiModel, locateItem } from '~/app/_components/use-decision-model';
import type { AgendaItem } from '~/core/model';
import { useJudgmentText } from '~/app/_components/judgment/use-judgment-text';
import type { TallyData } from './types';

/**
 * Everything the live views say about an item in words: the pair ("A vs B"), where it is asked, the question
 * as the questionnaire puts it, each scale position and the group value as a sentence. The questionnaire's
 * wording (useJudgmentText) is reused so a phone in the room reads exactly like the questionnaire.
 */
export function useItemText(model: UiModel) {
  const judgment = useJudgmentText();
  const { nameOf, label, sentence, sideLabel } = judgment;
  const judgmentNodeTitle = judgment.nodeTitle;
  const pairQuestion = judgment.question;
  const t = useTranslations('workshop.item');
  const tRating = useTranslations('common.rating');
  const localized = useLocalizedText();
  const format = useFormatter();

  const locate = useCallback((item: AgendaItem) => locateItem(model, item), [model]);

  const nodeTitle = useCallback(
    (nodeKey: string) => {
      const node = model.node(nodeKey);
      return node ? judgmentNodeTitle(node) : nodeKey;
    },
    [model, judgmentNodeTitle],
  );

  const elementName = useCallback(
    (nodeKey: string, elementKey: string) => {
      const node = model.node(nodeKey);
      const index = node ? node.elementKeys.indexOf(elementKey) : -1;
      return (node && index >= 0 && localized(node.elements[index]!.name)) || elementKey;
    },
    [model, localized],
  );

  /** "A vs B", or "Strategy · Criterion" for a rating. */
  const title = useCallback(
    (item: AgendaItem) => {
      const found = locate(item);
      if (!found) return '';
      if (item.kind === 'rating') {
        return t('ratingTitle', { alternative: nameOf(found.node, found.i), criterion: localized(found.node.criterion?.spec.name) });
      }
      return t('pairTitle', { a: nameOf(found.node, found.i), b: nameOf(found.node, found.j) });
    },
    [locate, t, nameOf, localized],
  );

  const context = useCallback(
    (item: AgendaItem) => {
      const found = locate(item);
      if (!found) return '';
      return item.kind === 'rating' ? t('ratingContext') : judgmentNodeTitle(found.node);
    },
    [locate, t, judgmentNodeTitle],
  );

  const question = useCallback(
    (item: AgendaItem) => {
      const found = locate(item);
      if (!found) return '';
      if (item.kind === 'rating') {
        return t('ratingQuestion', { alternative: nameOf(found.node, found.i), criterion: localized(found.node.criterion?.spec.name) });
      }
      return pairQuestion(found.node, found.i, found.j);
    },
    [locate, t, nameOf, localized, pairQuestion],
  );

  /** The short verbal label of a scale position ("Strongly more"), read with the side it leans to. */
  const positionLabel = useCallback(
    (item: AgendaItem, position: number) => {
      const found = locate(item);
      return found ? label(found.node, position) : String(position);
    },
    [locate, label],
  );

  /** The answer at `position` as a sentence: "“A” is strongly more important than “B”". */
  const positionSentence = useCallback(
    (item: AgendaItem, position: number) => {
      const found = locate(item);
      return found && item.kind === 'pair' ? sentence(found.node, found.i, found.j, position) : String(position);
    },
    [locate, sentence],
  );

  /** "“A” is more important": the heading over one side of a distribution. */
  const sideHeading = useCallback(
    (item: AgendaItem, side: 'a' | 'b') => {
      const found = locate(item);
      if (!found) return '';
      return sideLabel(found.node, nameOf(found.node, side === 'a' ? found.i : found.j));
    },
    [locate, nameOf, sideLabel],
  );

  const ratio = useCallback(
    (value: number) => {
      const digits = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
      return value >= 1 ? `${format.number(value, digits)} : 1` : `1 : ${format.number(1 / value, digits)}`;
    },
    [format],
  );

  /**
   * The group value in words (the sentence the scale would say for it) and its figures, or null when there is
   * none (no answers yet, or every answer weighted 0).
   */
  const groupValue = useCallback(
    (item: AgendaItem, tally: TallyData | null | undefined): { sentence: string; detail: string } | null => {
      if (!tally?.groupValue) return null;
      const twoDecimals = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
      if (tally.kind === 'pair' && item.kind === 'pair') {
        return {
          sentence: positionSentence(item, tally.groupValue.position),
          detail: t('groupDetail.pair', {
            ratio: ratio(tally.groupValue.ratio),
            spread: format.number(tally.groupValue.geometricSd, twoDecimals),
          }),
        };
      }
      if (tally.kind === 'rating') {
        return {
          sentence: tRating(tally.groupValue.intensity),
          detail: t('groupDetail.rating', { value: format.number(tally.groupValue.value, twoDecimals) }),
        };
      }
      return null;
    },
    [t, tRating, positionSentence, ratio, format],
  );

  return useMemo(
    () => ({ locate, nodeTitle, elementName, title, context, question, positionLabel, positionSentence, sideHeading, ratio, groupValue }),
    [locate, nodeTitle, elementName, title, context, question, positionLabel, positionSentence, sideHeading, ratio, groupValue],
  );
}

export type ItemText = ReturnType<typeof useItemText>;
