import type { ExportScope } from '~/core/contracts/exports';
import type { Locale } from '~/i18n/config';

/** A cell: text, a number (weights and scores as fractions of 1, never pre-rounded), or empty. */
export type Cell = string | number | null;
/** How a renderer shows a column: `share` as a percentage, `datetime` from an ISO 8601 string. */
export type ColumnFormat = 'text' | 'integer' | 'decimal' | 'share' | 'datetime';
export type Column<R> = { key: Extract<keyof R, string>; header: string; format: ColumnFormat };
export type Table<Id extends string, R extends Record<string, Cell>> = { id: Id; title: string; columns: Column<R>[]; rows: R[] };

export type SessionFieldRow = { field: string; value: Cell };
export type ParticipantExportRow = {
  key: string;
  name: string;
  group: string;
  weight: number;
  groupWeight: number;
  effectiveWeight: number;
  included: string;
  note: string | null;
  answered: number;
  required: number;
};
export type JudgmentExportRow = {
  participantKey: string;
  participant: string;
  nodeKey: string;
  node: string;
  aKey: string;
  a: string;
  bKey: string;
  b: string;
  position: number;
  ratio: number;
  preferred: string;
  round: number;
  answeredAt: string;
  counts: string;
};
export type RatingExportRow = {
  participantKey: string;
  participant: string;
  criterionKey: string;
  criterion: string;
  strategyKey: string;
  strategy: string;
  intensity: string;
  value: number;
  round: number;
  answeredAt: string;
  counts: string;
};
export type CommentExportRow = {
  participantKey: string;
  participant: string;
  nodeKey: string;
  node: string;
  aKey: string;
  a: string;
  bKey: string;
  b: string;
  comment: string;
  updatedAt: string;
};
export type CriterionWeightRow = { key: string; criterion: string; parentKey: string; level: number; local: number; global: number };
export type StrategyRankRow = { rank: number; key: string; strategy: string; score: number };
export type MeasureRankRow = {
  rank: number;
  key: string;
  measure: string;
  family: string;
  score: number;
  criteria: number;
  fit: number;
  weakness: number;
  priority: number;
};
export type ConsistencyRow = {
  nodeKey: string;
  node: string;
  participantKey: string | null;
  whose: string;
  /** What the CR, CI and lambda max describe: one person's judgments, or the group's combined ones (the AIJ matrix). */
  judgments: string;
  method: string;
  cr: number;
  ci: number;
  lambdaMax: number;
  ri: number | null;
  consistent: string;
  estimated: string;
  completion: string | null;
  approximation: string;
};
export type HistoryExportRow = {
  at: string;
  actor: string;
  action: string;
  actionCode: string;
  subject: string | null;
  sessionVersion: number;
};
export type ConsensusRow = { nodeKey: string | null; node: string; consensus: number; level: string };
/** One criterion's weight or one strategy's score in one stakeholder group's own result, or the whole group's. */
export type GroupFigureRow = {
  groupKey: string;
  group: string;
  people: number;
  fewerThanTwo: string;
  kind: string;
  key: string;
  name: string;
  weight: number | null;
  place: number | null;
};
/** The distance between a stakeholder group and the whole group or another group, and where they disagree most. */
export type GroupDistanceRow = {
  aKey: string;
  a: string;
  bKey: string;
  b: string;
  criteriaCompatibility: number | null;
  criteriaCompatible: string | null;
  criteriaTau: number | null;
  strategiesCompatibility: number | null;
  strategiesCompatible: string | null;
  strategiesTau: number | null;
  disagreementKey: string | null;
  disagreement: string | null;
  placeA: number | null;
  weightA: number | null;
  placeB: number | null;
  weightB: number | null;
};

/** The tables of an export, in the order of the workbook's sheets and the zip's files. */
export type ExportTables = {
  session: Table<'session', SessionFieldRow>;
  participants: Table<'participants', ParticipantExportRow>;
  judgments: Table<'judgments', JudgmentExportRow>;
  ratings: Table<'ratings', RatingExportRow>;
  criteriaWeights: Table<'criteriaWeights', CriterionWeightRow>;
  strategyRanking: Table<'strategyRanking', StrategyRankRow>;
  measuresRanking: Table<'measuresRanking', MeasureRankRow>;
  consistency: Table<'consistency', ConsistencyRow>;
  consensus: Table<'consensus', ConsensusRow>;
  history: Table<'history', HistoryExportRow>;
  stakeholderGroups: Table<'stakeholderGroups', GroupFigureRow>;
  groupDistances: Table<'groupDistances', GroupDistanceRow>;
  /** Last, so the files and sheets before it keep the numbers they had before reasons existed. */
  comments: Table<'comments', CommentExportRow>;
};
export type ExportTableId = keyof ExportTables;
export type AnyExportTable = ExportTables[ExportTableId];

export type ExportBundle = {
  title: string;
  locale: Locale;
  scope: ExportScope;
  exportedAt: Date;
  tables: ExportTables;
};
