import 'server-only';
import { type Places, isGroupResult } from '~/core/model';
import type { ExportContext } from './context';
import type { ExportTables, GroupDistanceRow, GroupFigureRow } from './types';

/** The key the tables give the whole group, beside the stakeholder groups' own keys. */
const WHOLE = 'all';

/** The stored comparison of the stakeholder groups, when the result has one (group results computed since it exists). */
function comparisonOf(context: ExportContext) {
  const { result } = context;
  return result && isGroupResult(result) ? (result.stakeholderGroups ?? null) : null;
}

/**
 * Each stakeholder group's criterion weights (global) and strategy scores, with their places (leaf criteria and
 * strategies), beside the whole group's: the figures of the results page's "Stakeholder groups" section, as stored.
 */
export function stakeholderGroupsTable(context: ExportContext): ExportTables['stakeholderGroups'] {
  const { snapshot, names, t } = context;
  const comparison = comparisonOf(context);
  const rows: GroupFigureRow[] = [];
  if (comparison) {
    const add = (
      groupKey: string,
      group: string,
      people: number,
      figures: { criteria: Record<string, number> | null; alternatives: Record<string, number> | null; places: Places | null },
    ) => {
      const base = { groupKey, group, people, fewerThanTwo: context.yesNo(people < 2) };
      for (const c of snapshot.model.criteria) {
        rows.push({
          ...base,
          kind: t.exports('tables.stakeholderGroups.kinds.criterion'),
          key: c.key,
          name: names.criterion(c.key),
          weight: figures.criteria?.[c.key] ?? null,
          place: figures.places?.criteria[c.key] ?? null,
        });
      }
      for (const key of snapshot.model.alternativeKeys) {
        rows.push({
          ...base,
          kind: t.exports('tables.stakeholderGroups.kinds.strategy'),
          key,
          name: names.alternative(key),
          weight: figures.alternatives?.[key] ?? null,
          place: figures.places?.strategies[key] ?? null,
        });
      }
    };
    add(WHOLE, t.exports('tables.stakeholderGroups.whole'), comparison.whole.included, comparison.whole);
    for (const g of comparison.groups) add(g.group, names.stakeholderGroup(g.group), g.included, g);
  }
  return {
    id: 'stakeholderGroups',
    title: context.title('stakeholderGroups'),
    columns: context.columns<GroupFigureRow>('stakeholderGroups', [
      ['groupKey', 'text'],
      ['group', 'text'],
      ['people', 'integer'],
      ['fewerThanTwo', 'text'],
      ['kind', 'text'],
      ['key', 'text'],
      ['name', 'text'],
      ['weight', 'share'],
      ['place', 'integer'],
    ]),
    rows,
  };
}

/**
 * Saaty's compatibility index S (compatible up to the stored limit, 1.1) and Kendall's tau-b between each group and
 * the whole group, then between every two groups, with the criterion they disagree most on where the stored
 * comparison names one.
 */
export function groupDistancesTable(context: ExportContext): ExportTables['groupDistances'] {
  const { names, t } = context;
  const comparison = comparisonOf(context);
  const rows: GroupDistanceRow[] = [];
  if (comparison) {
    const limit = comparison.measures.compatibilityLimit;
    const compatible = (value: number | null) => (value === null ? null : context.yesNo(value <= limit));
    const none = { disagreementKey: null, disagreement: null, placeA: null, weightA: null, placeB: null, weightB: null };
    const row = (aKey: string, bKey: string, bName: string, d: NonNullable<(typeof comparison.groups)[number]['toWhole']>) => ({
      aKey,
      a: names.stakeholderGroup(aKey),
      bKey,
      b: bName,
      criteriaCompatibility: d.criteriaCompatibility,
      criteriaCompatible: compatible(d.criteriaCompatibility),
      criteriaTau: d.criteriaTau,
      strategiesCompatibility: d.strategiesCompatibility,
      strategiesCompatible: compatible(d.strategiesCompatibility),
      strategiesTau: d.strategiesTau,
    });
    for (const g of comparison.groups) {
      if (g.toWhole) rows.push({ ...row(g.group, WHOLE, t.exports('tables.stakeholderGroups.whole'), g.toWhole), ...none });
    }
    for (const pair of comparison.pairs) {
      const found = comparison.disagreements.find((d) => (d.a === pair.a && d.b === pair.b) || (d.a === pair.b && d.b === pair.a));
      const disagreement = found
        ? {
            disagreementKey: found.criterion,
            disagreement: names.criterion(found.criterion),
            // Columns A and B follow the pair's order, whichever group put the criterion higher.
            ...(found.a === pair.a
              ? { placeA: found.placeA, weightA: found.weightA, placeB: found.placeB, weightB: found.weightB }
              : { placeA: found.placeB, weightA: found.weightB, placeB: found.placeA, weightB: found.weightA }),
          }
        : none;
      rows.push({ ...row(pair.a, pair.b, names.stakeholderGroup(pair.b), pair), ...disagreement });
    }
  }
  return {
    id: 'groupDistances',
    title: context.title('groupDistances'),
    columns: context.columns<GroupDistanceRow>('groupDistances', [
      ['aKey', 'text'],
      ['a', 'text'],
      ['bKey', 'text'],
      ['b', 'text'],
      ['criteriaCompatibility', 'decimal'],
      ['criteriaCompatible', 'text'],
      ['criteriaTau', 'decimal'],
      ['strategiesCompatibility', 'decimal'],
      ['strategiesCompatible', 'text'],
      ['strategiesTau', 'decimal'],
      ['disagreementKey', 'text'],
      ['disagreement', 'text'],
      ['placeA', 'integer'],
      ['weightA', 'share'],
      ['placeB', 'integer'],
      ['weightB', 'share'],
    ]),
    rows,
  };
}
