import 'server-only';
import {
  CreateSessionInput,
  DeleteSessionInput,
  DuplicateSessionInput,
  ListSessionsInput,
  SessionRef,
  UpdateSessionInput,
} from '~/core/contracts/session';
import { ImportSessionInput } from '~/core/contracts/session-export';
import { renewInvite } from '~/server/services/access/renew-invite';
import { closeSession } from '~/server/services/sessions/close';
import { createSession } from '~/server/services/sessions/create';
import { deleteSession } from '~/server/services/sessions/delete';
import { duplicateSession } from '~/server/services/sessions/duplicate';
import { exportSession } from '~/server/services/sessions/export';
import { getSession } from '~/server/services/sessions/get';
import { getSessionHistory } from '~/server/services/sessions/history';
import { importSession } from '~/server/services/sessions/import';
import { listSessions } from '~/server/services/sessions/list';
import { openSession } from '~/server/services/sessions/open';
import { reopenSession } from '~/server/services/sessions/reopen';
import { updateSession } from '~/server/services/sessions/update';
import { importRateLimit, sessionCreationRateLimit } from '../trpc/middleware/rate-limit';
import { createTRPCRouter, facilitatorProcedure, publicProcedure, sessionProcedure } from '../trpc/init';

export const sessionRouter = createTRPCRouter({
  create: publicProcedure.use(sessionCreationRateLimit).input(CreateSessionInput).mutation(({ ctx, input }) => createSession({ ctx, input })),
  list: publicProcedure.input(ListSessionsInput).query(({ ctx, input }) => listSessions({ ctx, input })),
  get: sessionProcedure.input(SessionRef).query(({ ctx, input }) => getSession({ ctx, input })),
  update: facilitatorProcedure.input(UpdateSessionInput).mutation(({ ctx, input }) => updateSession({ ctx, input })),
  open: facilitatorProcedure.input(SessionRef).mutation(({ ctx, input }) => openSession({ ctx, input })),
  close: facilitatorProcedure.input(SessionRef).mutation(({ ctx, input }) => closeSession({ ctx, input })),
  reopen: facilitatorProcedure.input(SessionRef).mutation(({ ctx, input }) => reopenSession({ ctx, input })),
  duplicate: facilitatorProcedure
    .use(sessionCreationRateLimit)
    .input(DuplicateSessionInput)
    .mutation(({ ctx, input }) => duplicateSession({ ctx, input })),
  delete: facilitatorProcedure.input(DeleteSessionInput).mutation(({ ctx, input }) => deleteSession({ ctx, input })),
  history: facilitatorProcedure.input(SessionRef).query(({ ctx, input }) => getSessionHistory({ ctx, input })),
  export: facilitatorProcedure.input(SessionRef).query(({ ctx, input }) => exportSession({ ctx, input })),
  renewInvite: facilitatorProcedure.input(SessionRef).mutation(({ ctx, input }) => renewInvite({ ctx, input })),
  import: publicProcedure.use(importRateLimit).input(ImportSessionInput).mutation(({ ctx, input }) => importSession({ ctx, input })),
});
