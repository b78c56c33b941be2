import 'server-only';
import type { RecommendationInput } from '~/core/contracts/recommendation';
import type { AccessContext, ServiceArgs } from '../context';
import { READ_SNAPSHOT, readSessionSnapshot } from '../shared/session-snapshot';
import { recommendationOf } from './recommendation';
import { visibleResults } from './visible-results';
import { AppError } from '~/server/errors';

/**
 * The recommendation drawn from the latest stored result the reader may see (the same rules as result.get). Null
 * when that result has not been computed yet.
 */
export async function getRecommendation({ ctx, input }: ServiceArgs<AccessContext, RecommendationInput>) {
  return ctx.db.transaction(async (tx) => {
    const snapshot = await readSessionSnapshot(tx, ctx.access);
    if (ctx.access.role === 'participant' && input.scope === 'group' && snapshot.session.participantResults !== 'own-and-group') {
      throw new AppError('FORBIDDEN', 'The facilitator has not shared the group result with participants in this session.');
    }
    const visible = visibleResults(snapshot, ctx.access);
    const view = input.scope === 'group' ? visible.group : visible.own;
    return view ? recommendationOf(snapshot, view, input.measureCount) : null;
  }, READ_SNAPSHOT);
}
