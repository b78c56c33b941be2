'use client';

import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useExportDownload } from '~/app/s/[sessionId]/_components/results/use-export-download';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { useLocalizedText } from '~/app/_components/use-localized-text';
import { TableScroll } from '~/app/_components/table-scroll';
import { useTRPC } from '~/app/_trpc/client';
import styles from './manage.module.css';

/** The kinds of change a reader filters by: the first part of the action code ("criterion.added" -> model). */
const KIND_OF_AREA: Record<string, 'session' | 'model' | 'participants' | 'workshop'> = {
  session: 'session',
  goal: 'model',
  criterion: 'model',
  criteria: 'model',
  alternative: 'model',
  alternatives: 'model',
  measure: 'model',
  model: 'model',
  participant: 'participants',
  workshop: 'workshop',
};
const KINDS = ['session', 'model', 'participants', 'workshop'] as const;

/** Who did what and when, newest first, filterable by kind and by words; downloadable with the session's tables. */
export function HistoryPanel({ sessionId }: { sessionId: string }) {
  const t = useTranslations('manage.history');
  const tAudit = useTranslations('common.audit');
  const format = useFormatter();
  const localized = useLocalizedText();
  const trpc = useTRPC();
  const errorText = useServerErrorText();
  const history = useQuery(trpc.session.history.queryOptions({ sessionId }));
  const download = useExportDownload(sessionId, 'group');
  const [kind, setKind] = useState<'all' | (typeof KINDS)[number]>('all');
  const [words, setWords] = useState('');

  const entries = useMemo(
    () =>
      [...(history.data ?? [])].reverse().map((entry) => {
        const what = entry.isKnownAction ? tAudit(`actions.${entry.action}` as 'actions.session.created') : entry.action;
        const about = [localized(entry.subject.name), entry.subject.participant, entry.subject.changed.join(', ')].filter(Boolean).join(' · ');
        const who = entry.actor === 'facilitator' || entry.actor === 'participant' ? tAudit(`actors.${entry.actor}`) : entry.actor;
        return { ...entry, what, about, who, kind: KIND_OF_AREA[entry.action.split('.')[0] ?? ''] ?? 'session' };
      }),
    [history.data, localized, tAudit],
  );
  const needle = words.trim().toLocaleLowerCase();
  const shown = entries.filter(
    (entry) => (kind === 'all' || entry.kind === kind) && (!needle || `${entry.what} ${entry.about} ${entry.who}`.toLocaleLowerCase().includes(needle)),
  );

  return (
    <section className={`card ${styles.section}`} aria-labelledby="history-heading">
      <h2 id="history-heading">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <div className={styles.filters}>
        <div className="field">
          <label htmlFor="history-kind">{t('kind')}</label>
          <select id="history-kind" value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            <option value="all">{t('kinds.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-words">{t('words')}</label>
          <input id="history-words" type="search" value={words} onChange={(event) => setWords(event.target.value)} />
        </div>
        <button type="button" className="button" onClick={() => download.mutate('xlsx')} disabled={download.isPending} aria-describedby="history-download-hint">
          <span aria-hidden="true">⬇ </span>
          {t('download')}
        </button>
      </div>
      <p className="hint" id="history-download-hint">
        {t('downloadHint')}
      </p>
      <p role="status" aria-live="polite" className="muted">
        {history.data ? t('shown', { shown: shown.length, total: entries.length }) : ''}
        {download.isSuccess ? ` ${t('downloaded', { fileName: download.data.fileName })}` : ''}
      </p>
      {history.isError || download.isError ? (
        <p className="error" role="alert">
          {errorText(history.error ?? download.error)}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <TableScroll label={t('caption')}>
          <table className="data">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('about')}</th>
                <th scope="col" className="number">
                  {t('version')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry, index) => (
                <tr key={`${entry.at.toString()}-${index}`}>
                  <td>{format.dateTime(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>{entry.who}</td>
                  <td>{entry.what}</td>
                  <td className={styles.subject}>{entry.about}</td>
                  <td className="number">{entry.sessionVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : history.data ? (
        <p>{t('none')}</p>
      ) : null}
    </section>
  );
}
