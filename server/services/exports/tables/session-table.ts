import 'server-only';
import { isGroupResult } from '~/core/model';
import type { ExportContext } from './context';
import type { ExportTables, SessionFieldRow } from './types';

const iso = (date: Date) => date.toISOString();

/** The session and the result exported: what it is about, when and how it was computed, and whom it includes. */
export function sessionTable(context: ExportContext): ExportTables['session'] {
  const { snapshot, view, result, scope, t, names } = context;
  const { session } = snapshot;
  const method = view?.settings.methodSettings ?? session.methodSettings;
  const field = (key: string, value: SessionFieldRow['value']): SessionFieldRow => ({ field: t.exports(`tables.session.fields.${key}`), value });
  const rows: SessionFieldRow[] = [
    field('title', session.title),
    field('region', session.region),
    field('cluster', session.cluster),
    field('question', session.question),
    field('status', t.common(`status.${session.status}`)),
    field('exportedAt', iso(context.exportedAt)),
    field('scope', t.exports(`tables.session.scopes.${scope}`)),
    field('computedAt', view ? iso(view.computedAt) : t.exports('tables.session.noResult')),
    ...(view
      ? [field('isStale', context.yesNo(view.isStale)), field('included', view.counts.included), field('excluded', view.counts.excluded)]
      : []),
    field('priorities', names.method(method.method)),
    field('synthesis', names.method(method.synthesis)),
    ...(scope === 'group' ? [field('aggregation', names.method(method.aggregation))] : []),
    field('scale', names.method(method.scale)),
    field('completion', t.participation(`methods.${method.completion}`)),
    field('randomIndex', t.results.has(`method.tables.${method.randomIndex}`) ? t.results(`method.tables.${method.randomIndex}`) : method.randomIndex),
    ...(result ? [field('consistencyOf', t.participation(`consistencyOf.${result.consistencyOf}`))] : []),
    ...(result && isGroupResult(result) ? [field('consensus', result.overallConsensus)] : []),
  ];
  return {
    id: 'session',
    title: context.title('session'),
    columns: context.columns<SessionFieldRow>('session', [
      ['field', 'text'],
      ['value', 'text'],
    ]),
    rows,
  };
}
