import 'server-only';
import type { SessionRef } from '~/core/contracts/session';
import { AppError } from '~/server/errors';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { setSessionStatus } from './set-status';

/** Lets participants answer again; the model stays fixed (duplicate the session to change it). */
export async function reopenSession({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  return setSessionStatus(
    ctx,
    'open',
    ['closed'],
    () => new AppError('CONFLICT', 'Only a closed session can be reopened; a draft is opened with open.'),
  );
}
