import type { inferRouterOutputs } from '@trpc/server';
import { useMemo } from 'react';
import { type AgendaItem, type ComparisonNode, type DecisionModel, buildDecisionModel } from '~/core/model';
import type { AppRouter } from '~/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;
type FullModelView = Pick<Outputs['session']['get']['model'], 'criteria' | 'alternatives'>;
type FullCriterion = FullModelView['criteria'][number];
type FullElement = FullModelView['alternatives'][number];
/**
 * The model as `session.get` carries it (names and descriptions in every language given), or as `workshop.room`
 * and `workshop.joinByCode` carry it to the projector and the phones (names only: descriptions are optional).
 */
export type CriterionView = Omit<FullCriterion, 'description' | 'children'> & Partial<Pick<FullCriterion, 'description'>> & { children: CriterionView[] };
export type ElementView = Omit<FullElement, 'description'> & Partial<Pick<FullElement, 'description'>>;
export type ModelView = { criteria: CriterionView[]; alternatives: ElementView[] };
/** The session's decision model in the browser: core/model built from what the server sent. */
export type UiModel = DecisionModel<CriterionView, ElementView>;
export type UiNode = ComparisonNode<CriterionView, ElementView>;

const EMPTY_VIEW: ModelView = { criteria: [], alternatives: [] };

/** core/model's DecisionModel of a model view, built once per view; an empty model while the view is loading. */
export function useDecisionModel(view: ModelView | null | undefined): UiModel {
  return useMemo(() => buildDecisionModel<CriterionView, ElementView>(view ?? EMPTY_VIEW), [view]);
}

/** The node an item is asked at, with the indexes of a pair's two elements in it (`a` first) or of the rated one. */
export function locateItem(model: UiModel, item: AgendaItem): { node: UiNode; i: number; j: number } | null {
  const node = model.node(item.kind === 'pair' ? item.nodeKey : item.criterionKey);
  if (!node) return null;
  if (item.kind === 'rating') {
    const i = node.elementKeys.indexOf(item.alternativeKey);
    return i < 0 ? null : { node, i, j: i };
  }
  const i = node.elementKeys.indexOf(item.a);
  const j = node.elementKeys.indexOf(item.b);
  return i < 0 || j < 0 ? null : { node, i, j };
}
