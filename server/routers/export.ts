import 'server-only';
import { ExportFileInput, ExportTablesInput, ReportPdfInput } from '~/core/contracts/exports';
import { exportFile } from '~/server/services/exports/file';
import { renderReportPdf } from '~/server/services/exports/report-pdf';
import { buildExportTables } from '~/server/services/exports/tables';
import { createTRPCRouter, memberProcedure } from '../trpc/init';

/**
 * The raw data and results as tables (the facilitator: everything; a participant: what their results page shows),
 * as files to download: CSV (zipped), XLSX, or the session JSON (facilitator only); and the report as a PDF printed
 * on the server.
 */
export const exportRouter = createTRPCRouter({
  tables: memberProcedure.input(ExportTablesInput).query(({ ctx, input }) => buildExportTables({ ctx, input })),
  file: memberProcedure.input(ExportFileInput).query(({ ctx, input }) => exportFile({ ctx, input })),
  reportPdf: memberProcedure.input(ReportPdfInput).query(({ ctx, input }) => renderReportPdf({ ctx, input })),
});
