import 'server-only';
import { type NodeResult, consensusLevel } from '~/core';
import { isGroupResult } from '~/core/model';
import type { ExportContext } from './context';
import type { ConsensusRow, ConsistencyRow, CriterionWeightRow, ExportTables, MeasureRankRow, StrategyRankRow } from './types';

/** Every criterion in reading order with its local and global weight in the result. */
export function criteriaWeightsTable(context: ExportContext): ExportTables['criteriaWeights'] {
  const { result, snapshot, names } = context;
  const rows: CriterionWeightRow[] = result
    ? snapshot.model.criteria
        .filter((c) => result.criteria[c.key])
        .map((c) => ({
          key: c.key,
          criterion: names.criterion(c.key),
          parentKey: c.parentKey,
          level: c.depth,
          local: result.criteria[c.key]!.local,
          global: result.criteria[c.key]!.global,
        }))
    : [];
  return {
    id: 'criteriaWeights',
    title: context.title('criteriaWeights'),
    columns: context.columns<CriterionWeightRow>('criteriaWeights', [
      ['key', 'text'],
      ['criterion', 'text'],
      ['parentKey', 'text'],
      ['level', 'integer'],
      ['local', 'share'],
      ['global', 'share'],
    ]),
    rows,
  };
}

export function strategyRankingTable(context: ExportContext): ExportTables['strategyRanking'] {
  const { result, names } = context;
  const rows: StrategyRankRow[] = result
    ? result.ranking.map((key, index) => ({ rank: index + 1, key, strategy: names.element(key), score: result.alternatives[key] ?? 0 }))
    : [];
  return {
    id: 'strategyRanking',
    title: context.title('strategyRanking'),
    columns: context.columns<StrategyRankRow>('strategyRanking', [
      ['rank', 'integer'],
      ['key', 'text'],
      ['strategy', 'text'],
      ['score', 'share'],
    ]),
    rows,
  };
}

/** Every measure of the session, ranked: the page shows the first few, a spreadsheet can hold them all. */
export function measuresRankingTable(context: ExportContext, familyName: (key: string) => string): ExportTables['measuresRanking'] {
  const { snapshot, recommendation, locale } = context;
  const measureName = new Map(snapshot.measures.map((m) => [m.key, m.name[locale] || m.name.en || m.name.ru || m.name.az || m.key]));
  const rows: MeasureRankRow[] = (recommendation?.measures ?? []).map((m, index) => ({
    rank: index + 1,
    key: m.key,
    measure: measureName.get(m.key) ?? m.key,
    family: familyName(m.family),
    score: m.score,
    criteria: m.parts.criteria,
    fit: m.parts.fit,
    weakness: m.parts.weakness,
    priority: m.parts.priority,
  }));
  return {
    id: 'measuresRanking',
    title: context.title('measuresRanking'),
    columns: context.columns<MeasureRankRow>('measuresRanking', [
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
    rows,
  };
}

const isPairwise = (node: NodeResult | undefined): node is NodeResult => !!node && node.method !== 'direct' && Object.keys(node.weights).length >= 2;

/**
 * The consistency of every set of pairwise comparisons: the result's own (for a group, the combined judgments: the
 * AIJ matrix, named in the `judgments` column, also under AIP) and each visible participant's, with whether the
 * node was estimated from incomplete answers and by which completion.
 */
export function consistencyTable(context: ExportContext): ExportTables['consistency'] {
  const { result, snapshot, names, t, view } = context;
  const rows: ConsistencyRow[] = [];
  if (result) {
    const isGroup = isGroupResult(result);
    const add = (nodeKey: string, node: NodeResult, participantKey: string | null, whose: string, describes: string) =>
      rows.push({
        nodeKey,
        node: names.node(nodeKey),
        participantKey,
        whose,
        judgments: describes,
        method: names.method(node.method),
        cr: node.cr,
        ci: node.ci,
        lambdaMax: node.lambdaMax,
        ri: node.randomIndex?.value ?? null,
        consistent: context.yesNo(node.isConsistentEnough),
        estimated: context.yesNo(node.completion !== null),
        completion: node.completion ? t.participation(`methods.${node.completion.method}`) : null,
        approximation: context.yesNo(node.isApproximation),
      });
    const ownKey = isGroup ? null : view!.participantKey;
    const resultWhose = isGroup ? t.exports('tables.consistency.group') : names.participant(ownKey ?? '');
    for (const node of snapshot.model.nodes) {
      const entry = result.nodes[node.key];
      if (isPairwise(entry)) add(node.key, entry, ownKey, resultWhose, t.participation(`consistencyOf.${result.consistencyOf}`));
    }
    if (isGroup) {
      // Only the people this link may see: a participant's copy of the group result holds their own entry alone.
      const visible = new Set(snapshot.participants.map((p) => p.key));
      for (const person of result.participants.filter((p) => visible.has(p.id))) {
        for (const node of snapshot.model.nodes) {
          const entry = person.nodes[node.key];
          if (isPairwise(entry)) add(node.key, entry, person.id, names.participant(person.id), t.participation('consistencyOf.own-judgments'));
        }
      }
    }
  }
  return {
    id: 'consistency',
    title: context.title('consistency'),
    columns: context.columns<ConsistencyRow>('consistency', [
      ['nodeKey', 'text'],
      ['node', 'text'],
      ['participantKey', 'text'],
      ['whose', 'text'],
      ['judgments', 'text'],
      ['method', 'text'],
      ['cr', 'decimal'],
      ['ci', 'decimal'],
      ['lambdaMax', 'decimal'],
      ['ri', 'decimal'],
      ['consistent', 'text'],
      ['estimated', 'text'],
      ['completion', 'text'],
      ['approximation', 'text'],
    ]),
    rows,
  };
}

export function consensusTable(context: ExportContext): ExportTables['consensus'] {
  const { result, snapshot, names, t } = context;
  const rows: ConsensusRow[] = [];
  if (result && isGroupResult(result)) {
    const level = (value: number) => t.common(`consensus.${consensusLevel(value)}`);
    rows.push({ nodeKey: null, node: t.exports('tables.consensus.overall'), consensus: result.overallConsensus, level: level(result.overallConsensus) });
    for (const node of snapshot.model.nodes) {
      const value = result.consensus[node.key];
      if (typeof value === 'number') rows.push({ nodeKey: node.key, node: names.node(node.key), consensus: value, level: level(value) });
    }
  }
  return {
    id: 'consensus',
    title: context.title('consensus'),
    columns: context.columns<ConsensusRow>('consensus', [
      ['nodeKey', 'text'],
      ['node', 'text'],
      ['consensus', 'share'],
      ['level', 'text'],
    ]),
    rows,
  };
}
