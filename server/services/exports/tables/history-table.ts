import 'server-only';
import type { HistoryEntry } from '../../sessions/history';
import { type ExportContext, inLocale } from './context';
import type { ExportTables, HistoryExportRow } from './types';

/**
 * The session's history (audit log) for the facilitator: when, who, what (in the session's language, with the
 * action's code for filtering) and about what. Participants' exports leave it empty: it names everyone.
 */
export function historyTable(context: ExportContext, entries: readonly HistoryEntry[]): ExportTables['history'] {
  const { t, locale } = context;
  const label = (action: string) => {
    const key = `audit.actions.${action}`;
    return t.common.has(key) ? t.common(key) : action;
  };
  const actor = (who: string) => {
    const key = `audit.actors.${who}`;
    return t.common.has(key) ? t.common(key) : who;
  };
  const rows: HistoryExportRow[] = entries.map((entry) => ({
    at: entry.at.toISOString(),
    actor: actor(entry.actor),
    action: label(entry.action),
    actionCode: entry.action,
    subject: [entry.subject.name ? inLocale(entry.subject.name, locale) : null, entry.subject.participant, entry.subject.changed.join(', ') || null]
      .filter(Boolean)
      .join(' · ') || null,
    sessionVersion: entry.sessionVersion,
  }));
  return {
    id: 'history',
    title: context.title('history'),
    columns: context.columns<HistoryExportRow>('history', [
      ['at', 'datetime'],
      ['actor', 'text'],
      ['action', 'text'],
      ['actionCode', 'text'],
      ['subject', 'text'],
      ['sessionVersion', 'integer'],
    ]),
    rows,
  };
}
