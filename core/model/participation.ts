import { ratingValue } from '../ahp/ratings-scale';
import type { CompletionMethod } from '../contracts/method';
import type { CrAboveLimit } from '../evaluate';
import type { Scoring } from './agenda';
import type { DecisionModel } from './decision-model';
import { type ParticipantAnswers, computeProgress } from './progress';

/**
 * Why a participant's answers are not in a result, as a code the surfaces translate (never a sentence to parse):
 * - `left-out-by-facilitator`: the facilitator left them out (their answers are kept);
 * - `weight-zero`: their own weight, or their stakeholder group's, is 0;
 * - `incomplete`: under `nodes` their judgments do not link every element yet (or not every alternative is rated);
 * - `all-ratings-none`: under `nodes` every alternative is rated "none", which gives no priorities;
 * - `cr-above-limit`: their CR on `node` is above the session's limit (the engine's `maxCr`);
 * - `joined-after-result`: they are not in the result at all: they joined after it was computed.
 */
export type Exclusion =
  | { code: 'left-out-by-facilitator' }
  | { code: 'weight-zero' }
  | { code: 'incomplete'; nodes: string[] }
  | { code: 'all-ratings-none'; nodes: string[] }
  | CrAboveLimit
  | { code: 'joined-after-result' };

export type ExclusionCode = Exclusion['code'];

/** A node whose weights were estimated from incomplete answers (`answered` of `required` pairs), by `method`. */
export type Estimation = { node: string; answered: number; required: number; method: CompletionMethod };

export type IncludedParticipant = { participantKey: string; estimated: Estimation[] };
export type ExcludedParticipant = { participantKey: string; exclusion: Exclusion };

/** Who a result includes (and which of their nodes are estimated), and who it leaves out and why. */
export type Coverage = { included: IncludedParticipant[]; excluded: ExcludedParticipant[] };

/** Where a participant stands in a result: in (with any estimated nodes), or out with the reason. */
export type Participation = { isIncluded: true; estimated: Estimation[] } | { isIncluded: false; exclusion: Exclusion };

/** A participant's weight in the group: their own times their stakeholder group's (a group without a weight weighs 1). */
export function effectiveWeight(
  participant: { readonly weight: number; readonly stakeholderGroup: string },
  stakeholderWeights: Readonly<Partial<Record<string, number>>>,
): number {
  return participant.weight * (stakeholderWeights[participant.stakeholderGroup] ?? 1);
}

/**
 * Whether a participant's answers can enter a result before any computation: left out, weight 0, not linked
 * enough, or rated everything "none" under a leaf; otherwise in, with the nodes that will be estimated from
 * incomplete answers. The CR limit is applied by the engine, which computes the CRs (`completeCoverage`).
 */
export function assessParticipant(
  model: DecisionModel,
  settings: { readonly scoring: Scoring; readonly completion: CompletionMethod },
  participant: { readonly isIncluded: boolean; readonly effectiveWeight: number },
  answers: ParticipantAnswers,
): Participation {
  if (!participant.isIncluded) return { isIncluded: false, exclusion: { code: 'left-out-by-facilitator' } };
  if (participant.effectiveWeight <= 0) return { isIncluded: false, exclusion: { code: 'weight-zero' } };
  const progress = computeProgress(model, settings.scoring, answers);
  const incomplete = progress.nodes.filter((n) => !n.isComputable).map((n) => n.nodeKey);
  if (incomplete.length > 0) return { isIncluded: false, exclusion: { code: 'incomplete', nodes: incomplete } };
  if (settings.scoring === 'ratings' && model.alternativeKeys.length > 1) {
    const allNone = model.leafKeys.filter((leaf) =>
      answers.ratings.filter((r) => r.criterionKey === leaf).every((r) => ratingValue(r.intensity) === 0),
    );
    if (allNone.length > 0) return { isIncluded: false, exclusion: { code: 'all-ratings-none', nodes: allNone } };
  }
  return {
    isIncluded: true,
    estimated: progress.nodes
      .filter((n) => n.isEstimated)
      .map((n) => ({ node: n.nodeKey, answered: n.answered, required: n.required, method: settings.completion })),
  };
}

/**
 * The coverage of a computed result: the assessments made before it, with the participants the engine then left
 * out (above the CR limit) moved from included to excluded. Order: as assessed (the order participants joined).
 */
export function completeCoverage(
  assessed: ReadonlyArray<{ participantKey: string; participation: Participation }>,
  engineExclusions: ReadonlyArray<{ id: string; exclusion: CrAboveLimit | null }>,
): Coverage {
  const byEngine = new Map(engineExclusions.map((entry) => [entry.id, entry.exclusion]));
  const coverage: Coverage = { included: [], excluded: [] };
  for (const { participantKey, participation } of assessed) {
    const engineExclusion = byEngine.get(participantKey) ?? null;
    if (!participation.isIncluded) coverage.excluded.push({ participantKey, exclusion: participation.exclusion });
    else if (engineExclusion) coverage.excluded.push({ participantKey, exclusion: engineExclusion });
    else coverage.included.push({ participantKey, estimated: participation.estimated });
  }
  return coverage;
}

/** Where a participant stands in a stored result; someone the result does not list joined after it was computed. */
export function participationIn(coverage: Coverage, participantKey: string): Participation {
  const included = coverage.included.find((entry) => entry.participantKey === participantKey);
  if (included) return { isIncluded: true, estimated: included.estimated };
  const excluded = coverage.excluded.find((entry) => entry.participantKey === participantKey);
  return { isIncluded: false, exclusion: excluded?.exclusion ?? { code: 'joined-after-result' } };
}

/** The number of a participant key (`p12` -> 12): participants are listed in the order they joined. */
export function participantNumber(key: string): number {
  return Number(key.slice(1));
}

export function byParticipantNumber<T extends { key: string }>(a: T, b: T): number {
  return participantNumber(a.key) - participantNumber(b.key);
}
