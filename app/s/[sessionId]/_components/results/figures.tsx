'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { type ReactNode, useCallback, useId, useMemo } from 'react';
import { pickLocalized } from '~/app/_components/use-localized-text';
import type { Locale } from '~/i18n/config';
import { useDecisionModel } from '~/app/_components/use-decision-model';
import { GOAL_NODE_ID } from '~/core/model';
import type { SessionData } from './result-model';
import styles from './results.module.css';

export type FigureView = 'charts' | 'tables';

/** Numbers in the reader's locale: weights as percentages, CR with three decimals, ratios with one or two. */
export function useFigures() {
  const format = useFormatter();
  return useMemo(
    () => ({
      percent: (value: number) => format.number(value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      /** Axis ticks: whole percentages. */
      wholePercent: (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 0 }),
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

/** Names of the session's criteria, strategies and comparison nodes in the UI language, on core/model's model. */
export function useModelNames(session: SessionData, locale: Locale) {
  const t = useTranslations('results.consistency');
  const model = useDecisionModel(session.model);
  const flat = useMemo(
    () =>
      model.criteria.map((c) => ({ key: c.key, name: c.spec.name, depth: c.depth, parentKey: c.parentKey, hasChildren: !c.isLeaf })),
    [model],
  );
  const criterion = useCallback((key: string) => pickLocalized(model.criterion(key)?.spec.name, locale) || key, [model, locale]);
  const alternative = useCallback((key: string) => pickLocalized(model.alternative(key)?.name, locale) || key, [model, locale]);
  /** What is compared at a node: the top-level criteria, a criterion's sub-criteria, or the strategies under a leaf. */
  const node = useCallback(
    (key: string) => {
      if (key === GOAL_NODE_ID) return t('nodeGoal');
      const found = model.node(key);
      return found?.kind === 'criteria' ? t('nodeCriteria', { name: criterion(key) }) : t('nodeStrategies', { name: criterion(key) });
    },
    [model, criterion, t],
  );
  /** Node keys in core/model's canonical order, the order of every table and export. */
  const nodeOrder = useMemo(() => model.nodes.map((n) => n.key), [model]);
  const isNested = flat.some((c) => c.depth > 1);
  return { model, flat, criterion, alternative, node, nodeOrder, isNested, roots: model.roots };
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
