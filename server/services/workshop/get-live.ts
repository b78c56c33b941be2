import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { WorkshopRef } from '~/core/contracts/workshop';
import { judgments, ratings } from '~/db/schema';
import type { AccessContext, FacilitatorAccess, ParticipantAccess, ServiceArgs } from '../context';
import { buildAgenda, flipPosition, isSameItem, pairKey } from '~/core/model';
import { type RoomSnapshot, forViewer, readLiveSnapshot } from './live-state';

type OwnJudgment = { nodeKey: string; aKey: string; bKey: string; position: number };
type OwnRating = { criterionKey: string; alternativeKey: string; intensity: string };

/**
 * The live state for the facilitator (with the current item's tally before it is revealed) or a participant
 * (tally once revealed, plus their own answer to the current item and how much of this round they answered).
 */
export async function getLiveState({ ctx }: ServiceArgs<AccessContext<FacilitatorAccess | ParticipantAccess>, WorkshopRef>) {
  const snapshot = await readLiveSnapshot(ctx.db, ctx.access.sessionId);
  if (ctx.access.role === 'facilitator') return { ...forViewer(snapshot.state, 'facilitator'), mine: null, myRound: null };
  const participantId = ctx.access.participantId;
  const [ownJudgments, ownRatings] = await Promise.all([
    ctx.db
      .select({ nodeKey: judgments.nodeKey, aKey: judgments.aKey, bKey: judgments.bKey, position: judgments.position })
      .from(judgments)
      .where(and(eq(judgments.participantId, participantId), eq(judgments.round, snapshot.round.number))),
    ctx.db
      .select({ criterionKey: ratings.criterionKey, alternativeKey: ratings.alternativeKey, intensity: ratings.intensity })
      .from(ratings)
      .where(and(eq(ratings.participantId, participantId), eq(ratings.round, snapshot.round.number))),
  ]);
  return participantLiveState(snapshot, ownJudgments, ownRatings);
}

/**
 * A participant's live state from a snapshot and their answers of its round: what `workshop.live` returns to a
 * participant (joinByCode gives it with no answers, for someone who has just joined).
 */
export function participantLiveState(snapshot: RoomSnapshot, ownJudgments: OwnJudgment[], ownRatings: OwnRating[]) {
  const { session, round, model, workshop } = snapshot;
  const agenda = buildAgenda(model, session.alternativeScoring, round.nodeKeys);
  const answered = agenda.filter((item) =>
    item.kind === 'pair'
      ? ownJudgments.some((j) => j.nodeKey === item.nodeKey && pairKey(j.aKey, j.bKey) === pairKey(item.a, item.b))
      : ownRatings.some((r) => r.criterionKey === item.criterionKey && r.alternativeKey === item.alternativeKey),
  ).length;
  const item = workshop.currentItem;
  let mine: { position: number } | { intensity: string } | null = null;
  if (item?.kind === 'pair') {
    const own = ownJudgments.find((j) => j.nodeKey === item.nodeKey && isSameItem({ kind: 'pair', nodeKey: j.nodeKey, a: j.aKey, b: j.bKey }, item));
    if (own) mine = { position: own.aKey === item.a ? own.position : flipPosition(own.position) };
  } else if (item?.kind === 'rating') {
    const own = ownRatings.find((r) => r.criterionKey === item.criterionKey && r.alternativeKey === item.alternativeKey);
    if (own) mine = { intensity: own.intensity };
  }
  return { ...forViewer(snapshot.state, 'participant'), mine, myRound: { answered, required: agenda.length } };
}
