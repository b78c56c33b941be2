import 'server-only';
import type { ResultRow } from '~/db/schema';

export function toResultView(
  row: ResultRow,
  { isStale, includedCount = row.coverage.included.length }: { isStale: boolean; includedCount?: number },
) {
  return {
    scope: row.scope,
    participantKey: row.participantKey,
    settings: row.settings,
    sessionVersion: row.sessionVersion,
    computedAt: row.computedAt,
    coverage: row.coverage,
    /**
     * How many participants the result includes. A participant's copy of the group result lists only their own
     * key in `coverage`, so the count is carried here.
     */
    includedCount,
    /** The workshop round this result closed, or null. */
    round: row.round,
    result: row.result,
    /** The model, the settings or the answers changed after this was computed. */
    isStale,
  };
}

export type ResultView = ReturnType<typeof toResultView>;
