import 'server-only';
import { describeParticipation } from '~/i18n/participation';
import type { ExportContext } from './context';
import type { ExportTables, ParticipantExportRow } from './types';

/** The participants the link may see, their weights, and whether and why the result includes them (or what was estimated). */
export function participantsTable(context: ExportContext): ExportTables['participants'] {
  const { t, names } = context;
  const rows: ParticipantExportRow[] = context.participants.map((p) => ({
    key: p.key,
    name: p.displayName,
    group: names.stakeholderGroup(p.stakeholderGroup),
    weight: p.weight,
    groupWeight: p.groupWeight,
    effectiveWeight: p.effectiveWeight,
    included: p.participation ? context.yesNo(p.participation.isIncluded) : t.exports('tables.session.noResult'),
    note: p.participation ? describeParticipation(t.participation, p.participation, names.node) : null,
    answered: p.progress.answered,
    required: p.progress.required,
  }));
  return {
    id: 'participants',
    title: context.title('participants'),
    columns: context.columns<ParticipantExportRow>('participants', [
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
    rows,
  };
}
