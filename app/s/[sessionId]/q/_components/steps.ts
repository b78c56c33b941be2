import type { CriterionView, ElementView, UiModel, UiNode } from '~/app/_components/use-decision-model';
import {
  type AgendaItem,
  type AlternativesNode,
  type JudgmentAnswer,
  type Progress,
  type RatingAnswer,
  type Scoring,
  buildAgenda,
  computeProgress,
  itemKey,
  nodeAnswerKind,
} from '~/core/model';

export type Step =
  | { kind: 'profile'; id: 'profile' }
  | { kind: 'pair'; id: string; node: UiNode; i: number; j: number; pairIndex: number; pairCount: number }
  | { kind: 'ratings'; id: string; node: AlternativesNode<CriterionView, ElementView>; criterion: CriterionView; alternatives: readonly ElementView[] }
  | { kind: 'result'; id: 'result' };

/** Where the answer to pair (i, j) of a node is kept here: core's pair identity; the position kept favours element i. */
export function pairAnswerKey(node: UiNode, i: number, j: number): string {
  return itemKey({ kind: 'pair', nodeKey: node.key, a: node.elementKeys[i]!, b: node.elementKeys[j]! });
}

export function ratingAnswerKey(criterionKey: string, alternativeKey: string): string {
  return itemKey({ kind: 'rating', criterionKey, alternativeKey });
}

/**
 * The questionnaire's steps: the profile, then the round's agenda (core/model buildAgenda: the nodes in canonical
 * order, pairs in element order), one step per pair and one per leaf criterion for its ratings, then the result.
 */
export function buildSteps(model: UiModel, scoring: Scoring): Step[] {
  const steps: Step[] = [{ kind: 'profile', id: 'profile' }];
  for (const item of buildAgenda(model, scoring)) {
    if (item.kind === 'rating') {
      const node = model.node(item.criterionKey);
      if (node?.kind !== 'alternatives' || steps.at(-1)?.id === `ratings|${node.key}`) continue;
      steps.push({ kind: 'ratings', id: `ratings|${node.key}`, node, criterion: node.criterion.spec, alternatives: node.elements });
      continue;
    }
    const node = model.node(item.nodeKey)!;
    const i = node.elementKeys.indexOf(item.a);
    const j = node.elementKeys.indexOf(item.b);
    const pairCount = (node.elementKeys.length * (node.elementKeys.length - 1)) / 2;
    const pairIndex = steps.filter((s) => s.kind === 'pair' && s.node.key === node.key).length;
    steps.push({ kind: 'pair', id: itemKey(item), node, i, j, pairIndex, pairCount });
  }
  steps.push({ kind: 'result', id: 'result' });
  return steps;
}

/** The questions a step answers, as the agenda (and the server's answer gate) names them. */
export function stepItems(step: Step): AgendaItem[] {
  if (step.kind === 'pair') return [{ kind: 'pair', nodeKey: step.node.key, a: step.node.elementKeys[step.i]!, b: step.node.elementKeys[step.j]! }];
  if (step.kind === 'ratings') return step.alternatives.map((a) => ({ kind: 'rating', criterionKey: step.criterion.key, alternativeKey: a.key }));
  return [];
}

/** The nodes compared in pairs (everything but the rated leaves of a ratings session). */
export function pairwiseNodes(model: UiModel, scoring: Scoring): UiNode[] {
  return model.nodes.filter((node) => nodeAnswerKind(node, scoring) === 'pairs');
}

/** The answers held in this browser, as core/model reads a participant's answers. */
export function toParticipantAnswers(
  model: UiModel,
  scoring: Scoring,
  judgments: ReadonlyMap<string, number>,
  ratings: ReadonlyMap<string, string>,
): { judgments: JudgmentAnswer[]; ratings: RatingAnswer[] } {
  const out: { judgments: JudgmentAnswer[]; ratings: RatingAnswer[] } = { judgments: [], ratings: [] };
  for (const item of buildAgenda(model, scoring)) {
    if (item.kind === 'pair') {
      const position = judgments.get(itemKey(item));
      if (position !== undefined) out.judgments.push({ nodeKey: item.nodeKey, aKey: item.a, bKey: item.b, position });
    } else {
      const intensity = ratings.get(itemKey(item));
      if (intensity !== undefined) out.ratings.push({ criterionKey: item.criterionKey, alternativeKey: item.alternativeKey, intensity });
    }
  }
  return out;
}

/** Progress of the answers held in this browser, by core/model's rules (the server's participant.me says the same). */
export function localProgress(model: UiModel, scoring: Scoring, judgments: ReadonlyMap<string, number>, ratings: ReadonlyMap<string, string>): Progress {
  return computeProgress(model, scoring, toParticipantAnswers(model, scoring, judgments, ratings));
}
