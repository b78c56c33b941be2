import { z } from 'zod';
import { Locale, Slug } from './localized';
import { ClusterProfile } from './profile';
import {
  AggregationMethod,
  CompletionMethod,
  MethodSettings,
  MonteCarloModel,
  PriorityMethod,
  RandomIndexTable,
  ScaleName,
  SynthesisMode,
} from './method';

/** The default cap on participants; a facilitator may raise it up to MAX_PARTICIPANTS_LIMIT. */
export const MAX_PARTICIPANTS_DEFAULT = 1000;
export const MAX_PARTICIPANTS_LIMIT = 10_000;
/** A browser rarely holds more links than this; the list call refuses longer lists instead of scanning. */
export const MAX_TOKENS_PER_LIST = 100;

export const SessionId = z.uuid();
export type SessionId = z.infer<typeof SessionId>;

/** A link token: 32 random bytes in base64url (43 characters). Older or longer formats are refused early. */
export const AccessToken = z
  .string()
  .min(22)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'a link token contains only letters, digits, "-" and "_"');
export type AccessToken = z.infer<typeof AccessToken>;

/** Optimistic concurrency: the session version the caller last read; a stale one is refused. */
export const ExpectedVersion = z.number().int().positive();

export const SESSION_STATUSES = ['draft', 'open', 'closed'] as const;
export const SessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const STAKEHOLDER_GROUPS = ['enterprises', 'government', 'science-education', 'finance', 'civil-society'] as const;
export const StakeholderGroup = z.enum(STAKEHOLDER_GROUPS);
export type StakeholderGroup = z.infer<typeof StakeholderGroup>;

/** How participants score the strategies under each leaf criterion: pairwise comparison or a ratings scale. */
export const AlternativeScoring = z.enum(['pairwise', 'ratings']);
export type AlternativeScoring = z.infer<typeof AlternativeScoring>;

/** What a participant's link shows of the results. */
export const ParticipantResultsVisibility = z.enum(['none', 'own', 'own-and-group']);
export type ParticipantResultsVisibility = z.infer<typeof ParticipantResultsVisibility>;

/** Anonymous mode: with 'hidden', the dashboard, results and exports name each participant by number; the group stays. */
export const ParticipantNames = z.enum(['shown', 'hidden']);
export type ParticipantNames = z.infer<typeof ParticipantNames>;

export const ParticipantWeight = z.number().min(0).max(100);

/** Weight of each stakeholder group in the group result; a missing group weighs 1, 0 leaves it out. */
export const StakeholderWeights = z.partialRecord(StakeholderGroup, ParticipantWeight);
export type StakeholderWeights = z.infer<typeof StakeholderWeights>;

export const SESSION_TITLE_MAX = 200;
export const SessionTitle = z.string().trim().min(1, 'give the session a title').max(SESSION_TITLE_MAX);
const ShortText = z.string().trim().max(200);
const QuestionText = z.string().trim().max(1000);
const MaxParticipants = z.number().int().min(1).max(MAX_PARTICIPANTS_LIMIT);
/** Participants whose consistency ratio exceeds this are left out of the group result; null keeps everyone. */
export const MaxCr = z.number().positive().max(1).nullable();

/** Section of the create-session wizard: what is being decided, for whom. */
export const SessionDetails = z.object({
  title: SessionTitle,
  region: ShortText.default(''),
  cluster: ShortText.default(''),
  question: QuestionText.default(''),
  locale: Locale.default('en'),
});
export type SessionDetails = z.infer<typeof SessionDetails>;

/** Section of the create-session wizard: how answers are gathered and computed. */
export const SessionOptions = z.object({
  methodSettings: MethodSettings.prefault({}),
  alternativeScoring: AlternativeScoring.default('pairwise'),
  participantResults: ParticipantResultsVisibility.default('own'),
  participantNames: ParticipantNames.default('shown'),
  maxParticipants: MaxParticipants.default(MAX_PARTICIPANTS_DEFAULT),
  stakeholderWeights: StakeholderWeights.default({}),
  maxCr: MaxCr.default(null),
});
export type SessionOptions = z.infer<typeof SessionOptions>;

export const CreateSessionInput = SessionDetails.extend(SessionOptions.shape).extend({
  modelKey: Slug.default('cluster-policy'),
  /** Absent: the newest seeded version of the model. */
  modelVersion: z.number().int().positive().optional(),
  /** Copy the catalogue measures that serve the model's criteria into the session. */
  includeCatalogueMeasures: z.boolean().default(true),
});
export type CreateSessionInput = z.infer<typeof CreateSessionInput>;

export const SessionRef = z.object({ sessionId: SessionId });
export type SessionRef = z.infer<typeof SessionRef>;

/** A partial update: only the fields given change (no defaults here, or they would overwrite). */
export const UpdateSessionInput = z.object({
  sessionId: SessionId,
  expectedVersion: ExpectedVersion,
  title: SessionTitle.optional(),
  region: ShortText.optional(),
  cluster: ShortText.optional(),
  question: QuestionText.optional(),
  locale: Locale.optional(),
  methodSettings: z
    .object({
      scale: ScaleName.optional(),
      method: PriorityMethod.optional(),
      randomIndex: RandomIndexTable.optional(),
      completion: CompletionMethod.optional(),
      aggregation: AggregationMethod.optional(),
      synthesis: SynthesisMode.optional(),
      monteCarloModel: MonteCarloModel.optional(),
    })
    .optional(),
  alternativeScoring: AlternativeScoring.optional(),
  participantResults: ParticipantResultsVisibility.optional(),
  participantNames: ParticipantNames.optional(),
  maxParticipants: MaxParticipants.optional(),
  stakeholderWeights: StakeholderWeights.optional(),
  maxCr: MaxCr.optional(),
});
export type UpdateSessionInput = z.infer<typeof UpdateSessionInput>;

export const ListSessionsInput = z.object({ tokens: z.array(AccessToken).max(MAX_TOKENS_PER_LIST) });
export type ListSessionsInput = z.infer<typeof ListSessionsInput>;

export const DuplicateSessionInput = z.object({ sessionId: SessionId, title: SessionTitle.optional() });
export type DuplicateSessionInput = z.infer<typeof DuplicateSessionInput>;

/** Deleting is permanent, so the facilitator types the session title back. */
export const DeleteSessionInput = z.object({ sessionId: SessionId, confirmTitle: z.string().max(SESSION_TITLE_MAX) });
export type DeleteSessionInput = z.infer<typeof DeleteSessionInput>;

export const ParticipantId = z.uuid();

export const DisplayName = z.string().trim().min(1, 'give a name others will recognise').max(80);

export const JoinSessionInput = z.object({
  sessionId: SessionId,
  displayName: DisplayName,
  stakeholderGroup: StakeholderGroup,
});
export type JoinSessionInput = z.infer<typeof JoinSessionInput>;

export const UpdateParticipantInput = z.object({
  sessionId: SessionId,
  participantId: ParticipantId,
  displayName: DisplayName.optional(),
  stakeholderGroup: StakeholderGroup.optional(),
  weight: ParticipantWeight.optional(),
});
export type UpdateParticipantInput = z.infer<typeof UpdateParticipantInput>;

export const RemoveParticipantInput = z.object({ sessionId: SessionId, participantId: ParticipantId });
export type RemoveParticipantInput = z.infer<typeof RemoveParticipantInput>;

/** The cluster profile as the facilitator assessed it; its keys are checked against the profile definition. */
export const SaveProfileInput = z.object({ sessionId: SessionId, profile: ClusterProfile });
export type SaveProfileInput = z.infer<typeof SaveProfileInput>;
