import type { inferRouterOutputs } from '@trpc/server';
import type { NodeResult } from '~/core';
import type { AppRouter } from '~/server/trpc/root';

export { isGroupResult, type ResultSummary } from '~/core/model';

type Outputs = inferRouterOutputs<AppRouter>;
export type SessionData = Outputs['session']['get'];
export type ResultsData = Outputs['result']['get'];
/** A stored result as its page shows it: the engine's result, its coverage, its participants and its recommendation. */
export type ResultView = NonNullable<ResultsData['group']>;
export type ParticipantInResult = ResultView['participants'][number];

/** The weight of one element of a node result (a hierarchy keys them by element id). */
export function weightOf(node: NodeResult | undefined, element: string): number | null {
  const value = node?.weights[element];
  return typeof value === 'number' ? value : null;
}

/** A judged ratio a/b told the way people say it: which one is more important, and how many times. */
export function describeRatio(a: string, b: string, ratio: number): { isEqual: boolean; more: string; factor: number } {
  const factor = ratio >= 1 ? ratio : 1 / ratio;
  return { isEqual: factor < 1.05, more: ratio >= 1 ? a : b, factor };
}
