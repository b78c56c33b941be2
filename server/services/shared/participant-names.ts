import 'server-only';
import { DEFAULT_LOCALE, type Locale, isLocale } from '~/i18n/config';
import { loadTranslators } from '~/i18n/messages';
import { participantNumber } from '~/core/model';

/**
 * Anonymous mode's one home. With `participantNames: 'hidden'` every name the facilitator's screens, the results,
 * the report and the exports show is "Participant N" (in the session's language), read off here where participant
 * rows are loaded for them; the stakeholder group, weight and answers stay. A participant still sees their own name.
 */
export async function withShownNames<P extends { key: string; displayName: string }>(
  rows: readonly P[],
  session: { participantNames: 'shown' | 'hidden'; locale: string },
): Promise<P[]> {
  if (session.participantNames === 'shown') return [...rows];
  const label = await hiddenNameLabel(session.locale);
  return rows.map((row) => ({ ...row, displayName: label(row.key) }));
}

/** An audit entry's detail as the facilitator's history shows it: the name it recorded hidden in anonymous mode. */
export async function withShownNameInDetails<E extends { detail: Record<string, unknown> }>(
  entries: readonly E[],
  session: { participantNames: 'shown' | 'hidden'; locale: string },
): Promise<E[]> {
  if (session.participantNames === 'shown') return [...entries];
  const label = await hiddenNameLabel(session.locale);
  return entries.map((entry) =>
    typeof entry.detail.displayName === 'string' && typeof entry.detail.participantKey === 'string'
      ? { ...entry, detail: { ...entry.detail, displayName: label(entry.detail.participantKey) } }
      : entry,
  );
}

/** "Participant N" for a participant key, in the session's language (English for one the app does not have). */
async function hiddenNameLabel(sessionLocale: string): Promise<(participantKey: string) => string> {
  const locale: Locale = isLocale(sessionLocale) ? sessionLocale : DEFAULT_LOCALE;
  const [t] = await loadTranslators(locale, ['common.participantNames'] as const);
  return (participantKey) => t('hidden', { n: participantNumber(participantKey) });
}
