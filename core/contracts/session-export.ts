import { z } from 'zod';
import { Locale, Slug } from './localized';
import { MethodSettings, ScalePosition } from './method';
import { MAX_CRITERIA_DEPTH, MAX_ELEMENTS_PER_NODE } from './model';
import {
  ElementDescription,
  ElementKey,
  ElementName,
  MAX_CRITERIA_PER_SESSION,
  MAX_MEASURES_PER_SESSION,
  NodeKey,
  SessionMeasureFields,
} from './model-edits';
import { ClusterProfile } from './profile';
import { AnyStoredCoverage, AnyStoredResult, upgradeInContract } from './session-result';
import { RatingIntensity } from './ratings';
import { CommentText } from './judgments';
import {
  AlternativeScoring,
  MAX_PARTICIPANTS_LIMIT,
  ParticipantNames,
  ParticipantResultsVisibility,
  ParticipantWeight,
  SessionStatus,
  SessionTitle,
  StakeholderGroup,
  StakeholderWeights,
} from './session';

/** Everything besides the answers that shaped a computed result; stored beside it and exported with it. */
export const ComputationSettings = z.object({
  methodSettings: MethodSettings,
  alternativeScoring: AlternativeScoring,
  stakeholderWeights: StakeholderWeights,
  maxCr: z.number().positive().max(1).nullable(),
});
export type ComputationSettings = z.infer<typeof ComputationSettings>;

const Timestamp = z.iso.datetime({ offset: true });

export type ExportedCriterion = {
  key: string;
  name: ElementName;
  description: ElementDescription;
  children: ExportedCriterion[];
};

const criterionAtDepth = (depth: number): z.ZodType<ExportedCriterion> =>
  z.object({
    key: ElementKey,
    name: ElementName,
    description: ElementDescription,
    children:
      depth >= MAX_CRITERIA_DEPTH
        ? z.array(z.never()).max(0)
        : z.array(z.lazy(() => criterionAtDepth(depth + 1))).max(MAX_ELEMENTS_PER_NODE),
  }) as z.ZodType<ExportedCriterion>;

/** A criterion of an exported tree; nesting is bounded by MAX_CRITERIA_DEPTH. */
export const ExportedCriterion = criterionAtDepth(1);

export const ExportedAlternative = z.object({ key: ElementKey, name: ElementName, description: ElementDescription });

export const ExportedMeasure = SessionMeasureFields.extend({
  key: ElementKey,
  origin: z.enum(['catalogue', 'custom']),
});

/** Workshop rounds a session may hold; files written before rounds existed have everything in round 1. */
export const MAX_ROUNDS = 1000;
const RoundNumber = z.number().int().min(1).max(MAX_ROUNDS);

export const ExportedJudgment = z.object({
  nodeKey: NodeKey,
  a: ElementKey,
  b: ElementKey,
  position: ScalePosition,
  round: RoundNumber.default(1),
  answeredAt: Timestamp,
});

export const ExportedRating = z.object({
  criterionKey: ElementKey,
  alternativeKey: ElementKey,
  intensity: RatingIntensity,
  round: RoundNumber.default(1),
  answeredAt: Timestamp,
});

/** A participant's reason for a judgment (cleaned and bounded as when it was typed). */
export const ExportedComment = z.object({
  nodeKey: NodeKey,
  a: ElementKey,
  b: ElementKey,
  text: CommentText.pipe(z.string().min(1)),
  updatedAt: Timestamp,
});

export const ExportedRound = z.object({
  number: RoundNumber,
  status: z.enum(['open', 'closed']),
  /** null: every node. */
  nodeKeys: z.array(NodeKey).max(MAX_CRITERIA_PER_SESSION + 1).nullable(),
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  resultError: z.string().max(2000).nullable(),
});

/** A node holds at most 190 pairs (20 elements); this bounds one participant's answers over a whole model. */
const MAX_ANSWERS_PER_PARTICIPANT = 20_000;

export const ExportedParticipant = z.object({
  key: z.string().regex(/^p[0-9]{1,6}$/),
  displayName: z.string().min(1).max(80),
  stakeholderGroup: StakeholderGroup,
  weight: ParticipantWeight,
  /** False: left out of the group result by the facilitator. */
  isIncluded: z.boolean().default(true),
  joinedAt: Timestamp,
  lastAnswerAt: Timestamp.nullable(),
  judgments: z.array(ExportedJudgment).max(MAX_ANSWERS_PER_PARTICIPANT),
  ratings: z.array(ExportedRating).max(MAX_ANSWERS_PER_PARTICIPANT),
  /** Files written before reasons existed have none. */
  comments: z.array(ExportedComment).max(MAX_ANSWERS_PER_PARTICIPANT).default([]),
});

/** A stored result; files written before format version 2 hold the earlier shape, upgraded as they are read. */
export const ExportedResult = z
  .object({
    scope: z.enum(['group', 'individual']),
    participantKey: z.string().max(16).nullable(),
    settings: ComputationSettings,
    sessionVersion: z.number().int().positive(),
    computedAt: Timestamp,
    result: AnyStoredResult,
    coverage: AnyStoredCoverage,
    /** The workshop round this group result closed, or null. */
    round: RoundNumber.nullable().default(null),
  })
  .transform((row, context) => {
    const upgraded = upgradeInContract({ ...row, maxCr: row.settings.maxCr }, context);
    return { ...row, result: upgraded.result, coverage: upgraded.coverage };
  });

export const ExportedAuditEntry = z.object({
  actor: z.string().max(40),
  action: z.string().max(80),
  detail: z.record(z.string(), z.unknown()),
  sessionVersion: z.number().int().positive(),
  createdAt: Timestamp,
});

export const SESSION_EXPORT_FORMAT = 'clusterwise.session';

/**
 * A whole session as one JSON document: the backup format, and what `session.import` takes back to make an
 * identical session (new ids and links, same content, same stored results). Link tokens are never exported.
 */
export const SessionExport = z.object({
  format: z.literal(SESSION_EXPORT_FORMAT),
  /** 2 since results name their exclusions as codes; files of version 1 are read too. */
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  exportedAt: Timestamp,
  session: z.object({
    title: SessionTitle,
    region: z.string().max(200),
    cluster: z.string().max(200),
    question: z.string().max(1000),
    locale: Locale,
    status: SessionStatus,
    modelKey: Slug,
    modelVersion: z.number().int().positive(),
    catalogueVersion: z.number().int().positive().nullable(),
    methodSettings: MethodSettings,
    alternativeScoring: AlternativeScoring,
    participantResults: ParticipantResultsVisibility,
    participantNames: ParticipantNames.default('shown'),
    maxParticipants: z.number().int().min(1).max(MAX_PARTICIPANTS_LIMIT),
    stakeholderWeights: StakeholderWeights,
    maxCr: z.number().positive().max(1).nullable(),
    version: z.number().int().positive(),
    /** The last participant number handed out, so keys stay unique after an import. */
    participantSeq: z.number().int().min(0),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    closedAt: Timestamp.nullable(),
  }),
  model: z.object({
    goal: ElementName,
    criteria: z.array(ExportedCriterion).max(MAX_ELEMENTS_PER_NODE),
    alternatives: z.array(ExportedAlternative).max(MAX_ELEMENTS_PER_NODE),
    measures: z.array(ExportedMeasure).max(MAX_MEASURES_PER_SESSION),
  }),
  profile: z
    .object({
      definitionVersion: z.number().int().positive(),
      ratings: ClusterProfile.shape.ratings,
      regionalPriorities: ClusterProfile.shape.regionalPriorities,
      updatedAt: Timestamp,
    })
    .nullable(),
  participants: z.array(ExportedParticipant).max(MAX_PARTICIPANTS_LIMIT),
  results: z.array(ExportedResult).max(1000),
  rounds: z.array(ExportedRound).max(MAX_ROUNDS).default([]),
  auditLog: z.array(ExportedAuditEntry).max(10_000),
});
export type SessionExport = z.infer<typeof SessionExport>;

export const ImportSessionInput = z.object({ data: SessionExport });
export type ImportSessionInput = z.infer<typeof ImportSessionInput>;
