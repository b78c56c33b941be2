import 'server-only';
import type { SessionRef } from '~/core/contracts/session';
import type { FacilitatorContext, ServiceArgs } from '../context';
import { notAllowed, setSessionStatus } from './set-status';

/** Ends the draft: the model is fixed from now on and the questionnaire is live. */
export async function openSession({ ctx }: ServiceArgs<FacilitatorContext, SessionRef>) {
  return setSessionStatus(ctx, 'open', ['draft'], notAllowed('A closed session is opened again with reopen.'));
}
