'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { type ReactNode, useCallback, useId, useMemo } from 'react';
import { pickLocalized } from '~/app/_components/use-localized-text';
import type { Locale } from '~/i18n/config';
import { type CriterionView, type FlatCriterion, GOAL_KEY, type SessionData, flattenCriteria } from './result-model';
import styles from './results.module.css';

export type FigureView = 'charts' | 'tables';

/** Numbers in the reader's locale: weights as percentages, CR with three decimals, ratios with one or two. */
export function useFigures() {
  const format = useFormatter();
  return useMemo(
    () => ({
      percent: (value: number) => format.number(value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      points: (value: number) => format.number(value * 100, { maximumFractionDigits: 1 }),
      cr: (value: number) => format.number(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
      index: (value: number) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 4 }),
      ratio: (value: number) => format.number(value, { maximumFractionDigits: value >= 10 ? 0 : 1 }),
      integer: (value: number) => format.number(value, { maximumFractionDigits: 0 }),
    }),
    [format],
  );
}

export type Figures = ReturnType<typeof useFigures>;

/** Names of the session's criteria, strategies and comparison nodes in the UI language. */
export function useModelNames(session: SessionData, locale: Locale) {
  const t = useTranslations('results.consistency');
  const flat = useMemo(() => flattenCriteria(session.model.criteria), [session.model.criteria]);
  const byKey = useMemo(() => new Map<string, FlatCriterion>(flat.map((c) => [c.key, c])), [flat]);
  const alternatives = useMemo(
    () => new Map(session.model.alternatives.map((a) => [a.key, pickLocalized(a.name, locale) || a.key])),
    [session.model.alternatives, locale],
  );
  const criterion = useCallback(
    (key: string) => {
      const found = byKey.get(key);
      return (found && pickLocalized(found.name, locale)) || key;
    },
    [byKey, locale],
  );
  const alternative = useCallback((key: string) => alternatives.get(key) ?? key, [alternatives]);
  /** What is compared at a node: the top-level criteria, a criterion's sub-criteria, or the strategies under a leaf. */
  const node = useCallback(
    (key: string) => {
      if (key === GOAL_KEY) return t('nodeGoal');
      const found = byKey.get(key);
      return found?.hasChildren ? t('nodeCriteria', { name: criterion(key) }) : t('nodeStrategies', { name: criterion(key) });
    },
    [byKey, criterion, t],
  );
  /** Node keys in reading order: the goal, then every criterion in tree order. */
  const nodeOrder = useMemo(() => [GOAL_KEY, ...flat.map((c) => c.key)], [flat]);
  const isNested = flat.some((c) => c.depth > 1);
  return { flat, criterion, alternative, node, nodeOrder, isNested, roots: session.model.criteria as readonly CriterionView[] };
}

export type ModelNames = ReturnType<typeof useModelNames>;

/** A section of the results: its heading, the plain-language caption that explains the figure, the figure. */
export function ResultSection({
  id,
  title,
  caption,
  children,
}: {
  id: string;
  title: string;
  caption: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={styles.section}>
      <h2 id={`${id}-title`}>{title}</h2>
      {caption ? <p className={styles.caption}>{caption}</p> : null}
      {children}
    </section>
  );
}

/**
 * A table that scrolls sideways on a phone; focusable so the keyboard can scroll it too. Its title sits above
 * the scrolling box (a <caption> would scroll away with a wide table) and names both the box and the table.
 */
export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  const id = useId();
  return (
    <>
      <p id={id} className={styles.tableCaption}>
        {caption}
      </p>
      <div className={styles.tableScroll} role="region" aria-labelledby={id} tabIndex={0}>
        <table className="data" aria-labelledby={id}>
          {children}
        </table>
      </div>
    </>
  );
}
