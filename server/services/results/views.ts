import 'server-only';
import { type Coverage, type SessionResult, type StakeholderGroupComparison, upgradeStoredResult } from '~/core/model';
import type { ResultRow } from '~/db/schema';

/**
 * A stored result as readers get it: the engine's result and its coverage typed and in the current shape (older
 * rows upgraded), with the settings and the model version that produced it.
 */
export type ResultView = {
  scope: ResultRow['scope'];
  participantKey: string | null;
  settings: ResultRow['settings'];
  sessionVersion: number;
  computedAt: Date;
  /** The workshop round this result closed, or null. */
  round: number | null;
  result: SessionResult;
  /** Who the result includes and why the others are left out (a participant's copy: their own entry only). */
  coverage: Coverage;
  /** How many participants the result includes and leaves out; carried apart because a participant's copy of the coverage lists only them. */
  counts: { included: number; excluded: number };
  /** The model, the settings or the answers changed after this was computed. */
  isStale: boolean;
};

export function toResultView(row: ResultRow, { isStale }: { isStale: boolean }): ResultView {
  const { result, coverage } = upgradeStoredResult({ result: row.result, coverage: row.coverage, maxCr: row.settings.maxCr });
  return {
    scope: row.scope,
    participantKey: row.participantKey,
    settings: row.settings,
    sessionVersion: row.sessionVersion,
    computedAt: row.computedAt,
    round: row.round,
    result,
    coverage,
    counts: { included: coverage.included.length, excluded: coverage.excluded.length },
    isStale,
  };
}

/**
 * The stakeholder groups as a participant may see them: a group of fewer than 2 people in its result is one
 * person's answers, so its figures and its distances are gone and only its counts remain.
 */
function withoutSmallGroups(comparison: StakeholderGroupComparison): StakeholderGroupComparison {
  const small = new Set(comparison.groups.filter((g) => g.isSmall).map((g) => g.group));
  return {
    ...comparison,
    groups: comparison.groups.map((g) =>
      g.isSmall ? { ...g, criteria: null, alternatives: null, ranking: null, places: null, toWhole: null } : g,
    ),
    pairs: comparison.pairs.filter((pair) => !small.has(pair.a) && !small.has(pair.b)),
  };
}

/**
 * A participant's copy of the group result: their own entry alone, the others' answers and distances gone, and
 * no stakeholder group's figures that are one person's.
 */
export function onlyOwnEntry(view: ResultView, participantKey: string): ResultView {
  const { result } = view;
  if (result.kind !== 'group-hierarchy') return view;
  return {
    ...view,
    result: {
      ...result,
      participants: result.participants.filter((p) => p.id === participantKey),
      furthest: [],
      disagreement: {},
      ...(result.stakeholderGroups ? { stakeholderGroups: withoutSmallGroups(result.stakeholderGroups) } : {}),
    },
    coverage: {
      included: view.coverage.included.filter((entry) => entry.participantKey === participantKey),
      excluded: view.coverage.excluded.filter((entry) => entry.participantKey === participantKey),
    },
  };
}
