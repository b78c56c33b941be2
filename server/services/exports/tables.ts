import 'server-only';
import { eq } from 'drizzle-orm';
import { type MatrixResult, consensusLevel, positionToRatio } from '~/core';
import type { ExportScope, ExportTablesInput } from '~/core/contracts/exports';
import { type RatingIntensity, ratingValue } from '~/core/contracts/ratings';
import { GOAL_NODE } from '~/core/contracts/model-edits';
import { MAX_MEASURES_PER_SESSION } from '~/core/contracts/model-edits';
import { type ParticipantRow, measureCatalogues, measures, participants } from '~/db/schema';
import { type Locale, isLocale } from '~/i18n/config';
import { loadTranslators } from '~/i18n/messages';
import { AppError } from '~/server/errors';
import type { AccessContext, ServiceArgs } from '../context';
import { effectiveWeight } from '../results/group-problem';
import { getResults } from '../results/get';
import { getRecommendation } from '../results/get-recommendation';
import type { ResultView } from '../results/views';
import { loadHierarchy } from '../shared/hierarchy';
import { countingAnswers, loadAnswerRows } from '../shared/load-answers';
import { computeProgress } from '../shared/progress';
import { findSession } from '../shared/session-state';
import { participantNumber } from '../shared/keys';

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
  method: string;
  cr: number;
  ci: number;
  lambdaMax: number;
  ri: number | null;
  consistent: string;
  approximation: string;
};
export type ConsensusRow = { nodeKey: string | null; node: string; consensus: number; level: string };

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

type MaybeText = Partial<Record<Locale, string | undefined>>;
/** A name typed in one or more languages, in `locale` if it has one. */
const inLocale = (text: MaybeText, locale: Locale): string => text[locale] || text.en || text.ru || text.az || '';

type HierarchyResult = {
  kind: 'hierarchy' | 'group-hierarchy';
  nodes: Record<string, MatrixResult>;
  criteria: Record<string, { local: number; global: number }>;
  alternatives: Record<string, number>;
  ranking: string[];
  consensus?: Record<string, number>;
  overallConsensus?: number;
  participants?: Array<{ id: string; weight: number; excluded: boolean; nodes: Record<string, MatrixResult> }>;
};

function asHierarchyResult(view: ResultView | null): HierarchyResult | null {
  const result = view?.result as Partial<HierarchyResult> | undefined;
  if (!result || (result.kind !== 'hierarchy' && result.kind !== 'group-hierarchy')) return null;
  if (!result.nodes || !result.criteria || !result.alternatives || !Array.isArray(result.ranking)) return null;
  return result as HierarchyResult;
}

/** The stable start of the skip reasons that server/services/results writes in English, mapped to a message. */
function reasonKey(reason: string): string {
  if (reason.startsWith('left out by the facilitator')) return 'facilitator';
  if (reason.startsWith('not enough answers')) return 'incomplete';
  if (reason.startsWith('weight 0')) return 'weightZero';
  if (reason.startsWith('every strategy is rated')) return 'allNone';
  if (reason.startsWith('CR ')) return 'inconsistent';
  return 'other';
}

const iso = (date: Date) => date.toISOString();
const pairwiseNode = (node: MatrixResult | undefined): node is MatrixResult =>
  !!node && node.method !== 'direct' && (Array.isArray(node.weights) ? node.weights.length : Object.keys(node.weights).length) >= 2;

/**
 * The raw data and the results of a session as typed tables, built once and rendered to CSV and XLSX (file.ts).
 * Headers and names are in the session's language. What goes in follows what the link may see on the results
 * page: the facilitator gets every participant and the group result; a participant gets their own answers and
 * their own result, or the group result when it is shared, without anyone else's answers or consistency.
 */
export async function buildExportTables({ ctx, input }: ServiceArgs<AccessContext, ExportTablesInput>): Promise<ExportBundle> {
  const role = ctx.access.role;
  if (role === 'invite') throw new AppError('FORBIDDEN', 'Join the session first: exports are for participants and the facilitator.');
  const scope: ExportScope = input.scope ?? (role === 'facilitator' ? 'group' : 'own');
  if (role === 'facilitator' && scope === 'own') {
    throw new AppError('INVALID_INPUT', 'The facilitator exports the group result; "own" is for participants.', { field: 'scope' });
  }
  const session = await findSession(ctx.db, ctx.access.sessionId);
  const visible = await getResults({ ctx, input: { sessionId: session.id } });
  if (scope === 'group' && role === 'participant' && session.participantResults !== 'own-and-group') {
    throw new AppError('FORBIDDEN', 'The facilitator has not shared the group result with participants in this session.', {
      field: 'scope',
    });
  }
  const view = scope === 'group' ? visible.group : visible.own;
  const result = asHierarchyResult(view);

  const locale: Locale = isLocale(session.locale) ? session.locale : 'en';
  const [t, tCommon, tResults] = await loadTranslators(locale, ['report.exports', 'common', 'results']);
  const yesNo = (value: boolean) => (value ? t('values.yes') : t('values.no'));

  const hierarchy = await loadHierarchy(ctx.db, session.id);
  const allParticipants = await ctx.db.select().from(participants).where(eq(participants.sessionId, session.id));
  const shown: ParticipantRow[] = allParticipants
    .filter((p) => role === 'facilitator' || (ctx.access.role === 'participant' && p.id === ctx.access.participantId))
    .sort((a, b) => participantNumber(a.key) - participantNumber(b.key));
  const shownIds = new Set(shown.map((p) => p.id));
  const byId = new Map(shown.map((p) => [p.id, p]));
  const nameOfKey = new Map(shown.map((p) => [p.key, p.displayName]));

  const where = role === 'facilitator' ? { sessionId: session.id } : { participantId: [...shownIds][0]! };
  const rows = await loadAnswerRows(ctx.db, where);
  const current = countingAnswers(rows);
  const countingIds = new Set([...current.values()].flatMap((answers) => [...answers.judgments, ...answers.ratings].map((row) => row.id)));

  const criterionName = (key: string) => {
    const node = hierarchy.criteriaByKey.get(key);
    return node ? inLocale(node.name, locale) || key : key;
  };
  const alternativeName = new Map(hierarchy.alternatives.map((a) => [a.key, inLocale(a.name, locale) || a.key]));
  const elementName = (key: string) => alternativeName.get(key) ?? criterionName(key);
  const nodeName = (key: string) => {
    if (key === GOAL_NODE) return tResults('consistency.nodeGoal');
    const node = hierarchy.criteriaByKey.get(key);
    if (!node) return key;
    return node.children.length > 0
      ? tResults('consistency.nodeCriteria', { name: criterionName(key) })
      : tResults('consistency.nodeStrategies', { name: criterionName(key) });
  };
  // criteriaByKey holds the tree in pre-order, the order of the set-up and the results.
  const nodeOrder = [GOAL_NODE, ...hierarchy.criteriaByKey.keys()];
  const groupName = (group: string) => (tCommon.has(`stakeholderGroups.${group}`) ? tCommon(`stakeholderGroups.${group}`) : group);
  const columns = <R extends Record<string, Cell>>(table: ExportTableId, spec: Array<[Extract<keyof R, string>, ColumnFormat]>): Column<R>[] =>
    spec.map(([key, format]) => ({ key, format, header: t(`tables.${table}.columns.${key}`) }));
  const title = (table: ExportTableId) => t(`tables.${table}.title`);

  // Participants: weights as set, and whether and why the shown result includes them.
  const settings = view?.settings ?? { stakeholderWeights: session.stakeholderWeights };
  const included = new Set(view?.coverage.included ?? []);
  const skipped = new Map((view?.coverage.skipped ?? []).map((entry) => [entry.participantKey, entry.reason]));
  const participantRows: ParticipantExportRow[] = shown.map((p) => {
    const answers = current.get(p.id);
    const progress = computeProgress(hierarchy, session.alternativeScoring, answers?.judgments ?? [], answers?.ratings ?? []);
    const isIn = included.has(p.key);
    const reason = skipped.get(p.key);
    return {
      key: p.key,
      name: p.displayName,
      group: groupName(p.stakeholderGroup),
      weight: p.weight,
      groupWeight: session.stakeholderWeights[p.stakeholderGroup] ?? 1,
      effectiveWeight: effectiveWeight(p, settings),
      included: yesNo(isIn),
      note: isIn || !view ? null : t(`tables.participants.reasons.${reason ? reasonKey(reason) : 'joinedLater'}`),
      answered: progress.answered,
      required: progress.required,
    };
  });

  const scale = session.methodSettings.scale;
  const judgmentRows: JudgmentExportRow[] = rows.judgments
    .filter((j) => shownIds.has(j.participantId))
    .map((j) => {
      const person = byId.get(j.participantId)!;
      return {
        participantKey: person.key,
        participant: person.displayName,
        nodeKey: j.nodeKey,
        node: nodeName(j.nodeKey),
        aKey: j.aKey,
        a: elementName(j.aKey),
        bKey: j.bKey,
        b: elementName(j.bKey),
        position: j.position,
        ratio: positionToRatio(j.position, scale),
        preferred: j.position === 0 ? t('values.equal') : elementName(j.position > 0 ? j.aKey : j.bKey),
        round: j.round,
        answeredAt: iso(j.answeredAt),
        counts: yesNo(countingIds.has(j.id)),
      };
    })
    .sort(
      (x, y) =>
        participantNumber(x.participantKey) - participantNumber(y.participantKey) ||
        nodeOrder.indexOf(x.nodeKey) - nodeOrder.indexOf(y.nodeKey) ||
        compareText(`${x.aKey}|${x.bKey}`, `${y.aKey}|${y.bKey}`) ||
        x.round - y.round,
    );

  const alternativeOrder = hierarchy.alternatives.map((a) => a.key);
  const ratingRows: RatingExportRow[] = rows.ratings
    .filter((r) => shownIds.has(r.participantId))
    .map((r) => {
      const person = byId.get(r.participantId)!;
      const intensity = r.intensity as RatingIntensity;
      return {
        participantKey: person.key,
        participant: person.displayName,
        criterionKey: r.criterionKey,
        criterion: criterionName(r.criterionKey),
        strategyKey: r.alternativeKey,
        strategy: elementName(r.alternativeKey),
        intensity: tCommon.has(`rating.${intensity}`) ? tCommon(`rating.${intensity}`) : intensity,
        value: ratingValue(intensity),
        round: r.round,
        answeredAt: iso(r.answeredAt),
        counts: yesNo(countingIds.has(r.id)),
      };
    })
    .sort(
      (x, y) =>
        participantNumber(x.participantKey) - participantNumber(y.participantKey) ||
        nodeOrder.indexOf(x.criterionKey) - nodeOrder.indexOf(y.criterionKey) ||
        alternativeOrder.indexOf(x.strategyKey) - alternativeOrder.indexOf(y.strategyKey) ||
        x.round - y.round,
    );

  const weightRows: CriterionWeightRow[] = result
    ? nodeOrder
        .filter((key) => key !== GOAL_NODE && result.criteria[key])
        .map((key) => {
          const node = hierarchy.criteriaByKey.get(key)!;
          const parent = node.parentId ? [...hierarchy.criteriaByKey.values()].find((c) => c.id === node.parentId) : undefined;
          return {
            key,
            criterion: criterionName(key),
            parentKey: parent?.key ?? GOAL_NODE,
            level: node.depth,
            local: result.criteria[key]!.local,
            global: result.criteria[key]!.global,
          };
        })
    : [];

  const rankingRows: StrategyRankRow[] = result
    ? result.ranking.map((key, index) => ({ rank: index + 1, key, strategy: elementName(key), score: result.alternatives[key] ?? 0 }))
    : [];

  // Every measure of the session, ranked: the page shows the first few, a spreadsheet can hold them all.
  const recommendation = result
    ? await getRecommendation({ ctx, input: { sessionId: session.id, scope, measureCount: MAX_MEASURES_PER_SESSION } })
    : null;
  const measureNames = new Map(
    (await ctx.db.select({ key: measures.key, name: measures.name }).from(measures).where(eq(measures.sessionId, session.id))).map(
      (m) => [m.key, inLocale(m.name, locale)],
    ),
  );
  const [catalogue] = session.catalogueVersion
    ? await ctx.db.select().from(measureCatalogues).where(eq(measureCatalogues.version, session.catalogueVersion))
    : [];
  const familyNames = new Map((catalogue?.catalogue.families ?? []).map((f) => [f.key, inLocale(f.name, locale)]));
  const measureRows: MeasureRankRow[] = (recommendation?.measures ?? []).map((m, index) => ({
    rank: index + 1,
    key: m.key,
    measure: measureNames.get(m.key) || m.key,
    family: familyNames.get(m.family) || m.family,
    score: m.score,
    criteria: m.parts.criteria,
    fit: m.parts.fit,
    weakness: m.parts.weakness,
    priority: m.parts.priority,
  }));

  const consistencyRows: ConsistencyRow[] = [];
  if (result) {
    const ownKey = scope === 'own' ? view!.participantKey : null;
    const groupLabel = result.kind === 'group-hierarchy' ? t('tables.consistency.group') : (nameOfKey.get(ownKey ?? '') ?? ownKey ?? '');
    const add = (nodeKey: string, node: MatrixResult, participantKey: string | null, whose: string) =>
      consistencyRows.push({
        nodeKey,
        node: nodeName(nodeKey),
        participantKey,
        whose,
        method: tResults.has(`method.names.${node.method}`) ? tResults(`method.names.${node.method}`) : node.method,
        cr: node.cr,
        ci: node.ci,
        lambdaMax: node.lambdaMax,
        ri: node.randomIndex?.value ?? null,
        consistent: yesNo(node.isConsistentEnough),
        approximation: yesNo(node.isApproximation),
      });
    for (const nodeKey of nodeOrder) {
      const node = result.nodes[nodeKey];
      if (pairwiseNode(node)) add(nodeKey, node, result.kind === 'group-hierarchy' ? null : ownKey, groupLabel);
    }
    // Only the people this link may see: a participant's copy of the group result holds their own entry alone.
    for (const person of (result.participants ?? []).filter((p) => nameOfKey.has(p.id))) {
      for (const nodeKey of nodeOrder) {
        const node = person.nodes[nodeKey];
        if (pairwiseNode(node)) add(nodeKey, node, person.id, nameOfKey.get(person.id)!);
      }
    }
  }

  const consensusRows: ConsensusRow[] = [];
  if (result?.consensus && typeof result.overallConsensus === 'number') {
    const level = (value: number) => tCommon(`consensus.${consensusLevel(value)}`);
    consensusRows.push({ nodeKey: null, node: t('tables.consensus.overall'), consensus: result.overallConsensus, level: level(result.overallConsensus) });
    for (const nodeKey of nodeOrder) {
      const value = result.consensus[nodeKey];
      if (typeof value === 'number') consensusRows.push({ nodeKey, node: nodeName(nodeKey), consensus: value, level: level(value) });
    }
  }

  const exportedAt = new Date();
  const method = session.methodSettings;
  const methodName = (key: string) => (tResults.has(`method.names.${key}`) ? tResults(`method.names.${key}`) : key);
  const field = (key: string, value: Cell): SessionFieldRow => ({ field: t(`tables.session.fields.${key}`), value });
  const sessionRows: SessionFieldRow[] = [
    field('title', session.title),
    field('region', session.region),
    field('cluster', session.cluster),
    field('question', session.question),
    field('status', tCommon(`status.${session.status}`)),
    field('exportedAt', iso(exportedAt)),
    field('scope', t(`tables.session.scopes.${scope}`)),
    field('computedAt', view ? iso(view.computedAt) : t('tables.session.noResult')),
    ...(view ? [field('isStale', yesNo(view.isStale)), field('included', view.coverage.included.length)] : []),
    field('priorities', methodName(method.method)),
    field('synthesis', methodName(method.synthesis)),
    ...(scope === 'group' ? [field('aggregation', methodName(method.aggregation))] : []),
    field('scale', methodName(method.scale)),
    field('randomIndex', tResults.has(`method.tables.${method.randomIndex}`) ? tResults(`method.tables.${method.randomIndex}`) : method.randomIndex),
    ...(typeof result?.overallConsensus === 'number' ? [field('consensus', result.overallConsensus)] : []),
  ];

  return {
    title: session.title,
    locale,
    scope,
    exportedAt,
    tables: {
      session: { id: 'session', title: title('session'), columns: columns<SessionFieldRow>('session', [['field', 'text'], ['value', 'text']]), rows: sessionRows },
      participants: {
        id: 'participants',
        title: title('participants'),
        columns: columns<ParticipantExportRow>('participants', [
          ['key', 'text'],
          ['name', 'text'],
          ['group', 'text'],
          ['weight', 'decimal'],
          ['groupWeight', 'decimal'],
          ['effectiveWeight', 'decimal'],
          ['included', 'text'],
          ['note', 'text'],
          ['answered', 'integer'],
          ['required', 'integer'],
        ]),
        rows: participantRows,
      },
      judgments: {
        id: 'judgments',
        title: title('judgments'),
        columns: columns<JudgmentExportRow>('judgments', [
          ['participantKey', 'text'],
          ['participant', 'text'],
          ['nodeKey', 'text'],
          ['node', 'text'],
          ['aKey', 'text'],
          ['a', 'text'],
          ['bKey', 'text'],
          ['b', 'text'],
          ['position', 'integer'],
          ['ratio', 'decimal'],
          ['preferred', 'text'],
          ['round', 'integer'],
          ['answeredAt', 'datetime'],
          ['counts', 'text'],
        ]),
        rows: judgmentRows,
      },
      ratings: {
        id: 'ratings',
        title: title('ratings'),
        columns: columns<RatingExportRow>('ratings', [
          ['participantKey', 'text'],
          ['participant', 'text'],
          ['criterionKey', 'text'],
          ['criterion', 'text'],
          ['strategyKey', 'text'],
          ['strategy', 'text'],
          ['intensity', 'text'],
          ['value', 'decimal'],
          ['round', 'integer'],
          ['answeredAt', 'datetime'],
          ['counts', 'text'],
        ]),
        rows: ratingRows,
      },
      criteriaWeights: {
        id: 'criteriaWeights',
        title: title('criteriaWeights'),
        columns: columns<CriterionWeightRow>('criteriaWeights', [
          ['key', 'text'],
          ['criterion', 'text'],
          ['parentKey', 'text'],
          ['level', 'integer'],
          ['local', 'share'],
          ['global', 'share'],
        ]),
        rows: weightRows,
      },
      strategyRanking: {
        id: 'strategyRanking',
        title: title('strategyRanking'),
        columns: columns<StrategyRankRow>('strategyRanking', [
          ['rank', 'integer'],
          ['key', 'text'],
          ['strategy', 'text'],
          ['score', 'share'],
        ]),
        rows: rankingRows,
      },
      measuresRanking: {
        id: 'measuresRanking',
        title: title('measuresRanking'),
        columns: columns<MeasureRankRow>('measuresRanking', [
          ['rank', 'integer'],
          ['key', 'text'],
          ['measure', 'text'],
          ['family', 'text'],
          ['score', 'share'],
          ['criteria', 'decimal'],
          ['fit', 'decimal'],
          ['weakness', 'decimal'],
          ['priority', 'decimal'],
        ]),
        rows: measureRows,
      },
      consistency: {
        id: 'consistency',
        title: title('consistency'),
        columns: columns<ConsistencyRow>('consistency', [
          ['nodeKey', 'text'],
          ['node', 'text'],
          ['participantKey', 'text'],
          ['whose', 'text'],
          ['method', 'text'],
          ['cr', 'decimal'],
          ['ci', 'decimal'],
          ['lambdaMax', 'decimal'],
          ['ri', 'decimal'],
          ['consistent', 'text'],
          ['approximation', 'text'],
        ]),
        rows: consistencyRows,
      },
      consensus: {
        id: 'consensus',
        title: title('consensus'),
        columns: columns<ConsensusRow>('consensus', [
          ['nodeKey', 'text'],
          ['node', 'text'],
          ['consensus', 'share'],
          ['level', 'text'],
        ]),
        rows: consensusRows,
      },
    },
  };
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The goal, then every criterion in reading order (pre-order): the order of the results page. */
