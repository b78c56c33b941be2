'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTRPC } from '../_trpc/client';
import styles from './model-list.module.css';
import { useLocalizedText } from './use-localized-text';

/**
 * The default model first and the blank one after the seeded ones; anything else the seed adds sits between them.
 * Templates facilitators saved from their sessions come last, newest first.
 */
const ORDER = ['cluster-policy', 'sustainable-competitiveness'];
type Listed = { key: string; origin: 'seed' | 'saved'; savedAt: Date | null };
const rank = ({ key, origin }: Listed) =>
  origin === 'saved' ? ORDER.length + 2 : key === 'blank' ? ORDER.length + 1 : ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length;
const newestFirst = (a: Listed, b: Listed) => (b.savedAt ? new Date(b.savedAt).getTime() : 0) - (a.savedAt ? new Date(a.savedAt).getTime() : 0);

/**
 * The decision models (seeded, and templates saved from sessions) as a radio group, each with its localized name,
 * description and size. Only the newest version of each model is offered: a new session always starts from it.
 */
export function ModelList({
  registration,
  legend,
  hint,
}: {
  registration: UseFormRegisterReturn;
  legend: string;
  hint?: string;
}) {
  const t = useTranslations('setup.new.models');
  const tTemplates = useTranslations('report.templates');
  const format = useFormatter();
  const trpc = useTRPC();
  const localized = useLocalizedText();
  const models = useQuery(trpc.catalogue.models.queryOptions());
  if (models.isPending) {
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  }
  if (models.isError) {
    return (
      <div className="notice danger" role="alert">
        <p>{t('failed')}</p>
        <button type="button" className="button" onClick={() => models.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  }
  // The list comes newest version first within each key.
  const newest = models.data
    .filter((model, index, all) => all.findIndex((other) => other.key === model.key) === index)
    .sort((a, b) => rank(a) - rank(b) || newestFirst(a, b));
  return (
    <fieldset className={styles.group} aria-describedby={hint ? `${registration.name}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${registration.name}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className={styles.options}>
        {newest.map((model) => {
          const id = `${registration.name}-${model.key}`;
          return (
            <label key={model.key} className={styles.option} htmlFor={id}>
              <input type="radio" id={id} value={model.key} {...registration} aria-describedby={`${id}-text`} />
              <span className={styles.body}>
                <span className={styles.name}>
                  {localized(model.name)}
                  {model.key === 'cluster-policy' ? <span className={styles.tag}>{t('recommended')}</span> : null}
                  {model.origin === 'saved' ? <span className={styles.tag}>{tTemplates('savedTag')}</span> : null}
                </span>
                <span className={styles.text} id={`${id}-text`}>
                  {localized(model.description)}{' '}
                  <span className={styles.size}>
                    {t('size', { criteria: model.criteriaCount, strategies: model.strategies.length })}
                    {model.measureCount !== null ? ` · ${tTemplates('measures', { count: model.measureCount })}` : null}
                    {model.savedAt
                      ? ` · ${tTemplates('savedOn', { date: format.dateTime(new Date(model.savedAt), { dateStyle: 'long' }) })}`
                      : null}
                  </span>
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
