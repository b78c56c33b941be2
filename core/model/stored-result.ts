import type { CrAboveLimit, GroupHierarchyResult, HierarchyResult, NodeResult } from '../evaluate';
import type { StakeholderGroupComparison } from '../group/stakeholder-groups';
import type { Coverage, Estimation, Exclusion } from './participation';

/**
 * A group result as a session stores it: the engine's output exactly as returned, and the stakeholder groups side
 * by side (evaluateGroup in ./evaluate-session), which the results page, the report and the exports all read.
 * Results computed before the comparison existed, and live ones that skip it, have no `stakeholderGroups`.
 */
export type GroupSessionResult = GroupHierarchyResult & { stakeholderGroups?: StakeholderGroupComparison };

/**
 * The result a session stores: one person's hierarchy or the group's (core/contracts/session-result.ts checks the
 * same shape on import).
 */
export type SessionResult = HierarchyResult | GroupSessionResult;

export type GroupParticipantResult = GroupHierarchyResult['participants'][number];

/**
 * A result as the results page and the report read it: the group's per-participant engine detail (each one's node
 * results, weights and ranking, about 6 KB a person) left out, so its size does not grow with the group's. Every
 * other group-level section is bounded by the model (nodes, pairs, elements) or a fixed count (`furthest`, the
 * `disagreement` per node: 3 each), and new group-level sections should be too.
 */
export type GroupResultSummary = Omit<GroupSessionResult, 'participants'>;
export type ResultSummary = HierarchyResult | GroupResultSummary;

export function summarizeResult(result: SessionResult): ResultSummary {
  if (!isGroupResult(result)) return result;
  const { participants: _participants, ...summary } = result;
  return summary;
}

/**
 * How results were stored before format version 2: exclusions as sentences, the consistency source, the
 * completion's convergence, the Monte Carlo model and the consensus formula not named.
 */
type LegacyNodeResult = Omit<NodeResult, 'completion'> & { completion: Omit<NonNullable<NodeResult['completion']>, 'convergence'> | null };
type RankProbabilityOf<R> = R extends { robustness: { rankProbability: infer P } } ? NonNullable<P> : never;
type LegacyRobustness = Omit<HierarchyResult['robustness'], 'rankProbability'> & {
  rankProbability: Omit<RankProbabilityOf<HierarchyResult>, 'model'> | null;
};
export type LegacyHierarchyResult = Omit<HierarchyResult, 'consistencyOf' | 'nodes' | 'robustness'> & {
  nodes: Record<string, LegacyNodeResult>;
  robustness: LegacyRobustness;
};
export type LegacyGroupHierarchyResult = Omit<
  GroupHierarchyResult,
  'consistencyOf' | 'participants' | 'nodes' | 'robustness' | 'consensusFormula' | 'consensusBelowZero'
> & {
  nodes: Record<string, LegacyNodeResult>;
  robustness: LegacyRobustness;
  participants: Array<Omit<GroupParticipantResult, 'exclusion' | 'nodes'> & { exclusionReason: string | null; nodes: Record<string, LegacyNodeResult> }>;
};
export type LegacySessionResult = LegacyHierarchyResult | LegacyGroupHierarchyResult;
export type LegacyCoverage = { included: string[]; skipped: Array<{ participantKey: string; reason: string }> };

/** What a `results` row may hold: the current shape, or the one rows were written in before. */
export type StoredResult = SessionResult | LegacySessionResult;
export type StoredCoverage = Coverage | LegacyCoverage;

export function isGroupResult<R extends ResultSummary>(result: R): result is Extract<R, { kind: 'group-hierarchy' }> {
  return result.kind === 'group-hierarchy';
}

function isLegacyCoverage(coverage: StoredCoverage): coverage is LegacyCoverage {
  return 'skipped' in coverage;
}

function isCurrentResult(result: StoredResult): result is SessionResult {
  return 'consistencyOf' in result;
}

/**
 * Rows written before this version said why someone was skipped in an English sentence; these are the four
 * sentences server/services/results wrote then (and the only place a sentence is read: new rows store codes).
 */
function legacyExclusion(reason: string): Exclusion | null {
  const nodesAfter = (prefix: string, end: string) => {
    const rest = reason.slice(prefix.length);
    const stop = rest.indexOf(end);
    return (stop < 0 ? rest : rest.slice(0, stop)).split(', ').filter(Boolean);
  };
  if (reason.startsWith('left out by the facilitator')) return { code: 'left-out-by-facilitator' };
  if (reason.startsWith('weight 0')) return { code: 'weight-zero' };
  if (reason.startsWith('not enough answers under ')) return { code: 'incomplete', nodes: nodesAfter('not enough answers under ', ' (') };
  if (reason.startsWith('every strategy is rated "none" under ')) {
    return { code: 'all-ratings-none', nodes: nodesAfter('every strategy is rated "none" under ', ', which') };
  }
  return null;
}

function worstNode(nodes: Record<string, { cr: number }>): { node: string; cr: number } {
  let worst = { node: '', cr: 0 };
  for (const [node, result] of Object.entries(nodes)) if (result.cr > worst.cr) worst = { node, cr: result.cr };
  return worst;
}

/** Estimated nodes of someone in a stored result, from their node results (a completion means missing pairs). */
function estimatedFrom(nodes: HierarchyResult['nodes']): Estimation[] {
  return Object.entries(nodes).flatMap(([node, result]) => {
    if (!result.completion) return [];
    const n = Object.keys(result.weights).length;
    const required = (n * (n - 1)) / 2;
    return [{ node, answered: required - result.completion.values.length, required, method: result.completion.method }];
  });
}

/**
 * A stored row's result and coverage in the current shape: current rows as they are; older rows upgraded (each
 * participant's CR exclusion as a code on their worst node, the consistency source named, skip sentences as codes,
 * and the participants the engine left out above the CR limit, whom old coverage listed as included, moved out).
 * Throws on a legacy skip reason this code never wrote (a hand-edited file), naming it.
 */
export function upgradeStoredResult(row: { result: StoredResult; coverage: StoredCoverage; maxCr: number | null }): {
  result: SessionResult;
  coverage: Coverage;
} {
  const result = isCurrentResult(row.result) ? row.result : upgradeResult(row.result, row.maxCr);
  if (!isLegacyCoverage(row.coverage)) return { result, coverage: row.coverage };
  const engineExclusions = new Map<string, CrAboveLimit>();
  const entries = new Map<string, GroupParticipantResult>();
  if (isGroupResult(result)) {
    for (const p of result.participants) {
      entries.set(p.id, p);
      if (p.exclusion) engineExclusions.set(p.id, p.exclusion);
    }
  }
  const coverage: Coverage = { included: [], excluded: [] };
  for (const participantKey of row.coverage.included) {
    const exclusion = engineExclusions.get(participantKey);
    if (exclusion) coverage.excluded.push({ participantKey, exclusion });
    else {
      const nodes = isGroupResult(result) ? entries.get(participantKey)?.nodes : result.nodes;
      coverage.included.push({ participantKey, estimated: nodes ? estimatedFrom(nodes) : [] });
    }
  }
  for (const { participantKey, reason } of row.coverage.skipped) {
    const exclusion = legacyExclusion(reason);
    if (!exclusion) throw new RangeError(`a stored result gives an unknown reason for leaving out ${participantKey}: "${reason}"`);
    coverage.excluded.push({ participantKey, exclusion });
  }
  return { result, coverage };
}

function upgradeNodes(nodes: Record<string, LegacyNodeResult>): Record<string, NodeResult> {
  return Object.fromEntries(
    Object.entries(nodes).map(([key, node]) => [key, { ...node, completion: node.completion ? { ...node.completion, convergence: null } : null }]),
  );
}

function upgradeRobustness(robustness: LegacyRobustness): HierarchyResult['robustness'] {
  const { rankProbability } = robustness;
  // Before the Monte Carlo model was a choice, every rank probability varied the judgments by the room's spread.
  return { ...robustness, rankProbability: rankProbability ? { ...rankProbability, model: 'spread' } : null };
}

function upgradeResult(result: LegacySessionResult, maxCr: number | null): SessionResult {
  const nodes = upgradeNodes(result.nodes);
  const robustness = upgradeRobustness(result.robustness);
  if (result.kind === 'hierarchy') return { ...result, nodes, robustness, consistencyOf: 'own-judgments' };
  const { participants, ...rest } = result;
  return {
    ...rest,
    nodes,
    robustness,
    consistencyOf: 'aggregated-judgments',
    // The engine computed AHP-OS's version of the indicator then, clamping any value below 0 to 0.
    consensusFormula: 'ahp-os',
    consensusBelowZero: [],
    participants: participants.map(({ exclusionReason, nodes: own, ...participant }) => {
      const upgraded = { ...participant, nodes: upgradeNodes(own) };
      if (exclusionReason === null || !participant.excluded) return { ...upgraded, exclusion: null };
      const worst = worstNode(own);
      return { ...upgraded, exclusion: { code: 'cr-above-limit', node: worst.node, cr: worst.cr, limit: maxCr ?? 0 } };
    }),
  };
}
