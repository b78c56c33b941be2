import 'server-only';
import { catalogueRouter } from '../routers/catalogue';
import { exportRouter } from '../routers/export';
import { judgmentRouter } from '../routers/judgment';
import { modelRouter } from '../routers/model';
import { participantRouter } from '../routers/participant';
import { profileRouter } from '../routers/profile';
import { resultRouter } from '../routers/result';
import { sessionRouter } from '../routers/session';
import { templateRouter } from '../routers/template';
import { workshopRouter } from '../routers/workshop';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  model: modelRouter,
  participant: participantRouter,
  judgment: judgmentRouter,
  profile: profileRouter,
  result: resultRouter,
  catalogue: catalogueRouter,
  workshop: workshopRouter,
  export: exportRouter,
  template: templateRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls without HTTP: `createCaller(createInnerContext({ db, token }))`, as the tests do. */
export const createCaller = createCallerFactory(appRouter);
