import type { MonteCarloModel } from '../contracts/method';
import type { Recommendation } from './recommend';

/**
 * The plain-language explanation as structured sentences: a message key and the numbers it quotes, all taken
 * from the computed result. The UI words them in the session's language (messages `results.explain.<key>`), so the
 * same explanation reads in English, Russian and Azerbaijani and no number is ever typed into text by hand.
 */
export type ExplanationSentence =
  | { key: 'ranks-first'; values: { strategy: string; share: number; lead: number; runnerUp: string | null } }
  | { key: 'tied-first'; values: { strategy: string; share: number; runnerUp: string } }
  | { key: 'stays-first-unless'; values: { criterion: string; direction: 'rises' | 'falls'; threshold: number; weight: number; newTop: string } }
  | { key: 'no-single-weight-overturns'; values: { strategy: string } }
  | { key: 'probability-first'; values: { strategy: string; probability: number; model: MonteCarloModel } }
  | { key: 'consensus'; values: { level: string; value: number } }
  | { key: 'least-agreement'; values: { node: string; value: number } }
  | { key: 'start-with'; values: { measures: string[] } };

export type ExplainInput = {
  recommendation: Recommendation;
  /** Overall consensus (0..1) and its level, for a group. */
  consensus?: { value: number; level: string } | null;
  /** Consensus per node, to name the one with the least agreement. */
  nodeConsensus?: Record<string, number> | null;
  /** What the Monte Carlo behind `probabilityFirst` varied, so the sentence can say it; `spread` when absent. */
  monteCarloModel?: MonteCarloModel | null;
};

/** Below this a node's consensus is worth naming as a point of disagreement. */
export const LOW_NODE_CONSENSUS = 0.75;

export function explain({ recommendation, consensus, nodeConsensus, monteCarloModel }: ExplainInput): ExplanationSentence[] {
  const { strategy } = recommendation;
  const sentences: ExplanationSentence[] = [
    strategy.isTie && strategy.runnerUp !== null
      ? { key: 'tied-first', values: { strategy: strategy.strategy, share: strategy.score, runnerUp: strategy.runnerUp } }
      : { key: 'ranks-first', values: { strategy: strategy.strategy, share: strategy.score, lead: strategy.margin, runnerUp: strategy.runnerUp } },
  ];
  if (strategy.nearestThreshold) {
    const { criterion, direction, threshold, weight, newTop } = strategy.nearestThreshold;
    sentences.push({ key: 'stays-first-unless', values: { criterion, direction, threshold, weight, newTop } });
  } else {
    sentences.push({ key: 'no-single-weight-overturns', values: { strategy: strategy.strategy } });
  }
  if (strategy.probabilityFirst !== null) {
    sentences.push({
      key: 'probability-first',
      values: { strategy: strategy.strategy, probability: strategy.probabilityFirst, model: monteCarloModel ?? 'spread' },
    });
  }
  if (consensus) sentences.push({ key: 'consensus', values: { level: consensus.level, value: consensus.value } });
  if (nodeConsensus) {
    const weakest = Object.entries(nodeConsensus).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0];
    if (weakest && weakest[1] < LOW_NODE_CONSENSUS) sentences.push({ key: 'least-agreement', values: { node: weakest[0], value: weakest[1] } });
  }
  if (recommendation.measures.length) {
    sentences.push({ key: 'start-with', values: { measures: recommendation.measures.slice(0, 3).map((m) => m.key) } });
  }
  return sentences;
}
