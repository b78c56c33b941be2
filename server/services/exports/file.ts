import 'server-only';
import type { ExportFileInput, ExportFormat } from '~/core/contracts/exports';
import { AppError } from '~/server/errors';
import type { AccessContext, FacilitatorContext, ServiceArgs } from '../context';
import { exportSession } from '../sessions/export';
import { tablesToCsvZip } from './render-csv';
import { tablesToXlsx } from './render-xlsx';
import { buildExportTables } from './tables/index';

const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv.zip', xlsx: 'xlsx', json: 'json' };

/**
 * `<session title>-<YYYY-MM-DD>.<ext>`: the title with anything a file system or a mail client might choke on
 * replaced by hyphens, letters of every script kept.
 */
export function exportFileName(title: string, date: Date, extension: string): string {
  const safe = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${safe || 'clusterwise-session'}-${date.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * One download: the tables as a .zip of CSV files or as an XLSX workbook, or (facilitator only) the session backup
 * as JSON, the document `session.import` takes back. The bytes travel base64-encoded inside the tRPC response.
 */
export async function exportFile({ ctx, input }: ServiceArgs<AccessContext, ExportFileInput>) {
  let bytes: Uint8Array;
  let title: string;
  let date: Date;
  if (input.format === 'json') {
    if (ctx.access.role !== 'facilitator') {
      throw new AppError('FORBIDDEN', 'Only the facilitator can export the whole session.', { field: 'format' });
    }
    const data = await exportSession({ ctx: ctx as FacilitatorContext, input: { sessionId: input.sessionId } });
    bytes = new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`);
    title = data.session.title;
    date = new Date(data.exportedAt);
  } else {
    const bundle = await buildExportTables({ ctx, input });
    bytes = input.format === 'csv' ? tablesToCsvZip(bundle.tables, bundle.exportedAt) : await tablesToXlsx(bundle.tables, { title: bundle.title, created: bundle.exportedAt });
    title = bundle.title;
    date = bundle.exportedAt;
  }
  return {
    fileName: exportFileName(title, date, EXTENSIONS[input.format]),
    mimeType: MIME_TYPES[input.format],
    size: bytes.byteLength,
    base64: Buffer.from(bytes).toString('base64'),
  };
}
