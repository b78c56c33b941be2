import { GOAL_NODE_ID } from '../model/decision-model';
import { synthesize } from '../synthesis/synthesize';
import { crossing, indexOfMax } from './weight-thresholds';
import { scoresAtWeight, type WhatIfModel } from './what-if';

/**
 * The four sensitivity views of Expert Choice, drawn from a stored result's what-if model (so the browser can
 * draw them, and redraw the dynamic one live, without the answers):
 * - gradient: every alternative's score as one criterion's weight runs from 0 to 1, the others rescaled;
 * - dynamic: the scores when any criterion weights are set by hand (re-synthesized with synthesize());
 * - performance: each alternative's local priority under each leaf criterion and its weighted share of the score;
 * - head-to-head: two alternatives leaf by leaf, who leads on each and by how much of the final score.
 */

/** Where the gradient is evaluated: every 5 % (its lines are straight in distributive mode, curved in ideal). */
const GRADIENT_STEPS = 20;
/** Two weighted contributions closer than this are a tie on that criterion (floating-point noise). */
const TIE = 1e-12;

export type GradientPoint = { weight: number; scores: number[] };
/** As the criterion's weight rises through `weight`, first place passes from `from` to `to`. */
export type FirstPlaceChange = { weight: number; from: string; to: string };
export type Gradient = {
  criterion: string;
  /** The criterion's global weight in the result. */
  weight: number;
  /** Sorted by weight, from 0 to 1: every 5 %, the current weight and each change of first place. */
  points: GradientPoint[];
  /** Every weight in (0, 1) at which first place changes, ascending (the thresholds are the two nearest the current weight). */
  changes: FirstPlaceChange[];
};

/**
 * Each alternative's score (in the model's alternative order, summing to 1) as `criterion`'s weight moves over
 * 0..1 with the rest of the hierarchy rescaled proportionally (scoresAtWeight's model). At 1 the scores are the
 * alternatives' priorities under that criterion alone, at 0 their scores without it. Null when the criterion
 * is unknown or its weight is 0 or 1 (no rest to rescale against).
 */
export function gradient(model: WhatIfModel, criterion: string): Gradient | null {
  const weight = model.synthesis.criteria[criterion]?.global;
  if (weight === undefined || scoresAtWeight(model, criterion, weight) === null) return null;
  const count = model.alternatives.length;
  // Two alternatives' totals are linear in the weight, so every pair crosses at most once: the leader can only
  // change at one of these weights (normalising the totals divides all of them by the same positive number).
  const crossings: number[] = [];
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const at = crossing(model.synthesis, criterion, a, b);
      if (at !== null) crossings.push(at);
    }
  }
  crossings.sort((x, y) => x - y);
  const leaderAt = (at: number) => indexOfMax(scoresAtWeight(model, criterion, at)!);
  const changes: FirstPlaceChange[] = [];
  const bounds = [0, ...crossings, 1];
  for (let i = 1; i < bounds.length - 1; i++) {
    const at = bounds[i]!;
    if (at - bounds[i - 1]! < 1e-12) continue;
    const before = leaderAt((bounds[i - 1]! + at) / 2);
    let next = i + 1;
    while (next < bounds.length - 1 && bounds[next]! - at < 1e-12) next++;
    const after = leaderAt((at + bounds[next]!) / 2);
    if (before !== after) changes.push({ weight: at, from: model.alternatives[before]!, to: model.alternatives[after]! });
  }
  const weights = new Set<number>([weight, ...changes.map((change) => change.weight)]);
  for (let step = 0; step <= GRADIENT_STEPS; step++) weights.add(step / GRADIENT_STEPS);
  const points = [...weights].sort((x, y) => x - y).map((at) => ({ weight: at, scores: scoresAtWeight(model, criterion, at)! }));
  return { criterion, weight, points, changes };
}

/**
 * `weights` with element `index` set to `value` (clamped to 0..1) and the others rescaled proportionally so
 * that they still sum to 1, as a weight slider in Expert Choice's dynamic sensitivity moves. When the others
 * were all 0 they share the rest equally.
 */
export function rebalance(weights: readonly number[], index: number, value: number): number[] {
  if (weights.length <= 1) return weights.map(() => 1);
  const at = Math.min(1, Math.max(0, value));
  const rest = weights.reduce((sum, w, i) => (i === index ? sum : sum + w), 0);
  return weights.map((w, i) => (i === index ? at : rest > 0 ? (w * (1 - at)) / rest : (1 - at) / (weights.length - 1)));
}

/**
 * The alternatives' scores (model order, summing to 1) with some criteria's local weights replaced: `weights`
 * maps the goal or a criterion with sub-criteria to its children's new local weights, in tree order. The
 * hierarchy is synthesized again as the engine did (same tree, leaf priorities and mode).
 */
export function dynamicScores(model: WhatIfModel, weights: Readonly<Record<string, readonly number[]>>): number[] {
  const local = new Map<string, ArrayLike<number>>(Object.entries(model.local));
  for (const [node, values] of Object.entries(weights)) if (local.has(node)) local.set(node, values);
  return synthesize(model.tree, model.alternatives.length, local, model.mode).scores;
}

/** The nodes whose children carry weights a person can move (the goal, then each criterion with sub-criteria), in tree order. */
export function weightedNodes(model: WhatIfModel): Array<{ node: string; children: string[]; weights: number[] }> {
  const nodes: Array<{ node: string; children: string[]; weights: number[] }> = [];
  const visit = (node: string, children: WhatIfModel['tree']) => {
    nodes.push({ node, children: children.map((child) => child.id), weights: [...(model.local[node] ?? children.map(() => 0))] });
    for (const child of children) if (child.children?.length) visit(child.id, child.children);
  };
  visit(GOAL_NODE_ID, model.tree);
  return nodes;
}

export type PerformanceRow = {
  /** A leaf criterion (the ones strategies are judged under), in tree order. */
  criterion: string;
  /** Its global weight. */
  weight: number;
  /** Each alternative's local priority under it (model order). */
  local: number[];
  /**
   * Each alternative's share of its final score that comes from this criterion: weight x local priority
   * (ideal mode: weight x priority / the best priority, over the sum of all totals). Summed over the leaves it
   * is the alternative's score.
   */
  weighted: number[];
};

/** Performance sensitivity: each leaf criterion's weight, the alternatives' local priorities and weighted scores. */
export function performance(model: WhatIfModel): PerformanceRow[] {
  const { synthesis } = model;
  const sum = synthesis.totals.reduce((acc, value) => acc + value, 0);
  return synthesis.leaves.map(({ id, global }) => ({
    criterion: id,
    weight: global,
    local: [...(model.local[id] ?? model.alternatives.map(() => 0))],
    weighted: (synthesis.contributions[id] ?? []).map((value) => (sum > 0 ? value / sum : 0)),
  }));
}

export type HeadToHeadRow = {
  criterion: string;
  weight: number;
  /** `first`'s and `second`'s weighted scores under this criterion (PerformanceRow.weighted). */
  first: number;
  second: number;
  /** first - second: positive where `first` leads. */
  difference: number;
  winner: 'first' | 'second' | 'tie';
};

export type HeadToHead = {
  first: string;
  second: string;
  rows: HeadToHeadRow[];
  /** first's score - second's score: the rows' differences summed. */
  difference: number;
  winner: 'first' | 'second' | 'tie';
};

const winnerOf = (difference: number): HeadToHeadRow['winner'] => (difference > TIE ? 'first' : difference < -TIE ? 'second' : 'tie');

/** Head-to-head: two alternatives leaf by leaf, which leads on each and by how much of the final score. Null for an unknown alternative. */
export function headToHead(model: WhatIfModel, first: string, second: string): HeadToHead | null {
  const a = model.alternatives.indexOf(first);
  const b = model.alternatives.indexOf(second);
  if (a < 0 || b < 0) return null;
  const rows = performance(model).map((row) => {
    const difference = row.weighted[a]! - row.weighted[b]!;
    return { criterion: row.criterion, weight: row.weight, first: row.weighted[a]!, second: row.weighted[b]!, difference, winner: winnerOf(difference) };
  });
  const difference = model.synthesis.scores[a]! - model.synthesis.scores[b]!;
  return { first, second, rows, difference, winner: winnerOf(difference) };
}
