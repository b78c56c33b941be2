import { GOAL_NODE_ID } from '../model/decision-model';
import type { SynthesisMode } from '../contracts/method';
import { synthesize, type CriterionNode, type Synthesis } from '../synthesis/synthesize';
import { totalAt } from './weight-thresholds';

/** What a stored hierarchy result must still hold for its synthesis to be rebuilt (JSON, as the engine wrote it). */
export type StoredHierarchy = {
  synthesis: SynthesisMode;
  /** Node id -> the weights of its elements, keyed by element id (the goal, every criterion). */
  nodes: Record<string, { weights: number[] | Record<string, number> }>;
  alternatives: Record<string, number>;
  /** Alternatives by descending score, ties in the engine's order. */
  ranking: string[];
};

export type WhatIfModel = {
  /** In the engine's ranking order, so that a tie resolves as the engine resolved it. */
  alternatives: string[];
  synthesis: Synthesis;
  /** The criteria tree and the local weights synthesize() was given (plain JSON: the browser re-synthesizes from them). */
  tree: CriterionNode[];
  /** Node id -> its elements' local weights: a criterion's sub-criteria in tree order, a leaf's alternatives in `alternatives` order. */
  local: Record<string, number[]>;
  mode: SynthesisMode;
};

/**
 * Rebuilds the synthesis of a stored result from its node weights, so the one-criterion sensitivity can be
 * replayed (in the browser too) without the answers. A node whose elements are the alternatives is a leaf; any
 * other node's elements are its sub-criteria. Alternatives are ordered as the stored ranking, which keeps the
 * engine's tie order; the totals are the engine's up to floating-point summation order.
 */
export function whatIfModel(result: StoredHierarchy): WhatIfModel {
  const alternatives = [...result.ranking];
  const alternativeSet = new Set(alternatives);
  const elementsOf = (id: string): string[] => {
    const weights = result.nodes[id]?.weights;
    return weights && !Array.isArray(weights) ? Object.keys(weights) : [];
  };
  const isLeaf = (id: string) => {
    const elements = elementsOf(id);
    return elements.length > 0 && elements.every((element) => alternativeSet.has(element));
  };
  const build = (id: string): CriterionNode[] =>
    elementsOf(id).map((child) => (isLeaf(child) ? { id: child } : { id: child, children: build(child) }));
  const criteria = build(GOAL_NODE_ID);
  const local: Record<string, number[]> = {};
  for (const [id, node] of Object.entries(result.nodes)) {
    const weights = node.weights;
    if (Array.isArray(weights)) continue;
    const order = isLeaf(id) ? alternatives : elementsOf(id);
    local[id] = order.map((element) => weights[element] ?? 0);
  }
  return {
    alternatives,
    synthesis: synthesize(criteria, alternatives.length, new Map(Object.entries(local)), result.synthesis),
    tree: criteria,
    local,
    mode: result.synthesis,
  };
}

/**
 * The alternatives' scores (summing to 1, in the model's alternative order) when `criterion`'s global weight
 * is moved to `weight` and every other part of the hierarchy is rescaled by (1 - weight) / (1 - g): the same
 * linear model as weightThresholds, so the top alternative changes exactly at the thresholds it reports.
 * `weight` is clamped to 0..1. Null when the criterion is unknown or its weight is 0 or 1 (nothing to rescale
 * against).
 */
export function scoresAtWeight(model: WhatIfModel, criterion: string, weight: number): number[] | null {
  const current = model.synthesis.criteria[criterion]?.global;
  if (current === undefined || !(current > 0 && current < 1)) return null;
  const at = Math.min(1, Math.max(0, weight));
  const totals = model.alternatives.map((_, a) => totalAt(model.synthesis, criterion, a, at));
  const sum = totals.reduce((acc, value) => acc + value, 0);
  return totals.map((value) => (sum > 0 ? value / sum : 1 / totals.length));
}
