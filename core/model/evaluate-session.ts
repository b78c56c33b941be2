import { ratingValue } from '../ahp/ratings-scale';
import type { MethodSettings } from '../contracts/method';
import type { ComputationSettings } from '../contracts/session-export';
import type { CriterionInput, NodeComparison, Problem } from '../contracts/problem';
import {
  type HierarchyResult,
  NoParticipantLeftError,
  evaluateGroupHierarchy,
  evaluateGroupHierarchyBySubsets,
  evaluateHierarchy,
} from '../evaluate';
import { STAKEHOLDER_GROUPS } from '../contracts/session';
import { compareStakeholderGroups } from '../group/stakeholder-groups';
import { type Scoring, nodeAnswerKind } from './agenda';
import type { AnyCriterion, DecisionModel } from './decision-model';
import { type Coverage, type Participation, assessParticipant, completeCoverage, effectiveWeight } from './participation';
import type { ParticipantAnswers } from './progress';
import type { GroupSessionResult } from './stored-result';

export type { ComputationSettings };

function toCriterionInput(node: AnyCriterion): CriterionInput {
  return node.children.length > 0 ? { id: node.key, children: node.children.map(toCriterionInput) } : { id: node.key };
}

/** The hierarchy and method options of the engine problem (docs/engine-cli.md, sections 2 and 3). */
function problemFrame(model: DecisionModel, methodSettings: MethodSettings) {
  return {
    method: methodSettings.method,
    randomIndex: methodSettings.randomIndex,
    scale: methodSettings.scale,
    completion: methodSettings.completion,
    synthesis: methodSettings.synthesis,
    aggregation: methodSettings.aggregation,
    criteria: model.roots.map(toCriterionInput),
    alternatives: [...model.alternativeKeys],
  } satisfies Problem;
}

/**
 * One participant's comparisons keyed by node id, from their stored answers: judgments by scale position as given
 * (the engine reads the pair's order), ratings turned into scores by the ratings scale. A node with a single
 * element needs no answer and gets the trivial 1x1 matrix. Answers about elements the node lacks are left out.
 */
function nodeComparisons(model: DecisionModel, scoring: Scoring, answers: ParticipantAnswers): Record<string, NodeComparison> {
  const comparisons: Record<string, NodeComparison> = {};
  for (const node of model.nodes) {
    const valid = new Set(node.elementKeys);
    switch (nodeAnswerKind(node, scoring)) {
      case 'none':
        comparisons[node.key] = [[1]];
        break;
      case 'ratings': {
        const scores: Record<string, number> = {};
        for (const rating of answers.ratings) {
          if (rating.criterionKey === node.key && valid.has(rating.alternativeKey)) scores[rating.alternativeKey] = ratingValue(rating.intensity);
        }
        comparisons[node.key] = { scores };
        break;
      }
      case 'pairs':
        comparisons[node.key] = {
          judgments: answers.judgments
            .filter((j) => j.nodeKey === node.key && valid.has(j.aKey) && valid.has(j.bKey))
            .map((j) => ({ a: j.aKey, b: j.bKey, position: j.position })),
        };
        break;
    }
  }
  return comparisons;
}

/** A participant as a group computation sees them. */
export type GroupMember = {
  readonly key: string;
  readonly isIncluded: boolean;
  readonly weight: number;
  readonly stakeholderGroup: string;
  readonly answers: ParticipantAnswers;
};

export type GroupEvaluation =
  | { isComputed: true; result: GroupSessionResult; coverage: Coverage }
  /** Nobody's answers can enter the result: `coverage` says why for each member (empty when nobody joined). */
  | { isComputed: false; coverage: Coverage };

/**
 * The group result of a session: every member the facilitator has not left out, whose weight is above 0 and whose
 * answers can be computed (assessParticipant), weighted by effectiveWeight and aggregated as the settings say, with
 * the CR limit applied by the engine; and the coverage that says who is in, who is out and why, and which nodes are
 * estimated. With it, the stakeholder groups side by side (`stakeholderGroups`, core/group/stakeholder-groups): each
 * group's own result from the same included members alone, without the Monte Carlo (each person's analysis is shared
 * with the whole group's, evaluateGroupHierarchyBySubsets); a stakeholder-group weight is one factor for all of a
 * group's members, so it changes nothing within the group, and a group weighted 0 has no figures.
 * `monteCarlo: false` skips the rank probabilities and `stakeholderGroups: false` the groups' comparison (live
 * dashboards). Members in the order they joined.
 */
export function evaluateGroup(
  model: DecisionModel,
  settings: ComputationSettings,
  members: readonly GroupMember[],
  { monteCarlo, stakeholderGroups }: { monteCarlo?: false; stakeholderGroups?: false } = {},
): GroupEvaluation {
  const assessed: Array<{ participantKey: string; participation: Participation }> = [];
  const participants: NonNullable<Problem['participants']> = [];
  for (const member of members) {
    const weight = effectiveWeight(member, settings.stakeholderWeights);
    const participation = assessParticipant(
      model,
      { scoring: settings.alternativeScoring, completion: settings.methodSettings.completion },
      { isIncluded: member.isIncluded, effectiveWeight: weight },
      member.answers,
    );
    assessed.push({ participantKey: member.key, participation });
    if (participation.isIncluded) {
      participants.push({ id: member.key, weight, comparisons: nodeComparisons(model, settings.alternativeScoring, member.answers) });
    }
  }
  if (participants.length === 0) return { isComputed: false, coverage: completeCoverage(assessed, []) };
  const problem: Problem = {
    ...problemFrame(model, settings.methodSettings),
    ...(settings.maxCr !== null ? { maxCr: settings.maxCr } : {}),
    monteCarlo: monteCarlo === false ? false : { model: settings.methodSettings.monteCarloModel },
    participants,
  };
  try {
    if (stakeholderGroups === false) {
      const result = evaluateGroupHierarchy(problem);
      return { isComputed: true, result, coverage: completeCoverage(assessed, result.participants) };
    }
    const inProblem = new Set(participants.map((p) => p.id));
    const groups = STAKEHOLDER_GROUPS.map((group) => members.filter((member) => member.stakeholderGroup === group)).map((inGroup, i) => ({
      group: STAKEHOLDER_GROUPS[i]!,
      members: inGroup.length,
      ids: inGroup.filter((member) => inProblem.has(member.key)).map((member) => member.key),
    }));
    const joined = groups.filter((g) => g.members > 0);
    const { whole, subsets } = evaluateGroupHierarchyBySubsets(
      problem,
      joined.map((g) => g.ids),
    );
    const own = joined.map((g, i) => {
      const subset = subsets[i]!;
      const result = subset instanceof Error ? null : subset;
      return { group: g.group, members: g.members, included: result ? result.participants.filter((p) => !p.excluded).length : 0, result };
    });
    const coverage = completeCoverage(assessed, whole.participants);
    const leaves = model.criteria.filter((criterion) => criterion.isLeaf).map((criterion) => criterion.key);
    const comparison = compareStakeholderGroups({ ...whole, included: coverage.included.length }, own, leaves, model.alternativeKeys);
    return { isComputed: true, result: { ...whole, stakeholderGroups: comparison }, coverage };
  } catch (error) {
    if (error instanceof NoParticipantLeftError) return { isComputed: false, coverage: completeCoverage(assessed, error.exclusions) };
    throw error;
  }
}

export type IndividualEvaluation =
  | { isComputed: true; result: HierarchyResult; coverage: Coverage }
  | { isComputed: false; coverage: Coverage };

/** One participant's own result from their own answers, with the same assessment a group result would make. */
export function evaluateIndividual(
  model: DecisionModel,
  settings: ComputationSettings,
  member: Pick<GroupMember, 'key' | 'answers'>,
): IndividualEvaluation {
  const participation = assessParticipant(
    model,
    { scoring: settings.alternativeScoring, completion: settings.methodSettings.completion },
    { isIncluded: true, effectiveWeight: 1 },
    member.answers,
  );
  const coverage = completeCoverage([{ participantKey: member.key, participation }], []);
  if (!participation.isIncluded) return { isComputed: false, coverage };
  const result = evaluateHierarchy({
    ...problemFrame(model, settings.methodSettings),
    comparisons: nodeComparisons(model, settings.alternativeScoring, member.answers),
  });
  return { isComputed: true, result, coverage };
}
