import 'server-only';
import type { SessionRef } from '~/core/contracts/session';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { notAllowed, setSessionStatus } from './set-status';

/** Stops answers and edits; results, export and duplication still work. */
export async function closeSession({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  return setSessionStatus(ctx, 'closed', ['draft', 'open'], notAllowed('The session is already closed.'));
}
