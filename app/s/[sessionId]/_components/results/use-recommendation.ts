'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale } from 'next-intl';
import { useCallback, useMemo } from 'react';
import { pickLocalized } from '~/app/_components/use-localized-text';
import { useTRPC } from '~/app/_trpc/client';
import type { Locale } from '~/i18n/config';
import { type Figures, type ModelNames, useModelNames } from './figures';
import type { ResultView, SessionData } from './result-model';

/** The recommendation of a result page, drawn from the same snapshot as the result it sits beside. */
export type RecommendationData = ResultView['recommendation'];

/**
 * Names of everything a recommendation mentions, in the UI language: criteria, strategies and comparison nodes
 * (useModelNames), the session's measures and their families, the cluster profile's factors, rating labels,
 * regional priorities and what each strategy needs of a factor. The reference data (catalogue families, profile
 * definition) is the same for everyone and cached for the whole visit.
 */
export function useRecommendationNames(session: SessionData) {
  const locale = useLocale() as Locale;
  const model = useModelNames(session, locale);
  const trpc = useTRPC();
  const definition = useQuery({ ...trpc.catalogue.profileDefinition.queryOptions(), staleTime: Infinity });
  const catalogue = useQuery({ ...trpc.catalogue.measures.queryOptions(), staleTime: Infinity });

  const measures = useMemo(() => new Map(session.model.measures.map((m) => [m.key, m])), [session.model.measures]);
  const factors = useMemo(() => new Map((definition.data?.factors ?? []).map((f) => [f.key, f.name])), [definition.data]);
  const priorities = useMemo(
    () => new Map((definition.data?.regionalPriorities ?? []).map((p) => [p.key, p.name])),
    [definition.data],
  );
  const reliance = useMemo(
    () => new Map((definition.data?.strategyReliance ?? []).map((r) => [`${r.strategy}|${r.factor}`, r.needs])),
    [definition.data],
  );
  const families = useMemo(() => new Map((catalogue.data?.families ?? []).map((f) => [f.key, f.name])), [catalogue.data]);

  const measure = useCallback((key: string) => pickLocalized(measures.get(key)?.name, locale) || key, [measures, locale]);
  const rationale = useCallback((key: string) => pickLocalized(measures.get(key)?.rationale, locale), [measures, locale]);
  const family = useCallback((key: string) => pickLocalized(families.get(key), locale) || null, [families, locale]);
  const factor = useCallback((key: string) => pickLocalized(factors.get(key), locale) || key, [factors, locale]);
  const priority = useCallback((key: string) => pickLocalized(priorities.get(key), locale) || key, [priorities, locale]);
  /** What `strategy` needs of `factor` in words ("transport and communication links"), else the factor's name. */
  const needs = useCallback(
    (strategy: string, factorKey: string) => pickLocalized(reliance.get(`${strategy}|${factorKey}`), locale) || factor(factorKey),
    [reliance, locale, factor],
  );
  /** "Weak" for a rating of 2, from the profile definition's own scale labels. */
  const ratingLabel = useCallback(
    (rating: number) => pickLocalized(definition.data?.ratingLabels[rating - 1], locale),
    [definition.data, locale],
  );
  return useMemo(
    () => ({ ...model, measure, rationale, family, factor, priority, ratingLabel, needs }),
    [model, measure, rationale, family, factor, priority, ratingLabel, needs],
  );
}

export type RecommendationNames = ModelNames & ReturnType<typeof useRecommendationNames>;

/** What every recommendation and robustness figure is drawn from. */
export type RecommendationFigureProps = { data: RecommendationData; names: RecommendationNames; figures: Figures };
