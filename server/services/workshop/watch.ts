import 'server-only';
import type { WorkshopEventsInput } from '~/core/contracts/workshop';
import type { AccessContext, FacilitatorAccess, ParticipantAccess } from '../context';
import { streamLiveEvents } from './live-feed';

/**
 * Live events of the session for its facilitator (tally before reveal) or a participant; see streamLiveEvents.
 * Besides `{ ctx, input }` it takes the subscription's `signal`, which ends the stream when the client goes.
 */
export function watchWorkshop({
  ctx,
  input,
  signal,
}: {
  ctx: AccessContext<FacilitatorAccess | ParticipantAccess>;
  input: WorkshopEventsInput;
  signal: AbortSignal | undefined;
}) {
  return streamLiveEvents({
    db: ctx.db,
    bus: ctx.events,
    sessionId: ctx.access.sessionId,
    viewer: ctx.access.role,
    lastEventId: input.lastEventId,
    signal,
  });
}
