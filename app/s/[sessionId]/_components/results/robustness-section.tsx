'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { BarList } from '~/app/_components/bar-list';
import { indexOfMax } from '~/core/sensitivity/weight-thresholds';
import { scoresAtWeight } from '~/core/sensitivity/what-if';
import { toPoints } from './explanation';
import { DataTable, type FigureView, type Figures, ResultSection } from './figures';
import styles from './recommendation.module.css';
import type { RecommendationData, RecommendationFigureProps, RecommendationNames } from './use-recommendation';

type Threshold = RecommendationData['thresholds'][number];

/** Slider and number field work in percent with one decimal, the precision every figure on the page has. */
const PERCENT_STEP = 0.1;

/**
 * How sure the first place is: the weight of each criterion at which it would change, a what-if view that
 * recomputes the ranking (with core, in the browser) while one criterion weight is moved, and how often each
 * strategy came first when the answers were varied within their spread. Reused by the report page.
 */
export function RobustnessSection({
  data,
  names,
  figures,
  view,
}: RecommendationFigureProps & { view: FigureView }) {
  const t = useTranslations('results.robustness');
  return (
    <ResultSection id="robustness" title={t('title')} caption={t('caption')}>
      <SensitivityExplorer key={String(data.computedAt)} data={data} names={names} figures={figures} />
      <ThresholdTable data={data} names={names} figures={figures} />
      <FirstPlaceChances data={data} names={names} figures={figures} view={view} />
    </ResultSection>
  );
}

/** Criteria in reading order (the session's tree), with the stored weight of each; those the result lacks are left out. */
export function useCriteriaInOrder(data: RecommendationData, names: RecommendationNames) {
  return useMemo(() => {
    const inResult = data.whatIf.synthesis.criteria;
    const known = names.flat.filter((c) => inResult[c.key]).map((c) => ({ key: c.key, depth: c.depth, weight: inResult[c.key]!.global }));
    // A criterion renamed away since the result was computed still has its weight in the result.
    const extra = Object.entries(inResult)
      .filter(([key]) => !known.some((c) => c.key === key))
      .map(([key, value]) => ({ key, depth: 1, weight: value.global }));
    return [...known, ...extra];
  }, [data.whatIf.synthesis.criteria, names.flat]);
}

function SensitivityExplorer({ data, names, figures }: RecommendationFigureProps) {
  const t = useTranslations('results.robustness.whatIf');
  const id = useId();
  const criteria = useCriteriaInOrder(data, names).filter((c) => c.weight > 0 && c.weight < 1);
  const nearest = data.strategy.nearestThreshold?.criterion;
  const [chosen, setChosen] = useState<string | null>(null);
  const criterion = criteria.find((c) => c.key === chosen) ?? criteria.find((c) => c.key === nearest) ?? criteria[0];
  /** Null: the computed weight, exactly (the slider shows it rounded, which could tip a near-tie by itself). */
  const [moved, setMoved] = useState<number | null>(null);
  const [typed, setTyped] = useState<string | null>(null);

  if (!criterion) {
    return <p className={styles.caption}>{t('nothingToMove')}</p>;
  }
  const weight = moved ?? criterion.weight;
  const scores = scoresAtWeight(data.whatIf, criterion.key, weight) ?? data.whatIf.synthesis.scores;
  const alternatives = data.whatIf.alternatives;
  const order = alternatives.map((key, a) => ({ key, score: scores[a]! })).sort((x, y) => y.score - x.score);
  const top = alternatives[indexOfMax(scores)]!;
  const original = data.strategy.strategy;
  const threshold = data.thresholds.find((th) => th.criterion === criterion.key);
  const name = names.criterion(criterion.key);
  const othersShare = 1 - weight;

  const choose = (key: string) => {
    setChosen(key);
    setMoved(null);
    setTyped(null);
  };
  const move = (value: number) => {
    if (!Number.isFinite(value)) return;
    setMoved(Math.min(1, Math.max(0, value / 100)));
  };

  return (
    <div className={styles.whatIf}>
      <h3>{t('title')}</h3>
      <p className={styles.caption}>{t('caption')}</p>
      <div className={styles.controls}>
        <div className="field">
          <label htmlFor={`${id}-criterion`}>{t('criterion')}</label>
          <select id={`${id}-criterion`} value={criterion.key} onChange={(event) => choose(event.target.value)}>
            {criteria.map((c) => (
              <option key={c.key} value={c.key}>
                {`${'— '.repeat(c.depth - 1)}${names.criterion(c.key)}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-slider`} id={`${id}-slider-label`}>
            {t('weight', { name })}
          </label>
          <div className={styles.weightRow}>
            <input
              id={`${id}-slider`}
              type="range"
              min={0}
              max={100}
              step={PERCENT_STEP}
              value={toPoints(weight)}
              aria-valuetext={figures.percent(weight)}
              aria-describedby={`${id}-now`}
              list={`${id}-ticks`}
              onChange={(event) => {
                setTyped(null);
                move(Number(event.target.value));
              }}
            />
            {/* Tick marks where the first place changes; the hint below says the same in words. */}
            <datalist id={`${id}-ticks`}>
              {[threshold?.lower, threshold?.upper].map((bound) =>
                bound ? <option key={bound.weight} value={toPoints(bound.weight)} /> : null,
              )}
            </datalist>
            <span className={styles.numberField}>
              <input
                id={`${id}-number`}
                type="number"
                min={0}
                max={100}
                step={PERCENT_STEP}
                inputMode="decimal"
                value={typed ?? String(toPoints(weight))}
                aria-labelledby={`${id}-slider-label ${id}-number-unit`}
                onChange={(event) => {
                  setTyped(event.target.value);
                  if (event.target.value !== '') move(Number(event.target.value));
                }}
                onBlur={() => setTyped(null)}
              />
              <span aria-hidden="true">%</span>
              <span id={`${id}-number-unit`} className="visually-hidden">
                {t('inPercent')}
              </span>
            </span>
          </div>
          <p className="hint" id={`${id}-now`}>
            {t('now', { weight: figures.percent(criterion.weight) })}{' '}
            {threshold ? <ThresholdHint threshold={threshold} names={names} figures={figures} /> : null}
          </p>
        </div>
        <button
          type="button"
          className="button"
          disabled={moved === null}
          onClick={() => {
            setMoved(null);
            setTyped(null);
          }}
        >
          {t('reset')}
        </button>
      </div>
      <p className={styles.outcome} role="status" aria-live="polite" data-changed={top !== original}>
        {top === original
          ? t('stillFirst', { strategy: names.alternative(top), weight: figures.percent(weight) })
          : t('newFirst', { strategy: names.alternative(top), previous: names.alternative(original), weight: figures.percent(weight) })}
      </p>
      <p className={styles.caption}>{t('others', { share: figures.percent(othersShare) })}</p>
      <BarList
        label={t('chartLabel', { name, weight: figures.percent(weight) })}
        items={order.map((entry, index) => ({
          key: entry.key,
          label: `${index + 1}. ${names.alternative(entry.key)}`,
          value: entry.score,
          highlight: index === 0,
        }))}
        format={figures.percent}
      />
    </div>
  );
}

function ThresholdHint({ threshold, names, figures }: { threshold: Threshold; names: RecommendationNames; figures: Figures }) {
  const t = useTranslations('results.robustness.whatIf');
  const parts: string[] = [];
  if (threshold.upper) parts.push(t('changesAbove', { weight: figures.percent(threshold.upper.weight), strategy: names.alternative(threshold.upper.newTop) }));
  if (threshold.lower) parts.push(t('changesBelow', { weight: figures.percent(threshold.lower.weight), strategy: names.alternative(threshold.lower.newTop) }));
  return <>{parts.length ? parts.join(' ') : t('neverChanges')}</>;
}

/** Per criterion, the weight at which the first place would change (the engine's thresholds), in words. */
function ThresholdTable({ data, names, figures }: RecommendationFigureProps) {
  const t = useTranslations('results.robustness.thresholds');
  const criteria = useCriteriaInOrder(data, names);
  const byCriterion = new Map(data.thresholds.map((th) => [th.criterion, th]));
  const top = names.alternative(data.strategy.strategy);
  return (
    <>
      <h3>{t('title')}</h3>
      <p className={styles.caption}>{t('caption', { strategy: top })}</p>
      <DataTable caption={t('tableCaption', { strategy: top })}>
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            <th scope="col" className="number">
              {t('now')}
            </th>
            <th scope="col">{t('staysFirstUnless', { strategy: top })}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => {
            const threshold = byCriterion.get(c.key);
            const bounds = [
              threshold?.upper ? t('risesAbove', { weight: figures.percent(threshold.upper.weight), strategy: names.alternative(threshold.upper.newTop) }) : null,
              threshold?.lower ? t('fallsBelow', { weight: figures.percent(threshold.lower.weight), strategy: names.alternative(threshold.lower.newTop) }) : null,
            ].filter((text): text is string => text !== null);
            return (
              <tr key={c.key}>
                <th scope="row">
                  {c.depth > 1 ? <span aria-hidden="true">{'— '.repeat(c.depth - 1)}</span> : null}
                  {names.criterion(c.key)}
                </th>
                <td className="number">{figures.percent(c.weight)}</td>
                <td>
                  {bounds.length === 0
                    ? t('never')
                    : bounds.map((text) => (
                        <span key={text} className={styles.bound}>
                          {text}
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </>
  );
}

/** How often each strategy came first in the engine's Monte Carlo trials. */
function FirstPlaceChances({
  data,
  names,
  figures,
  view,
}: RecommendationFigureProps & { view: FigureView }) {
  const t = useTranslations('results.robustness.chances');
  const rows = data.strategy.ranking
    .filter((entry): entry is typeof entry & { probabilityFirst: number } => entry.probabilityFirst !== null)
    .sort((a, b) => b.probabilityFirst - a.probabilityFirst);
  return (
    <>
      <h3>{t('title')}</h3>
      {!data.rankProbability || rows.length === 0 ? (
        <p className={styles.caption}>{data.isGroup ? t('singleParticipant') : t('ownResult')}</p>
      ) : (
        <>
          <p className={styles.caption}>{t('caption', { samples: data.rankProbability.samples, model: data.rankProbability.model })}</p>
          {view === 'charts' ? (
            <BarList
              label={t('chartLabel')}
              items={rows.map((row, index) => ({
                key: row.key,
                label: names.alternative(row.key),
                value: row.probabilityFirst,
                highlight: index === 0,
              }))}
              format={figures.percent}
              max={1}
            />
          ) : (
            <DataTable caption={t('tableCaption')}>
              <thead>
                <tr>
                  <th scope="col">{t('strategy')}</th>
                  <th scope="col" className="number">
                    {t('share')}
                  </th>
                  <th scope="col" className="number">
                    {t('trials')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{names.alternative(row.key)}</th>
                    <td className="number">{figures.percent(row.probabilityFirst)}</td>
                    <td className="number">
                      {figures.integer(Math.round(row.probabilityFirst * data.rankProbability!.samples))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </>
      )}
    </>
  );
}
