import 'server-only';
import type { CriterionInput, NodeComparison, Problem } from '~/core/contracts/problem';
import { type RatingIntensity, ratingValue } from '~/core/contracts/ratings';
import type { ComputationSettings } from '~/core/contracts/session-export';
import type { SessionRow } from '~/db/schema';
import type { CriterionNode, Hierarchy } from '../shared/hierarchy';
import type { CountedJudgment, CountedRating } from '../shared/load-answers';
import { computeProgress } from '../shared/progress';

export function computationSettings(session: SessionRow): ComputationSettings {
  return {
    methodSettings: session.methodSettings,
    alternativeScoring: session.alternativeScoring,
    stakeholderWeights: session.stakeholderWeights,
    maxCr: session.maxCr,
  };
}

function toCriterionInput(node: CriterionNode): CriterionInput {
  return node.children.length > 0 ? { id: node.key, children: node.children.map(toCriterionInput) } : { id: node.key };
}

/** The hierarchy and method options of the engine problem (../shared/engine-cli.md, sections 2 and 3). */
export function problemFrame(hierarchy: Hierarchy, settings: ComputationSettings) {
  const { methodSettings } = settings;
  return {
    method: methodSettings.method,
    randomIndex: methodSettings.randomIndex,
    scale: methodSettings.scale,
    completion: methodSettings.completion,
    synthesis: methodSettings.synthesis,
    aggregation: methodSettings.aggregation,
    criteria: hierarchy.roots.map(toCriterionInput),
    alternatives: hierarchy.alternatives.map((a) => a.key),
  } satisfies Problem;
}

export type Answers = { judgments: CountedJudgment[]; ratings: CountedRating[] };

/**
 * One participant's comparisons keyed by node id, from their stored answers: judgments by scale position as
 * given, ratings turned into scores by the ratings scale. A node with a single element needs no answer and
 * gets the trivial 1x1 matrix.
 */
export function buildComparisons(
  hierarchy: Hierarchy,
  scoring: 'pairwise' | 'ratings',
  answers: Answers,
): Record<string, NodeComparison> {
  const comparisons: Record<string, NodeComparison> = {};
  for (const node of hierarchy.nodes.values()) {
    if (node.elements.length === 1) {
      comparisons[node.key] = [[1]];
    } else if (node.kind === 'alternatives' && scoring === 'ratings') {
      const scores: Record<string, number> = {};
      for (const rating of answers.ratings) {
        if (rating.criterionKey === node.key && node.elements.includes(rating.alternativeKey)) {
          scores[rating.alternativeKey] = ratingValue(rating.intensity as RatingIntensity);
        }
      }
      comparisons[node.key] = { scores };
    } else {
      comparisons[node.key] = {
        judgments: answers.judgments
          .filter((j) => j.nodeKey === node.key && node.elements.includes(j.aKey) && node.elements.includes(j.bKey))
          .map((j) => ({ a: j.aKey, b: j.bKey, position: j.position })),
      };
    }
  }
  return comparisons;
}

/** Why a participant's answers cannot enter a result yet, or null when they can. */
export function whyNotComputable(hierarchy: Hierarchy, scoring: 'pairwise' | 'ratings', answers: Answers): string | null {
  const progress = computeProgress(hierarchy, scoring, answers.judgments, answers.ratings);
  const missing = progress.nodes.filter((n) => !n.isComputable).map((n) => n.nodeKey);
  if (missing.length > 0) {
    return `not enough answers under ${missing.join(', ')} (every element must be linked by judgments, or every strategy rated)`;
  }
  if (scoring === 'ratings') {
    const allNone = hierarchy.leafKeys.filter((leaf) =>
      answers.ratings.filter((r) => r.criterionKey === leaf).every((r) => ratingValue(r.intensity as RatingIntensity) === 0),
    );
    if (allNone.length > 0 && hierarchy.alternatives.length > 1) {
      return `every strategy is rated "none" under ${allNone.join(', ')}, which gives no priorities`;
    }
  }
  return null;
}
