'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import type { Figures } from './figures';
import type { RecommendationData, RecommendationNames } from './use-recommendation';

type Sentence = RecommendationData['explanation'][number];
type ConsensusLevel = 'very-low' | 'low' | 'moderate' | 'high' | 'very-high';
const CONSENSUS_LEVELS: readonly string[] = ['very-low', 'low', 'moderate', 'high', 'very-high'];

/** A share of 0..1 as percentage points with one decimal, as a number ICU can choose a plural form for. */
export function toPoints(share: number): number {
  return Math.round(share * 1000) / 10;
}

/**
 * The plain-language summary: core's explanation sentences worded through `results.explain.*` in the UI
 * language. Every number in it is a value of the computed result, formatted here and nowhere typed by hand.
 */
export function Explanation({
  sentences,
  names,
  figures,
  headingLevel = 3,
}: {
  sentences: readonly Sentence[];
  names: RecommendationNames;
  figures: Figures;
  headingLevel?: 2 | 3;
}) {
  const t = useTranslations('results.explain');
  const tLevel = useTranslations('common.consensus');
  const format = useFormatter();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = useId();

  const text = (sentence: Sentence): string => {
    switch (sentence.key) {
      case 'ranks-first': {
        const { strategy, share, lead, runnerUp } = sentence.values;
        return runnerUp === null
          ? t('ranks-first-alone', { strategy: names.alternative(strategy), share: figures.percent(share) })
          : t('ranks-first', {
              strategy: names.alternative(strategy),
              share: figures.percent(share),
              lead: toPoints(lead),
              runnerUp: names.alternative(runnerUp),
            });
      }
      case 'tied-first': {
        const { strategy, share, runnerUp } = sentence.values;
        return t('tied-first', { strategy: names.alternative(strategy), runnerUp: names.alternative(runnerUp), share: figures.percent(share) });
      }
      case 'stays-first-unless': {
        const { criterion, direction, threshold, weight, newTop } = sentence.values;
        return t('stays-first-unless', {
          criterion: names.criterion(criterion),
          direction,
          threshold: figures.percent(threshold),
          weight: figures.percent(weight),
          newTop: names.alternative(newTop),
        });
      }
      case 'no-single-weight-overturns':
        return t('no-single-weight-overturns', { strategy: names.alternative(sentence.values.strategy) });
      case 'probability-first':
        return t('probability-first', {
          strategy: names.alternative(sentence.values.strategy),
          probability: figures.percent(sentence.values.probability),
          model: sentence.values.model,
        });
      case 'consensus': {
        const { level, value } = sentence.values;
        return t('consensus', {
          level: CONSENSUS_LEVELS.includes(level) ? tLevel(level as ConsensusLevel) : level,
          value: figures.percent(value),
        });
      }
      case 'least-agreement':
        return t('least-agreement', { node: names.node(sentence.values.node), value: figures.percent(sentence.values.value) });
      case 'start-with':
        return t('start-with', {
          measures: format.list(
            sentence.values.measures.map((key) => t('quoted', { name: names.measure(key) })),
            { type: 'conjunction' },
          ),
        });
    }
  };

  return (
    <section aria-labelledby={id}>
      <Heading id={id}>{t('title')}</Heading>
      <p>{sentences.map(text).join(' ')}</p>
    </section>
  );
}
