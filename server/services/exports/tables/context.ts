import 'server-only';
import { GOAL_NODE_ID, type SessionResult } from '~/core/model';
import type { ExportScope } from '~/core/contracts/exports';
import type { Locale } from '~/i18n/config';
import type { LooseTranslator } from '~/i18n/messages';
import type { ParticipantInResult } from '../../results/participants-in-result';
import type { RecommendationView } from '../../results/recommendation';
import type { ResultView } from '../../results/views';
import type { SessionSnapshot } from '../../shared/session-snapshot';
import type { Cell, Column, ColumnFormat, ExportTableId } from './types';

type MaybeText = Partial<Record<Locale, string | undefined>>;
/** A name typed in one or more languages, in `locale` if it has one. */
export const inLocale = (text: MaybeText, locale: Locale): string => text[locale] || text.en || text.ru || text.az || '';

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * What every table of one export is built from: one snapshot of the session, the result of the chosen scope the
 * link may see (null before it is computed), that result's participants and recommendation, and the session
 * language's texts. Each table builder reads this and nothing else.
 */
export type ExportContext = {
  snapshot: SessionSnapshot;
  scope: ExportScope;
  view: ResultView | null;
  result: SessionResult | null;
  participants: ParticipantInResult[];
  recommendation: RecommendationView | null;
  locale: Locale;
  exportedAt: Date;
  t: { exports: LooseTranslator; common: LooseTranslator; results: LooseTranslator; participation: LooseTranslator };
  names: {
    criterion(key: string): string;
    alternative(key: string): string;
    /** A criterion or a strategy. */
    element(key: string): string;
    /** A comparison node: the goal's criteria, a criterion's sub-criteria, or the strategies under a criterion. */
    node(key: string): string;
    participant(key: string): string;
    stakeholderGroup(group: string): string;
    method(key: string): string;
  };
  yesNo(value: boolean): string;
  columns<R extends Record<string, Cell>>(table: ExportTableId, spec: Array<[Extract<keyof R, string>, ColumnFormat]>): Column<R>[];
  title(table: ExportTableId): string;
};

export function exportContext(
  base: Pick<ExportContext, 'snapshot' | 'scope' | 'view' | 'participants' | 'recommendation' | 'locale' | 'exportedAt' | 't'>,
): ExportContext {
  const { snapshot, locale, t } = base;
  const { model } = snapshot;
  const criterion = (key: string) => {
    const found = model.criterion(key);
    return found ? inLocale(found.spec.name, locale) || key : key;
  };
  const alternative = (key: string) => {
    const found = model.alternative(key);
    return found ? inLocale(found.name, locale) || key : key;
  };
  const participantNames = new Map(snapshot.participants.map((p) => [p.key, p.displayName]));
  return {
    ...base,
    result: base.view?.result ?? null,
    names: {
      criterion,
      alternative,
      element: (key) => (model.alternative(key) ? alternative(key) : criterion(key)),
      node: (key) => {
        if (key === GOAL_NODE_ID) return t.results('consistency.nodeGoal');
        const node = model.node(key);
        if (!node) return key;
        return node.kind === 'criteria'
          ? t.results('consistency.nodeCriteria', { name: criterion(key) })
          : t.results('consistency.nodeStrategies', { name: criterion(key) });
      },
      participant: (key) => participantNames.get(key) ?? key,
      stakeholderGroup: (group) => (t.common.has(`stakeholderGroups.${group}`) ? t.common(`stakeholderGroups.${group}`) : group),
      method: (key) => (t.results.has(`method.names.${key}`) ? t.results(`method.names.${key}`) : key),
    },
    yesNo: (value) => (value ? t.exports('values.yes') : t.exports('values.no')),
    columns: (table, spec) => spec.map(([key, format]) => ({ key, format, header: t.exports(`tables.${table}.columns.${key}`) })),
    title: (table) => t.exports(`tables.${table}.title`),
  };
}
