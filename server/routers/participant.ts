import 'server-only';
import {
  JoinSessionInput,
  RemoveParticipantInput,
  SessionRef,
  UpdateParticipantInput,
} from '~/core/contracts/session';
import { joinSession } from '~/server/services/participants/join';
import { listParticipants } from '~/server/services/participants/list';
import { getMyProgress } from '~/server/services/participants/me';
import { removeParticipant } from '~/server/services/participants/remove';
import { resetParticipantLink } from '~/server/services/participants/reset-link';
import { startQuestionnaire } from '~/server/services/participants/start-questionnaire';
import { updateParticipant } from '~/server/services/participants/update';
import {
  createTRPCRouter,
  facilitatorProcedure,
  inviteProcedure,
  participantProcedure,
} from '../trpc/init';
import { joinRateLimit } from '../trpc/middleware/rate-limit';

export const participantRouter = createTRPCRouter({
  join: inviteProcedure.use(joinRateLimit).input(JoinSessionInput).mutation(({ ctx, input }) => joinSession({ ctx, input })),
  me: participantProcedure.input(SessionRef).query(({ ctx, input }) => getMyProgress({ ctx, input })),
  questionnaire: participantProcedure.input(SessionRef).query(({ ctx, input }) => startQuestionnaire({ ctx, input })),
  list: facilitatorProcedure.input(SessionRef).query(({ ctx, input }) => listParticipants({ ctx, input })),
  update: facilitatorProcedure
    .input(UpdateParticipantInput)
    .mutation(({ ctx, input }) => updateParticipant({ ctx, input })),
  remove: facilitatorProcedure
    .input(RemoveParticipantInput)
    .mutation(({ ctx, input }) => removeParticipant({ ctx, input })),
  resetLink: facilitatorProcedure
    .input(RemoveParticipantInput)
    .mutation(({ ctx, input }) => resetParticipantLink({ ctx, input })),
});
