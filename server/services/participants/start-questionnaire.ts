import 'server-only';
import type { SessionRef } from '~/core/contracts/session';
import { getCurrentProfileDefinition } from '../catalogue/get-profile-definition';
import type { ParticipantContext, ServiceArgs } from '../context';
import { getProfile } from '../profile/get';
import { getSession } from '../sessions/get';
import { getMyProgress } from './me';

/**
 * Everything the questionnaire needs before its first question, in one request: on a phone each extra round
 * trip is felt, and the questionnaire cannot start until all four are in. The participant's answers and progress
 * are read once, for `me`, and the session's summary of them is made from that.
 */
export async function startQuestionnaire(args: ServiceArgs<ParticipantContext, SessionRef>) {
  const [session, me, profile, definition] = await Promise.all([
    getSession(args, { withMe: false }),
    getMyProgress(args),
    getProfile(args),
    getCurrentProfileDefinition({ ctx: args.ctx, input: undefined }),
  ]);
  return { session: { ...session, me: { ...me.participant, progress: me.progress } }, me, profile, definition };
}
