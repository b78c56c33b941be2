import 'server-only';
import { eq } from 'drizzle-orm';
import type { SessionRef } from '~/core/contracts/session';
import { participantNumber } from '~/core/model';
import { participants } from '~/db/schema';
import type { AccessContext, FacilitatorAccess, ParticipantAccess, ServiceArgs } from '../context';
import { loadComments } from '../shared/load-comments';
import { loadModelAt } from '../shared/session-model';
import { findSession } from '../shared/session-state';
import { withShownNames } from '../shared/participant-names';

/**
 * The reasons given for judgments, per pair: the facilitator reads everyone's, a participant only their own
 * (nobody reads another participant's reason). Ordered by node, pair, then participant number.
 */
export async function listComments({ ctx }: ServiceArgs<AccessContext<FacilitatorAccess | ParticipantAccess>, SessionRef>) {
  const { access } = ctx;
  const session = await findSession(ctx.db, access.sessionId);
  const model = await loadModelAt(ctx.db, session);
  const personRows = await ctx.db
    .select({ id: participants.id, key: participants.key, displayName: participants.displayName, stakeholderGroup: participants.stakeholderGroup })
    .from(participants)
    .where(access.role === 'facilitator' ? eq(participants.sessionId, session.id) : eq(participants.id, access.participantId));
  // The facilitator's list follows anonymous mode; a participant reads only their own, under their own name.
  const people = access.role === 'facilitator' ? await withShownNames(personRows, session) : personRows;
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows = await loadComments(
    ctx.db,
    model,
    access.role === 'facilitator' ? { sessionId: session.id } : { participantId: access.participantId },
    (id) => participantNumber(byId.get(id)?.key ?? ''),
  );
  return rows.flatMap((row) => {
    const person = byId.get(row.participantId);
    if (!person) return [];
    return [
      {
        nodeKey: row.nodeKey,
        a: row.aKey,
        b: row.bKey,
        text: row.text,
        updatedAt: row.updatedAt,
        participant: { key: person.key, displayName: person.displayName, stakeholderGroup: person.stakeholderGroup },
      },
    ];
  });
}
