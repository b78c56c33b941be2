import 'server-only';
import type { ResultRow } from '~/db/schema';

export function toResultView(row: ResultRow, { isStale }: { isStale: boolean }) {
  return {
    scope: row.scope,
    participantKey: row.participantKey,
    settings: row.settings,
    sessionVersion: row.sessionVersion,
    computedAt: row.computedAt,
    coverage: row.coverage,
    /** The workshop round this result closed, or null. */
    round: row.round,
    result: row.result,
    /** The model, the settings or the answers changed after this was computed. */
    isStale,
  };
}

export type ResultView = ReturnType<typeof toResultView>;
