import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '~/server/trpc/root';

type Outputs = inferRouterOutputs<AppRouter>;

/** What the room code opens: title, question, model names and the public live state. */
export type RoomData = Outputs['workshop']['room'];
/** The live state as a viewer sees it (the tally only for the facilitator, or once revealed). */
export type LiveStateData = RoomData['live'];
export type CurrentItemData = NonNullable<LiveStateData['current']>;
export type TallyData = NonNullable<LiveStateData['tally']>;
export type PairTallyData = Extract<TallyData, { kind: 'pair' }>;
export type RatingTallyData = Extract<TallyData, { kind: 'rating' }>;
export type ParticipantLiveData = Outputs['workshop']['live'];
/** A join by room code: the participant's link, and the vote screen's first state (the room and their live state). */
export type JoinedRoomData = Outputs['workshop']['joinByCode'];
export type DashboardData = Outputs['workshop']['dashboard'];
export type RoundsData = Outputs['workshop']['rounds'];
