import 'server-only';
import {
  DashboardInput,
  JoinByCodeInput,
  OpenRoundInput,
  RevoteInput,
  RoomEventsInput,
  RoomRef,
  SetCountdownInput,
  SetCrLimitInput,
  SetCurrentItemInput,
  SetInclusionInput,
  SetModeInput,
  SetWeightsInput,
  WorkshopEventsInput,
  WorkshopRef,
} from '~/core/contracts/workshop';
import { closeRound } from '~/server/services/workshop/close-round';
import { getDashboard } from '~/server/services/workshop/dashboard';
import { getLiveState } from '~/server/services/workshop/get-live';
import { getRoom } from '~/server/services/workshop/get-room';
import { joinByCode } from '~/server/services/workshop/join-by-code';
import { listRoundResults } from '~/server/services/workshop/list-rounds';
import { openRoom } from '~/server/services/workshop/open-room';
import { openRound } from '~/server/services/workshop/open-round';
import { revote } from '~/server/services/workshop/revote';
import { setCrLimit } from '~/server/services/workshop/set-cr-limit';
import { setCurrentItem } from '~/server/services/workshop/set-current';
import { setInclusion } from '~/server/services/workshop/set-inclusion';
import { setMode } from '~/server/services/workshop/set-mode';
import { setCountdown } from '~/server/services/workshop/set-countdown';
import { setRevealed } from '~/server/services/workshop/set-revealed';
import { setWeights } from '~/server/services/workshop/set-weights';
import { stepItem } from '~/server/services/workshop/step-item';
import { watchWorkshop } from '~/server/services/workshop/watch';
import { watchRoom } from '~/server/services/workshop/watch-room';
import { joinRateLimit, rateLimit, wrongRoomCodeLimit } from '../trpc/middleware/rate-limit';
import { trackedEvents } from '../trpc/tracked-events';
import { createTRPCRouter, facilitatorProcedure, memberProcedure, publicProcedure } from '../trpc/init';

/**
 * Join screens and projector views look a room up by code and subscribe to its events: two or three calls per
 * phone, a room of 200 on one venue address. Guessing codes is bounded by wrongRoomCodeLimit instead.
 */
const roomRateLimit = rateLimit('room', { limit: 1000, windowMs: 60_000, by: 'address', what: 'room look-ups' });

/** Live workshops: room code, live voting, rounds, the facilitator's dashboard and live events. */
export const workshopRouter = createTRPCRouter({
  room: publicProcedure
    .use(roomRateLimit)
    .use(wrongRoomCodeLimit)
    .input(RoomRef)
    .query(({ ctx, input }) => getRoom({ ctx, input })),
  joinByCode: publicProcedure
    .use(joinRateLimit)
    .use(wrongRoomCodeLimit)
    .input(JoinByCodeInput)
    .mutation(({ ctx, input }) => joinByCode({ ctx, input })),
  roomEvents: publicProcedure
    .use(roomRateLimit)
    .use(wrongRoomCodeLimit)
    .input(RoomEventsInput)
    .subscription(async ({ ctx, input, signal }) => trackedEvents(await watchRoom({ ctx, input, signal }))),

  live: memberProcedure.input(WorkshopRef).query(({ ctx, input }) => getLiveState({ ctx, input })),
  events: memberProcedure
    .input(WorkshopEventsInput)
    .subscription(({ ctx, input, signal }) => trackedEvents(watchWorkshop({ ctx, input, signal }))),

  openRoom: facilitatorProcedure.input(WorkshopRef).mutation(({ ctx, input }) => openRoom({ ctx, input })),
  setMode: facilitatorProcedure.input(SetModeInput).mutation(({ ctx, input }) => setMode({ ctx, input })),
  setCurrent: facilitatorProcedure.input(SetCurrentItemInput).mutation(({ ctx, input }) => setCurrentItem({ ctx, input })),
  next: facilitatorProcedure
    .input(WorkshopRef)
    .mutation(({ ctx, input }) => stepItem({ ctx, input: { ...input, direction: 'next' } })),
  previous: facilitatorProcedure
    .input(WorkshopRef)
    .mutation(({ ctx, input }) => stepItem({ ctx, input: { ...input, direction: 'previous' } })),
  reveal: facilitatorProcedure
    .input(WorkshopRef)
    .mutation(({ ctx, input }) => setRevealed({ ctx, input: { ...input, isRevealed: true } })),
  hide: facilitatorProcedure
    .input(WorkshopRef)
    .mutation(({ ctx, input }) => setRevealed({ ctx, input: { ...input, isRevealed: false } })),
  setCountdown: facilitatorProcedure.input(SetCountdownInput).mutation(({ ctx, input }) => setCountdown({ ctx, input })),
  revote: facilitatorProcedure.input(RevoteInput).mutation(({ ctx, input }) => revote({ ctx, input })),
  closeRound: facilitatorProcedure.input(WorkshopRef).mutation(({ ctx, input }) => closeRound({ ctx, input })),
  openRound: facilitatorProcedure.input(OpenRoundInput).mutation(({ ctx, input }) => openRound({ ctx, input })),
  setInclusion: facilitatorProcedure.input(SetInclusionInput).mutation(({ ctx, input }) => setInclusion({ ctx, input })),
  setWeights: facilitatorProcedure.input(SetWeightsInput).mutation(({ ctx, input }) => setWeights({ ctx, input })),
  setCrLimit: facilitatorProcedure.input(SetCrLimitInput).mutation(({ ctx, input }) => setCrLimit({ ctx, input })),
  dashboard: facilitatorProcedure.input(DashboardInput).query(({ ctx, input }) => getDashboard({ ctx, input })),
  rounds: facilitatorProcedure.input(WorkshopRef).query(({ ctx, input }) => listRoundResults({ ctx, input })),
});
