import 'server-only';
import type { ResultsInput } from '~/core/contracts/recommendation';
import { summarizeResult } from '~/core/model';
import type { AccessContext, ServiceArgs } from '../context';
import { READ_SNAPSHOT, type SessionSnapshot, readSessionSnapshot } from '../shared/session-snapshot';
import { participantsInResult } from './participants-in-result';
import { recommendationOf } from './recommendation';
import { type ResultView } from './views';
import { visibleResults } from './visible-results';

/**
 * A stored result with what its page shows beside it, from the same snapshot. The engine's result goes as its
 * summary (no per-participant detail), which the page and the report need and which stays the same size whatever the
 * group's; the recommendation is drawn from the full result first.
 */
function resultPage(snapshot: SessionSnapshot, view: ResultView, measureCount: number) {
  return {
    ...view,
    result: summarizeResult(view.result),
    /** The participants the reader may see (a participant: themselves), each with where they stand in this result. */
    participants: participantsInResult(snapshot.model, view.settings, snapshot.participants, snapshot.answers, view.coverage),
    recommendation: recommendationOf(snapshot, view, measureCount),
  };
}

/**
 * The latest stored results the link may see (visibleResults), each with its participants and recommendation, read
 * as of one instant: what the results page and the report show.
 */
export async function getResults({ ctx, input }: ServiceArgs<AccessContext, ResultsInput>) {
  return ctx.db.transaction(async (tx) => {
    const snapshot = await readSessionSnapshot(tx, ctx.access);
    const visible = visibleResults(snapshot, ctx.access);
    return {
      group: visible.group ? resultPage(snapshot, visible.group, input.measureCount) : null,
      own: visible.own ? resultPage(snapshot, visible.own, input.measureCount) : null,
      /** How many have joined the session (facilitator only). */
      joinedCount: ctx.access.role === 'facilitator' ? snapshot.joinedCount : null,
    };
  }, READ_SNAPSHOT);
}
