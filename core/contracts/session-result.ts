import { z } from 'zod';
import type { Coverage } from '../model/participation';
import {
  type LegacyCoverage,
  type LegacySessionResult,
  type SessionResult as SessionResultType,
  type StoredCoverage,
  type StoredResult,
  upgradeStoredResult,
} from '../model/stored-result';
import { Slug } from './localized';
import { AggregationMethod, CompletionMethod, ConsensusFormula, MonteCarloModel, PriorityMethod, RandomIndexTable, SynthesisMode } from './method';
import { MAX_ELEMENTS_PER_NODE } from './model';
import { MAX_CRITERIA_PER_SESSION } from './model-edits';
import { MAX_PARTICIPANTS_LIMIT, STAKEHOLDER_GROUPS, StakeholderGroup } from './session';
import { MAX_DISAGREEMENTS } from '../group/stakeholder-groups';
import { COMPATIBILITY_LIMIT } from '../group/compatibility';

/**
 * The stored result of a session as a contract: what `session.import` accepts in a file's `results` (current and
 * earlier shapes, upgraded by core/model/stored-result), checked to the last field so that nothing another tool
 * wrote reaches a results page, a report or an export unchecked. The TypeScript types are the engine's own; the
 * checks at the end of this file fail the build if the two ever drift apart.
 */
const Key = Slug;
const Figure = z.number().finite();
const Count = z.number().int().min(0);
const Index = z.number().int().min(0).max(MAX_ELEMENTS_PER_NODE);
const NODE_LIMIT = MAX_CRITERIA_PER_SESSION + 1;

/** A record keyed by element or node keys, with at most `max` entries. */
const keyed = <T extends z.ZodType>(value: T, max: number) =>
  z.record(Key, value).refine((record) => Object.keys(record).length <= max, { message: `has more than ${max} entries` });

const NamedPair = { i: Index, j: Index, a: Key.optional(), b: Key.optional() };

const Convergence = z.object({
  criterion: z.enum(['gradient', 'collatz-wielandt']),
  tolerance: Figure,
  reached: Figure,
  isConverged: z.boolean(),
  iterations: Count,
});

const MatrixFields = {
  method: z.union([PriorityMethod, z.literal('direct')]),
  isApproximation: z.boolean(),
  weights: keyed(Figure, MAX_ELEMENTS_PER_NODE),
  lambdaMax: Figure,
  ci: Figure,
  cr: Figure,
  randomIndex: z
    .object({
      table: RandomIndexTable,
      n: Count,
      value: Figure,
      source: z.enum(['table', 'interpolated', 'alonso-lamata-fit']),
    })
    .nullable(),
  gci: Figure,
  isConsistentEnough: z.boolean(),
  mostInconsistent: z
    .array(z.object({ ...NamedPair, value: Figure, consistentValue: Figure, consistentPosition: z.number().int().min(-8).max(8), error: Figure }))
    .max(10),
  nextPair: z.object(NamedPair).nullable(),
};
const CompletionValues = z.array(z.object({ ...NamedPair, value: Figure })).max(190);

export const StoredMatrixResult = z.object({
  ...MatrixFields,
  completion: z.object({ method: CompletionMethod, values: CompletionValues, convergence: Convergence.nullable() }).nullable(),
});
const LegacyMatrixResult = z.object({ ...MatrixFields, completion: z.object({ method: CompletionMethod, values: CompletionValues }).nullable() });

const Nodes = keyed(StoredMatrixResult, NODE_LIMIT);
const LegacyNodes = keyed(LegacyMatrixResult, NODE_LIMIT);
const Shares = keyed(Figure, MAX_ELEMENTS_PER_NODE);
const Ranking = z.array(Key).max(MAX_ELEMENTS_PER_NODE);
const Change = z.object({ weight: Figure, newTop: Key }).nullable();

const RobustnessFields = {
  thresholds: z.array(z.object({ criterion: Key, weight: Figure, lower: Change, upper: Change })).max(NODE_LIMIT),
  reversals: z
    .array(
      z.object({
        a: Key,
        b: Key,
        criterion: Key.nullable(),
        weight: Figure.nullable(),
        reversesAt: Figure.nullable(),
        change: Figure.nullable(),
      }),
    )
    .max(MAX_ELEMENTS_PER_NODE * MAX_ELEMENTS_PER_NODE),
};
const RankProbabilityFields = { samples: Count, seed: Count, firstPlace: Shares };
const Robustness = z.object({ ...RobustnessFields, rankProbability: z.object({ ...RankProbabilityFields, model: MonteCarloModel }).nullable() });
const LegacyRobustness = z.object({ ...RobustnessFields, rankProbability: z.object(RankProbabilityFields).nullable() });

/** One node's judgments, row by row (see JudgedMatrices in core/evaluate.ts). */
const JudgedRows = z.array(z.array(Figure.positive().nullable()).max(MAX_ELEMENTS_PER_NODE)).max(MAX_ELEMENTS_PER_NODE);

const HierarchyShared = {
  method: PriorityMethod,
  judgedMatrices: keyed(JudgedRows, NODE_LIMIT).optional(),
  synthesis: SynthesisMode,
  criteria: keyed(z.object({ local: Figure, global: Figure }), MAX_CRITERIA_PER_SESSION),
  alternatives: Shares,
  ranking: Ranking,
};
const HierarchyCore = { ...HierarchyShared, nodes: Nodes, robustness: Robustness };
const LegacyHierarchyCore = { ...HierarchyShared, nodes: LegacyNodes, robustness: LegacyRobustness };

const Distance = z.object({ id: Key, distance: Figure });
const CrAboveLimit = z.object({ code: z.literal('cr-above-limit'), node: Key, cr: Figure, limit: Figure });

const GroupShared = {
  aggregation: AggregationMethod,
  consensus: keyed(Figure, NODE_LIMIT),
  overallConsensus: Figure,
  consensusLevel: z.enum(['very-low', 'low', 'moderate', 'high', 'very-high']),
  dispersion: keyed(
    z.array(z.object({ i: Index, j: Index, a: Key, b: Key, geometricMean: Figure, geometricSd: Figure, count: Count })).max(190),
    NODE_LIMIT,
  ),
  disagreement: keyed(z.array(Distance).max(MAX_PARTICIPANTS_LIMIT), NODE_LIMIT),
  furthest: z.array(Distance).max(MAX_PARTICIPANTS_LIMIT),
};
const GroupCore = {
  ...HierarchyCore,
  ...GroupShared,
  consensusFormula: ConsensusFormula,
  consensusBelowZero: z
    .array(z.object({ node: Key.nullable(), value: Figure, reason: z.literal('more-diverse-than-formula-maximum') }))
    .max(NODE_LIMIT + 1),
};
const LegacyGroupCore = { ...LegacyHierarchyCore, ...GroupShared };

const ParticipantShared = {
  id: Key,
  weight: Figure,
  excluded: z.boolean(),
  distance: Figure.nullable(),
  alternatives: Shares.nullable(),
  ranking: Ranking.nullable(),
};
const ParticipantCore = { ...ParticipantShared, nodes: Nodes };

const GROUP_COUNT = STAKEHOLDER_GROUPS.length;
const Distances = {
  criteriaCompatibility: Figure.min(1).nullable(),
  criteriaTau: Figure.min(-1).max(1).nullable(),
  strategiesCompatibility: Figure.min(1).nullable(),
  strategiesTau: Figure.min(-1).max(1).nullable(),
};
const Place = z.number().int().min(1).max(MAX_CRITERIA_PER_SESSION);
const Places = z.object({ criteria: keyed(Place, MAX_CRITERIA_PER_SESSION), strategies: keyed(Place, MAX_ELEMENTS_PER_NODE) });
const StakeholderGroups = z.object({
  measures: z.object({
    priorities: z.literal('saaty-compatibility-index'),
    compatibilityLimit: z.literal(COMPATIBILITY_LIMIT),
    ranking: z.literal('kendall-tau-b'),
  }),
  whole: z.object({
    included: Count.max(MAX_PARTICIPANTS_LIMIT),
    criteria: keyed(Figure, MAX_CRITERIA_PER_SESSION),
    alternatives: Shares,
    places: Places,
  }),
  groups: z
    .array(
      z.object({
        group: StakeholderGroup,
        members: Count.max(MAX_PARTICIPANTS_LIMIT),
        included: Count.max(MAX_PARTICIPANTS_LIMIT),
        isSmall: z.boolean(),
        criteria: keyed(Figure, MAX_CRITERIA_PER_SESSION).nullable(),
        alternatives: Shares.nullable(),
        ranking: Ranking.nullable(),
        places: Places.nullable(),
        toWhole: z.object(Distances).nullable(),
      }),
    )
    .max(GROUP_COUNT),
  pairs: z.array(z.object({ a: StakeholderGroup, b: StakeholderGroup, ...Distances })).max((GROUP_COUNT * (GROUP_COUNT - 1)) / 2),
  disagreements: z
    .array(
      z.object({
        a: StakeholderGroup,
        b: StakeholderGroup,
        criterion: Key,
        count: Place,
        placeA: Place,
        weightA: Figure,
        placeB: Place,
        weightB: Figure,
      }),
    )
    .max(MAX_DISAGREEMENTS),
});

export const HierarchySessionResult = z.object({ kind: z.literal('hierarchy'), consistencyOf: z.literal('own-judgments'), ...HierarchyCore });
export const GroupSessionResult = z.object({
  kind: z.literal('group-hierarchy'),
  consistencyOf: z.literal('aggregated-judgments'),
  ...GroupCore,
  participants: z.array(z.object({ ...ParticipantCore, exclusion: CrAboveLimit.nullable() })).max(MAX_PARTICIPANTS_LIMIT),
  stakeholderGroups: StakeholderGroups.optional(),
});
export const SessionResult = z.discriminatedUnion('kind', [HierarchySessionResult, GroupSessionResult]);

const LegacySessionResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hierarchy'), ...LegacyHierarchyCore }),
  z.object({
    kind: z.literal('group-hierarchy'),
    ...LegacyGroupCore,
    participants: z
      .array(z.object({ ...ParticipantShared, nodes: LegacyNodes, exclusionReason: z.string().max(500).nullable() }))
      .max(MAX_PARTICIPANTS_LIMIT),
  }),
]);

const Exclusion = z.discriminatedUnion('code', [
  z.object({ code: z.literal('left-out-by-facilitator') }),
  z.object({ code: z.literal('weight-zero') }),
  z.object({ code: z.literal('incomplete'), nodes: z.array(Key).max(NODE_LIMIT) }),
  z.object({ code: z.literal('all-ratings-none'), nodes: z.array(Key).max(NODE_LIMIT) }),
  CrAboveLimit,
  z.object({ code: z.literal('joined-after-result') }),
]);

export const ResultCoverage = z.object({
  included: z
    .array(
      z.object({
        participantKey: Key,
        estimated: z.array(z.object({ node: Key, answered: Count, required: Count, method: CompletionMethod })).max(NODE_LIMIT),
      }),
    )
    .max(MAX_PARTICIPANTS_LIMIT),
  excluded: z.array(z.object({ participantKey: Key, exclusion: Exclusion })).max(MAX_PARTICIPANTS_LIMIT),
});

const LegacyCoverage = z.object({
  included: z.array(Key).max(MAX_PARTICIPANTS_LIMIT),
  skipped: z.array(z.object({ participantKey: Key, reason: z.string().max(500) })).max(MAX_PARTICIPANTS_LIMIT),
});

/** A stored result in the current shape or the one rows and files were written in before. */
export const AnyStoredResult = z.union([SessionResult, LegacySessionResult]);
export const AnyStoredCoverage = z.union([ResultCoverage, LegacyCoverage]);

/**
 * Adds `row`'s result and coverage in the current shape (core/model/stored-result), or an issue at `coverage` when
 * an old coverage names a reason this code never wrote: for contracts that take stored results (an import).
 */
export function upgradeInContract<R extends { result: StoredResult; coverage: StoredCoverage; maxCr: number | null }>(
  row: R,
  context: z.RefinementCtx,
) {
  try {
    return upgradeStoredResult(row);
  } catch (error) {
    context.addIssue({ code: 'custom', path: ['coverage'], message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
}

/** Compile-time proof that the contracts and the engine's types describe the same JSON. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameResult: Same<z.output<typeof SessionResult>, SessionResultType> = true;
const sameLegacyResult: Same<z.output<typeof LegacySessionResult>, LegacySessionResult> = true;
const sameCoverage: Same<z.output<typeof ResultCoverage>, Coverage> = true;
const sameLegacyCoverage: Same<z.output<typeof LegacyCoverage>, LegacyCoverage> = true;
void [sameResult, sameLegacyResult, sameCoverage, sameLegacyCoverage];
