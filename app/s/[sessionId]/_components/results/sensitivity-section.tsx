'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { BarList } from '~/app/_components/bar-list';
import { GOAL_NODE_ID } from '~/core/model';
import { dynamicScores, gradient, headToHead, performance, rebalance, weightedNodes } from '~/core/sensitivity/graphs';
import { indexOfMax } from '~/core/sensitivity/weight-thresholds';
import { toPoints } from './explanation';
import { DataTable, type FigureView, ResultSection } from './figures';
import { useCriteriaInOrder } from './robustness-section';
import styles from './sensitivity.module.css';
import type { RecommendationFigureProps } from './use-recommendation';

type Props = RecommendationFigureProps & { view: FigureView };

/**
 * Expert Choice's four sensitivity views, drawn from the stored result's what-if model with core/sensitivity/graphs
 * (so the dynamic one recomputes in the browser as a slider moves). Hand-drawn SVG and CSS, no chart library:
 * every figure names its strategies and criteria in text (numbers at line ends, markers, dash and fill
 * patterns), and each has a table with the same numbers. Reused by the report page.
 */
export function SensitivitySection({ data, names, figures, view }: Props) {
  const t = useTranslations('results.sensitivity');
  return (
    <ResultSection id="sensitivity" title={t('title')} caption={t('caption')}>
      <GradientView key={`g${String(data.computedAt)}`} data={data} names={names} figures={figures} view={view} />
      <DynamicView key={`d${String(data.computedAt)}`} data={data} names={names} figures={figures} view={view} />
      <PerformanceView data={data} names={names} figures={figures} view={view} />
      <HeadToHeadView key={`h${String(data.computedAt)}`} data={data} names={names} figures={figures} view={view} />
    </ResultSection>
  );
}

/** The chart, with its table a click away; the table alone when the page shows tables. */
function ChartOrTable({ view, chart, table }: { view: FigureView; chart: ReactNode; table: ReactNode }) {
  const t = useTranslations('results.sensitivity');
  if (view === 'tables') return <>{table}</>;
  return (
    <>
      {chart}
      <details className={styles.asTable}>
        <summary>{t('showTable')}</summary>
        {table}
      </details>
    </>
  );
}

/** Strategies are told apart by a number (their rank), a marker shape and a dash pattern; colour only adds to that. */
const COLOURS = ['#0b5cad', '#c2410c', '#047857', '#a21caf', '#92400e', '#0e7490', '#374151', '#b91c1c'];
const DASHES = ['', '9 4', '2 4', '10 4 2 4', '5 5', '14 4 3 4 3 4', '1 3', '6 2'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'plus', 'cross', 'bar'] as const;
const styleOf = (index: number) => ({
  colour: COLOURS[index % COLOURS.length]!,
  dash: DASHES[index % DASHES.length]!,
  shape: SHAPES[index % SHAPES.length]!,
});

function Marker({ index, x, y, r = 5 }: { index: number; x: number; y: number; r?: number }) {
  const { colour, shape } = styleOf(index);
  const common = { fill: colour, stroke: colour, strokeWidth: 1.5 };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} {...common} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...common} />;
    case 'triangle':
      return <path d={`M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`} {...common} />;
    case 'diamond':
      return <path d={`M${x},${y - r * 1.3}L${x + r},${y}L${x},${y + r * 1.3}L${x - r},${y}Z`} {...common} />;
    case 'triangle-down':
      return <path d={`M${x},${y + r * 1.2}L${x + r * 1.1},${y - r * 0.8}L${x - r * 1.1},${y - r * 0.8}Z`} {...common} />;
    case 'plus':
      return <path d={`M${x - r},${y}H${x + r}M${x},${y - r}V${y + r}`} {...common} strokeWidth={3} fill="none" />;
    case 'cross':
      return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} {...common} strokeWidth={3} fill="none" />;
    default:
      return <rect x={x - r * 1.3} y={y - r * 0.5} width={2.6 * r} height={r} {...common} />;
  }
}

/** A legend entry's swatch: the line's dash and marker, drawn as on the chart. */
function LineSwatch({ index }: { index: number }) {
  const { colour, dash } = styleOf(index);
  return (
    <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" className={styles.swatch}>
      <line x1="1" y1="7" x2="33" y2="7" stroke={colour} strokeWidth="2.5" strokeDasharray={dash || undefined} />
      <Marker index={index} x={17} y={7} r={4} />
    </svg>
  );
}

/** The element's width in CSS pixels, so an SVG can be drawn 1:1 (its text then keeps the page's size on a phone). */
function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** Labels at the lines' ends, pushed apart so that none overlaps the next. */
function spreadLabels(ys: number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y);
  const placed = order.map((entry) => entry.y);
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + gap);
  const overflow = (placed.at(-1) ?? bottom) - bottom;
  if (overflow > 0) {
    placed[placed.length - 1] = bottom;
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - gap);
  }
  const result = new Array<number>(ys.length);
  order.forEach((entry, i) => (result[entry.index] = Math.max(top, placed[i]!)));
  return result;
}

function GradientView({ data, names, figures, view }: Props) {
  const t = useTranslations('results.sensitivity.gradient');
  const id = useId();
  const model = data.whatIf;
  const criteria = useCriteriaInOrder(data, names).filter((c) => c.weight > 0 && c.weight < 1);
  const nearest = data.strategy.nearestThreshold?.criterion;
  const [chosen, setChosen] = useState<string | null>(null);
  const criterion = criteria.find((c) => c.key === chosen) ?? criteria.find((c) => c.key === nearest) ?? criteria[0];
  const g = useMemo(() => (criterion ? gradient(model, criterion.key) : null), [model, criterion]);
  const [boxRef, width] = useWidth<HTMLDivElement>(640);

  if (!criterion || !g) {
    return (
      <div className={styles.view}>
        <h3>{t('title')}</h3>
        <p className={styles.caption}>{t('nothing')}</p>
      </div>
    );
  }
  const name = names.criterion(criterion.key);
  const alternatives = model.alternatives;
  const current = g.points.find((p) => p.weight === g.weight)!;
  const top = alternatives[indexOfMax(current.scores)]!;
  const changesText = g.changes.length
    ? g.changes.map((c) => t('change', { weight: figures.percent(c.weight), from: names.alternative(c.from), to: names.alternative(c.to) })).join(' ')
    : t('noChange');

  // The plot: 1:1 with the page's pixels; room on the right for the end labels, at the top for the marks.
  const height = Math.round(Math.min(360, Math.max(240, width * 0.5)));
  const margin = { left: 44, right: 40, top: 40, bottom: 42 };
  const plotW = Math.max(100, width - margin.left - margin.right);
  const plotH = height - margin.top - margin.bottom;
  const maxScore = Math.max(...g.points.flatMap((p) => p.scores));
  const yMax = Math.min(1, Math.max(0.1, Math.ceil(maxScore * 10) / 10));
  const x = (w: number) => margin.left + w * plotW;
  const y = (s: number) => margin.top + plotH - (s / yMax) * plotH;
  const xTicks = (width < 480 ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.2, 0.4, 0.6, 0.8, 1]);
  const yTicks = Array.from({ length: Math.round(yMax * 10) + 1 }, (_, i) => i / 10).filter((v, i, all) => all.length <= 6 || i % 2 === 0);
  const end = g.points.at(-1)!;
  const labelYs = spreadLabels(end.scores.map((s) => y(s)), 15, margin.top, margin.top + plotH);
  const markerEvery = (p: { weight: number }) => Math.abs(p.weight * 4 - Math.round(p.weight * 4)) < 1e-9;

  const chart = (
    <div ref={boxRef} className={styles.plot}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        className={styles.svg}
      >
        <title id={`${id}-title`}>{t('svgTitle', { name })}</title>
        <desc id={`${id}-desc`}>
          {t('desc', { weight: figures.percent(g.weight), strategy: names.alternative(top) })} {changesText}
        </desc>
        <g aria-hidden="true">
          {yTicks.map((v) => (
            <g key={v}>
              <line x1={margin.left} x2={margin.left + plotW} y1={y(v)} y2={y(v)} className={styles.grid} />
              <text x={margin.left - 6} y={y(v) + 4} textAnchor="end" className={styles.tick}>
                {figures.wholePercent(v)}
              </text>
            </g>
          ))}
          {xTicks.map((v) => (
            <text key={v} x={x(v)} y={margin.top + plotH + 16} textAnchor="middle" className={styles.tick}>
              {figures.wholePercent(v)}
            </text>
          ))}
          <text x={margin.left + plotW / 2} y={height - 6} textAnchor="middle" className={styles.axis}>
            {t('axisX', { name: name.length > 48 ? `${name.slice(0, 46)}…` : name })}
          </text>
          <line x1={margin.left} x2={margin.left} y1={margin.top} y2={margin.top + plotH} className={styles.axisLine} />
          <line x1={margin.left} x2={margin.left + plotW} y1={margin.top + plotH} y2={margin.top + plotH} className={styles.axisLine} />
          {g.changes.map((c) => (
            <g key={c.weight}>
              <line x1={x(c.weight)} x2={x(c.weight)} y1={margin.top - 4} y2={margin.top + plotH} className={styles.threshold} />
              <text x={x(c.weight)} y={margin.top - 8} textAnchor="middle" className={styles.markLabel}>
                {`${alternatives.indexOf(c.from) + 1}→${alternatives.indexOf(c.to) + 1} ${figures.percent(c.weight)}`}
              </text>
            </g>
          ))}
          <line x1={x(g.weight)} x2={x(g.weight)} y1={margin.top - 20} y2={margin.top + plotH} className={styles.current} />
          <text
            x={Math.min(Math.max(x(g.weight), margin.left + 30), margin.left + plotW - 30)}
            y={margin.top - 24}
            textAnchor="middle"
            className={styles.markLabel}
          >
            {t('now', { weight: figures.percent(g.weight) })}
          </text>
          {alternatives.map((key, a) => {
            const { colour, dash } = styleOf(a);
            return (
              <g key={key}>
                <polyline
                  points={g.points.map((p) => `${x(p.weight)},${y(p.scores[a]!)}`).join(' ')}
                  fill="none"
                  stroke={colour}
                  strokeWidth={2.5}
                  strokeDasharray={dash || undefined}
                />
                {g.points.filter(markerEvery).map((p) => (
                  <Marker key={p.weight} index={a} x={x(p.weight)} y={y(p.scores[a]!)} />
                ))}
                <text x={x(1) + 10} y={labelYs[a]! + 4} className={styles.endLabel} fill={colour}>
                  {a + 1}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <ol className={styles.legend} aria-label={t('legend')}>
        {alternatives.map((key, a) => (
          <li key={key}>
            <LineSwatch index={a} />
            <span>{names.alternative(key)}</span>
          </li>
        ))}
      </ol>
    </div>
  );

  const rows = g.points.filter((p) => Math.abs(p.weight * 10 - Math.round(p.weight * 10)) < 1e-9 || p.weight === g.weight || g.changes.some((c) => c.weight === p.weight));
  const table = (
    <DataTable caption={t('tableCaption', { name })}>
      <thead>
        <tr>
          <th scope="col">{t('weightColumn', { name })}</th>
          {alternatives.map((key, a) => (
            <th key={key} scope="col" className="number">
              {`${a + 1}. ${names.alternative(key)}`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const change = g.changes.find((c) => c.weight === p.weight);
          const leader = indexOfMax(p.scores);
          return (
            <tr key={p.weight} className={p.weight === g.weight ? styles.nowRow : undefined}>
              <th scope="row">
                {p.weight === g.weight
                  ? t('rowNow', { weight: figures.percent(p.weight) })
                  : change
                    ? t('rowChange', { weight: figures.percent(p.weight), from: names.alternative(change.from), to: names.alternative(change.to) })
                    : figures.percent(p.weight)}
              </th>
              {p.scores.map((s, a) => (
                <td key={alternatives[a]} className="number">
                  {a === leader && !change ? <strong>{figures.percent(s)}</strong> : figures.percent(s)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );

  return (
    <div className={styles.view}>
      <h3>{t('title')}</h3>
      <p className={styles.caption}>{t('caption')}</p>
      <div className={`field ${styles.noPrint}`}>
        <label htmlFor={`${id}-criterion`}>{t('criterion')}</label>
        <select id={`${id}-criterion`} value={criterion.key} onChange={(event) => setChosen(event.target.value)}>
          {criteria.map((c) => (
            <option key={c.key} value={c.key}>
              {`${'— '.repeat(c.depth - 1)}${names.criterion(c.key)}`}
            </option>
          ))}
        </select>
      </div>
      <p className={styles.summary}>
        {t('desc', { weight: figures.percent(g.weight), strategy: names.alternative(top) })} {changesText}
      </p>
      <ChartOrTable view={view} chart={chart} table={table} />
    </div>
  );
}

function DynamicView({ data, names, figures, view }: Props) {
  const t = useTranslations('results.sensitivity.dynamic');
  const id = useId();
  const model = data.whatIf;
  const nodes = useMemo(() => weightedNodes(model).filter((n) => n.children.length > 1), [model]);
  const [moved, setMoved] = useState<Record<string, number[]>>({});
  const scores = useMemo(() => dynamicScores(model, moved), [model, moved]);
  const alternatives = model.alternatives;
  const computed = model.synthesis.scores;
  const isMoved = Object.keys(moved).length > 0;
  const top = alternatives[indexOfMax(scores)]!;
  const original = alternatives[indexOfMax(computed)]!;
  const order = alternatives.map((key, a) => ({ key, a, score: scores[a]! })).sort((p, q) => q.score - p.score || p.a - q.a);

  if (nodes.length === 0) {
    return (
      <div className={styles.view}>
        <h3>{t('title')}</h3>
        <p className={styles.caption}>{t('nothing')}</p>
      </div>
    );
  }

  const move = (node: string, index: number, points: number) => {
    if (!Number.isFinite(points)) return;
    const base = moved[node] ?? nodes.find((n) => n.node === node)!.weights;
    setMoved({ ...moved, [node]: rebalance(base, index, points / 100) });
  };

  const chart = (
    <BarList
      label={t('chartLabel')}
      items={order.map((entry, index) => ({
        key: entry.key,
        label: `${index + 1}. ${names.alternative(entry.key)}`,
        value: entry.score,
        highlight: index === 0,
      }))}
      format={figures.percent}
    />
  );
  const table = (
    <DataTable caption={t('tableCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('strategy')}</th>
          <th scope="col" className="number">
            {t('computed')}
          </th>
          <th scope="col" className="number">
            {t('moved')}
          </th>
        </tr>
      </thead>
      <tbody>
        {order.map((entry) => (
          <tr key={entry.key}>
            <th scope="row">{names.alternative(entry.key)}</th>
            <td className="number">{figures.percent(computed[entry.a]!)}</td>
            <td className="number">{figures.percent(entry.score)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );

  return (
    <div className={styles.view}>
      <h3>{t('title')}</h3>
      <p className={styles.caption}>{t('caption')}</p>
      <div className={styles.sliders}>
        {nodes.map((node) => {
          const weights = moved[node.node] ?? node.weights;
          return (
            <fieldset key={node.node} className={styles.sliderGroup}>
              <legend>{node.node === GOAL_NODE_ID ? t('goal') : t('under', { name: names.criterion(node.node) })}</legend>
              {node.children.map((child, index) => {
                const inputId = `${id}-${node.node}-${child}`;
                const weight = weights[index]!;
                return (
                  <div key={child} className={styles.sliderRow}>
                    <label htmlFor={inputId}>{t('slider', { name: names.criterion(child) })}</label>
                    <input
                      id={inputId}
                      type="range"
                      min={0}
                      max={100}
                      step={1}
                      value={toPoints(weight)}
                      aria-valuetext={figures.percent(weight)}
                      onChange={(event) => move(node.node, index, Number(event.target.value))}
                    />
                    {/* Not an <output>: six live regions would read every rescaled weight at each step; the slider's
                        own value text says it, and the status line below says what changed. */}
                    <span className={styles.sliderValue} aria-hidden="true">
                      {figures.percent(weight)}
                    </span>
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </div>
      <button type="button" className={`button ${styles.noPrint}`} disabled={!isMoved} onClick={() => setMoved({})}>
        {t('reset')}
      </button>
      <p className={styles.outcome} role="status" aria-live="polite" data-changed={top !== original}>
        {top === original ? t('first', { strategy: names.alternative(top) }) : t('firstChanged', { strategy: names.alternative(top), previous: names.alternative(original) })}
      </p>
      <ChartOrTable view={view} chart={chart} table={table} />
    </div>
  );
}

/** Fill patterns for the criteria's pieces of a bar (CSS classes), so that they differ without colour too. */
const PATTERNS = 8;

function PerformanceView({ data, names, figures, view }: Props) {
  const t = useTranslations('results.sensitivity.performance');
  const model = data.whatIf;
  const rows = useMemo(() => performance(model), [model]);
  const alternatives = model.alternatives;
  const scores = model.synthesis.scores;
  const max = Math.max(...scores, 0);
  const criterionLabel = (key: string) => {
    const parent = names.flat.find((c) => c.key === key)?.parentKey;
    return parent && parent !== GOAL_NODE_ID ? `${names.criterion(parent)} › ${names.criterion(key)}` : names.criterion(key);
  };

  const chart = (
    <>
      <ul className={styles.stacks} aria-label={t('chartLabel')}>
        {alternatives.map((key, a) => (
          <li key={key}>
            <span className={styles.stackName}>{`${a + 1}. ${names.alternative(key)}`}</span>
            <span className={styles.stack}>
              {rows.map((row, c) => {
                const share = max > 0 ? row.weighted[a]! / max : 0;
                return share > 0 ? (
                  <span
                    key={row.criterion}
                    className={`${styles.piece} ${styles[`pattern${c % PATTERNS}`]}`}
                    style={{ width: `${share * 100}%` }}
                    title={`${criterionLabel(row.criterion)}: ${figures.percent(row.weighted[a]!)}`}
                  >
                    {share > 0.07 ? <span className={styles.pieceLabel}>{c + 1}</span> : null}
                  </span>
                ) : null;
              })}
            </span>
            <span className={styles.stackValue}>{figures.percent(scores[a]!)}</span>
            <span className="visually-hidden">
              {rows.map((row) => t('piece', { criterion: criterionLabel(row.criterion), value: figures.percent(row.weighted[a]!) })).join('; ')}
            </span>
          </li>
        ))}
      </ul>
      <ol className={styles.legend} aria-label={t('legend')}>
        {rows.map((row, c) => (
          <li key={row.criterion}>
            <span className={`${styles.patch} ${styles[`pattern${c % PATTERNS}`]}`} aria-hidden="true">
              <span className={styles.pieceLabel}>{c + 1}</span>
            </span>
            <span>
              {criterionLabel(row.criterion)} <span className={styles.muted}>({figures.percent(row.weight)})</span>
            </span>
          </li>
        ))}
      </ol>
    </>
  );
  const table = (
    <>
      <DataTable caption={t('tableCaption')}>
        <thead>
          <tr>
            <th scope="col">{t('criterion')}</th>
            <th scope="col" className="number">
              {t('weight')}
            </th>
            {alternatives.map((key) => (
              <th key={key} scope="col" className="number">
                {names.alternative(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.criterion}>
              <th scope="row">{criterionLabel(row.criterion)}</th>
              <td className="number">{figures.percent(row.weight)}</td>
              {alternatives.map((key, a) => (
                <td key={key} className="number">
                  {t('cell', { weighted: figures.percent(row.weighted[a]!), local: figures.percent(row.local[a]!) })}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('total')}</th>
            <td className="number">{figures.percent(1)}</td>
            {alternatives.map((key, a) => (
              <td key={key} className="number">
                <strong>{figures.percent(scores[a]!)}</strong>
              </td>
            ))}
          </tr>
        </tbody>
      </DataTable>
      <p className={styles.caption}>{model.mode === 'ideal' ? t('cellHintIdeal') : t('cellHint')}</p>
    </>
  );
  return (
    <div className={styles.view}>
      <h3>{t('title')}</h3>
      <p className={styles.caption}>{t('caption')}</p>
      <ChartOrTable view={view} chart={chart} table={table} />
    </div>
  );
}

function HeadToHeadView({ data, names, figures, view }: Props) {
  const t = useTranslations('results.sensitivity.headToHead');
  const id = useId();
  const model = data.whatIf;
  const alternatives = model.alternatives;
  const [first, setFirst] = useState(alternatives[0] ?? '');
  const [second, setSecond] = useState(alternatives[1] ?? alternatives[0] ?? '');
  const h = useMemo(() => headToHead(model, first, second), [model, first, second]);
  const criterionLabel = (key: string) => {
    const parent = names.flat.find((c) => c.key === key)?.parentKey;
    return parent && parent !== GOAL_NODE_ID ? `${names.criterion(parent)} › ${names.criterion(key)}` : names.criterion(key);
  };
  if (alternatives.length < 2 || !h) return null;
  const firstName = names.alternative(first);
  const secondName = names.alternative(second);
  const max = Math.max(...h.rows.map((r) => Math.abs(r.difference)), Math.abs(h.difference), 1e-12);
  const lead = (difference: number) =>
    Math.abs(difference) <= 1e-12
      ? t('even')
      : t('leads', { strategy: difference > 0 ? firstName : secondName, points: figures.points(Math.abs(difference)) });
  const rows = [
    ...h.rows.map((r) => ({ key: r.criterion, label: criterionLabel(r.criterion), difference: r.difference, overall: false })),
    { key: '__overall', label: t('overall'), difference: h.difference, overall: true },
  ];

  const chart =
    first === second ? null : (
      <div className={styles.duel}>
        <p className={styles.duelHead} aria-hidden="true">
          <span>◀ {firstName}</span>
          <span>{secondName} ▶</span>
        </p>
        <ul className={styles.duelRows} aria-label={t('chartLabel', { first: firstName, second: secondName })}>
          {rows.map((row) => (
            <li key={row.key} className={row.overall ? styles.duelOverall : undefined}>
              <span className={styles.duelName}>{row.label}</span>
              <span className={styles.duelBar} aria-hidden="true">
                <span className={styles.duelHalf}>
                  {row.difference > 0 ? <span className={styles.duelFirst} style={{ width: `${(row.difference / max) * 100}%` }} /> : null}
                </span>
                <span className={styles.duelHalf}>
                  {row.difference < 0 ? <span className={styles.duelSecond} style={{ width: `${(-row.difference / max) * 100}%` }} /> : null}
                </span>
              </span>
              <span className={styles.duelValue}>{lead(row.difference)}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  const table = (
    <DataTable caption={t('tableCaption', { first: firstName, second: secondName })}>
      <thead>
        <tr>
          <th scope="col">{t('criterion')}</th>
          <th scope="col" className="number">
            {t('weight')}
          </th>
          <th scope="col" className="number">
            {firstName}
          </th>
          <th scope="col" className="number">
            {secondName}
          </th>
          <th scope="col">{t('leader')}</th>
        </tr>
      </thead>
      <tbody>
        {h.rows.map((r) => (
          <tr key={r.criterion}>
            <th scope="row">{criterionLabel(r.criterion)}</th>
            <td className="number">{figures.percent(r.weight)}</td>
            <td className="number">{figures.percent(r.first)}</td>
            <td className="number">{figures.percent(r.second)}</td>
            <td>{lead(r.difference)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('overall')}</th>
          <td className="number">{figures.percent(1)}</td>
          <td className="number">
            <strong>{figures.percent(model.synthesis.scores[alternatives.indexOf(first)]!)}</strong>
          </td>
          <td className="number">
            <strong>{figures.percent(model.synthesis.scores[alternatives.indexOf(second)]!)}</strong>
          </td>
          <td>
            <strong>{lead(h.difference)}</strong>
          </td>
        </tr>
      </tbody>
    </DataTable>
  );

  const won = h.rows.filter((r) => r.winner === 'first').length;
  const lost = h.rows.filter((r) => r.winner === 'second').length;
  return (
    <div className={styles.view}>
      <h3>{t('title')}</h3>
      <p className={styles.caption}>{t('caption')}</p>
      <div className={`${styles.pickers} ${styles.noPrint}`}>
        <div className="field">
          <label htmlFor={`${id}-first`}>{t('first')}</label>
          <select id={`${id}-first`} value={first} onChange={(event) => setFirst(event.target.value)}>
            {alternatives.map((key) => (
              <option key={key} value={key}>
                {names.alternative(key)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-second`}>{t('second')}</label>
          <select id={`${id}-second`} value={second} onChange={(event) => setSecond(event.target.value)}>
            {alternatives.map((key) => (
              <option key={key} value={key}>
                {names.alternative(key)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {first === second ? (
        <p className={styles.caption}>{t('same')}</p>
      ) : (
        <>
          <p className={styles.summary}>
            {t('summary', { first: firstName, second: secondName, won, lost, total: h.rows.length })} {t('overallLead', { lead: lead(h.difference) })}
          </p>
          <ChartOrTable view={view} chart={chart} table={table} />
        </>
      )}
    </div>
  );
}
