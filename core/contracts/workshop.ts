import { z } from 'zod';
import { ElementKey, MAX_CRITERIA_PER_SESSION, NodeKey } from './model-edits';
import {
  DisplayName,
  MAX_PARTICIPANTS_LIMIT,
  MaxCr,
  ParticipantId,
  ParticipantWeight,
  SessionId,
  StakeholderGroup,
  StakeholderWeights,
} from './session';

/**
 * Live group workshops: the room code, the item the room votes on, rounds, inclusion and weights. One schema per
 * procedure input, shared by the forms of the facilitator dashboard, the phone and the projector view.
 */

/** async: everyone answers at their own pace; live: the facilitator moves the room through one item at a time. */
export const WORKSHOP_MODES = ['async', 'live'] as const;
export const WorkshopMode = z.enum(WORKSHOP_MODES);
export type WorkshopMode = z.infer<typeof WorkshopMode>;

export const ROUND_STATUSES = ['open', 'closed'] as const;
export const RoundStatus = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof RoundStatus>;

/** Upper-case letters and digits without the look-alikes I, O, 0 and 1, so a code read off a wall is typed right. */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;

/**
 * A room code as typed on a phone: case, spaces and dashes do not matter ("abc-23k" is "ABC23K"). 32^6 (about a
 * billion) codes, and joins are rate limited per address, so guessing a code of an open session is impractical.
 */
export const RoomCode = z
  .string()
  .max(20)
  .transform((code) => code.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .length(ROOM_CODE_LENGTH, `a room code has ${ROOM_CODE_LENGTH} characters`)
      .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`), 'a room code has letters and the digits 2-9 only'),
  );
export type RoomCode = z.output<typeof RoomCode>;

/** A pair compared at a node (the goal or a criterion), oriented as the room sees it: `a` on the left. */
export const LivePairItem = z.object({ kind: z.literal('pair'), nodeKey: NodeKey, a: ElementKey, b: ElementKey });
/** A strategy rated against a leaf criterion, in sessions that score strategies with ratings. */
export const LiveRatingItem = z.object({ kind: z.literal('rating'), criterionKey: ElementKey, alternativeKey: ElementKey });
/** What the room votes on in live mode. */
export const LiveItem = z
  .discriminatedUnion('kind', [LivePairItem, LiveRatingItem])
  .refine((item) => item.kind !== 'pair' || item.a !== item.b, { message: 'compare two different elements', path: ['b'] });
export type LiveItem = z.infer<typeof LiveItem>;

/**
 * A re-vote as the session history keeps it (audit action `workshop.revote`): the round, the item, and the first
 * vote it cleared as counts per answer (scale position -8..8 read as `a` over `b`, or rating intensity).
 */
export const RevoteRecord = z.object({
  round: z.number().int().min(1),
  item: LiveItem,
  cleared: z.number().int().min(0),
  previousTally: z.record(z.string(), z.number().int().min(0)),
});
export type RevoteRecord = z.infer<typeof RevoteRecord>;

/** The `tracked` id of the last event a client saw; it comes back on reconnect. */
export const LastEventId = z.string().max(32).nullish();

export const WorkshopRef = z.object({ sessionId: SessionId });
export type WorkshopRef = z.infer<typeof WorkshopRef>;

export const RoomRef = z.object({ roomCode: RoomCode });
export type RoomRef = z.infer<typeof RoomRef>;

/** Joining by room code takes one screen: the code (from the URL or typed), a name and a stakeholder group. */
export const JoinByCodeInput = z.object({ roomCode: RoomCode, displayName: DisplayName, stakeholderGroup: StakeholderGroup });
export type JoinByCodeInput = z.infer<typeof JoinByCodeInput>;

export const WorkshopEventsInput = z.object({ sessionId: SessionId, lastEventId: LastEventId });
export type WorkshopEventsInput = z.infer<typeof WorkshopEventsInput>;

export const RoomEventsInput = z.object({ roomCode: RoomCode, lastEventId: LastEventId });
export type RoomEventsInput = z.infer<typeof RoomEventsInput>;

export const SetModeInput = z.object({ sessionId: SessionId, mode: WorkshopMode });
export type SetModeInput = z.infer<typeof SetModeInput>;

export const SetCurrentItemInput = z.object({ sessionId: SessionId, item: LiveItem });
export type SetCurrentItemInput = z.infer<typeof SetCurrentItemInput>;

export const StepItemInput = z.object({ sessionId: SessionId, direction: z.enum(['next', 'previous']) });
export type StepItemInput = z.infer<typeof StepItemInput>;

/** The countdown bounds: long enough to read a question and answer, short enough to keep a room moving. */
export const MIN_COUNTDOWN_SECONDS = 10;
export const MAX_COUNTDOWN_SECONDS = 600;

/** A countdown for every question from now on (the current one starts it at once), or null to vote without one. */
export const SetCountdownInput = z.object({
  sessionId: SessionId,
  seconds: z.number().int().min(MIN_COUNTDOWN_SECONDS).max(MAX_COUNTDOWN_SECONDS).nullable(),
});
export type SetCountdownInput = z.infer<typeof SetCountdownInput>;

export const SetRevealedInput = z.object({ sessionId: SessionId, isRevealed: z.boolean() });
export type SetRevealedInput = z.infer<typeof SetRevealedInput>;

/** Re-vote the current item, or `item` (which then becomes current). */
export const RevoteInput = z.object({ sessionId: SessionId, item: LiveItem.optional() });
export type RevoteInput = z.infer<typeof RevoteInput>;

/** The comparison nodes (the goal and criteria) asked again in the new round. */
export const OpenRoundInput = z.object({
  sessionId: SessionId,
  nodeKeys: z
    .array(NodeKey)
    .min(1, 'choose at least one node to ask again')
    .max(MAX_CRITERIA_PER_SESSION + 1)
    .refine((keys) => new Set(keys).size === keys.length, { message: 'a node is listed twice' }),
});
export type OpenRoundInput = z.infer<typeof OpenRoundInput>;

/** Leave a participant out of the group result (their answers are kept), or take them back in. */
export const SetInclusionInput = z.object({ sessionId: SessionId, participantId: ParticipantId, isIncluded: z.boolean() });
export type SetInclusionInput = z.infer<typeof SetInclusionInput>;

/** Stakeholder-group weights (replacing the whole map; a missing group weighs 1) and individual weights. */
export const SetWeightsInput = z
  .object({
    sessionId: SessionId,
    stakeholderWeights: StakeholderWeights.optional(),
    participantWeights: z
      .array(z.object({ participantId: ParticipantId, weight: ParticipantWeight }))
      .max(MAX_PARTICIPANTS_LIMIT)
      .optional(),
  })
  .refine((input) => input.stakeholderWeights !== undefined || input.participantWeights !== undefined, {
    message: 'give stakeholderWeights, participantWeights or both',
    path: ['stakeholderWeights'],
  });
export type SetWeightsInput = z.infer<typeof SetWeightsInput>;

/** Participants whose CR on any node is above this are left out of the group result; null keeps everyone. */
export const SetCrLimitInput = z.object({ sessionId: SessionId, maxCr: MaxCr });
export type SetCrLimitInput = z.infer<typeof SetCrLimitInput>;

export const MAX_TOP_DISAGREEMENTS = 50;

export const DashboardInput = z.object({
  sessionId: SessionId,
  /** How many of the judgments with the widest spread to list. */
  topDisagreements: z.number().int().min(1).max(MAX_TOP_DISAGREEMENTS).default(5),
});
export type DashboardInput = z.infer<typeof DashboardInput>;

/** What a live view is told happened; it then shows the state that comes with the event. */
export const WORKSHOP_EVENT_KINDS = [
  'sync',
  'participant.joined',
  'participant.updated',
  'participant.removed',
  'participant.included',
  'participant.excluded',
  'answer.saved',
  'answer.removed',
  /** A participant saved or cleared a reason for a judgment (changes no result). */
  'comment.saved',
  'mode.changed',
  'item.changed',
  'item.revealed',
  'item.hidden',
  'item.revote',
  'countdown.changed',
  'round.closed',
  'round.opened',
  'weights.changed',
  'session.changed',
] as const;
export const WorkshopEventKind = z.enum(WORKSHOP_EVENT_KINDS);
export type WorkshopEventKind = z.infer<typeof WorkshopEventKind>;
