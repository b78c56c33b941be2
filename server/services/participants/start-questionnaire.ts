import 'server-only';
import type { SessionRef } from '~/core/contracts/session';
import { getCurrentProfileDefinition } from '../catalogue/get-profile-definition';
import type { ParticipantContext, ServiceArgs } from '../context';
import { getProfile } from '../profile/get';
import { getSession } from '../sessions/get';
import { getMyProgress } from './me';

/**
 * Everything the questionnaire needs before its first question, in one request: on a phone each extra round
 * trip is felt, and the questionnaire cannot start until all four are in.
 */
export async function startQuestionnaire(args: ServiceArgs<ParticipantContext, SessionRef>) {
  const session = await getSession(args);
  const me = await getMyProgress(args);
  const profile = await getProfile(args);
  const definition = await getCurrentProfileDefinition({ ctx: args.ctx, input: undefined });
  return { session, me, profile, definition };
}
