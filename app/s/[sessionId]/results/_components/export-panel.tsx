'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useServerErrorText } from '~/app/_components/use-error-text';
import { SaveTemplateForm } from '~/app/_components/save-template-form';
import type { ExportFormat, ExportScope } from '~/core/contracts/exports';
import styles from './export-panel.module.css';
import { useExportDownload } from '~/app/s/[sessionId]/_components/results/use-export-download';

/**
 * What to take to the decision meeting: the printable report, the tables as CSV or XLSX, and (facilitator) the
 * whole session as a file that opens again later, and the model saved as a template for the next decision.
 * Participants download what they are looking at: their own result, or the group's when it is shared.
 */
export function ExportPanel({
  sessionId,
  scope,
  isFacilitator,
}: {
  sessionId: string;
  scope: ExportScope;
  isFacilitator: boolean;
}) {
  const t = useTranslations('report.panel');
  const errorText = useServerErrorText();
  const download = useExportDownload(sessionId, scope);
  const formats: ExportFormat[] = isFacilitator ? ['csv', 'xlsx', 'json'] : ['csv', 'xlsx'];
  const status = download.isPending
    ? t('preparing', { file: t(`files.${download.variables}`) })
    : download.isSuccess
      ? t('done', { fileName: download.data.fileName })
      : '';
  return (
    <section aria-labelledby="exports-title" className={styles.panel}>
      <h2 id="exports-title">{t('title')}</h2>
      <p className={styles.caption}>{t('caption')}</p>
      <div className={styles.actions}>
        <Link className="button primary" href={`/s/${sessionId}/report${isFacilitator ? '' : `?scope=${scope}`}`}>
          {t('report')}
        </Link>
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            onClick={() => download.mutate(format)}
            disabled={download.isPending}
            aria-describedby={format === 'json' ? 'exports-json-hint' : undefined}
          >
            <span aria-hidden="true">⬇ </span>
            {t(`download.${format}`)}
          </button>
        ))}
      </div>
      {isFacilitator && (
        <p className={styles.hint} id="exports-json-hint">
          {t('jsonHint')}
        </p>
      )}
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
      {download.isError && (
        <p className="notice danger" role="alert">
          {t('failed', { reason: errorText(download.error) })}
        </p>
      )}
      {isFacilitator && (
        <details className={styles.template}>
          <summary>{t('saveTemplate')}</summary>
          <SaveTemplateForm sessionId={sessionId} />
        </details>
      )}
    </section>
  );
}
