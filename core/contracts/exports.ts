import { z } from 'zod';
import { Locale } from './localized';
import { SessionId } from './session';

/**
 * Whose result the exported tables carry: the group's, or the participant's own. The facilitator exports the
 * group; a participant their own, or the group's when the facilitator shares it (without the others' answers).
 */
export const ExportScope = z.enum(['group', 'own']);
export type ExportScope = z.infer<typeof ExportScope>;

/** csv: a .zip with one CSV file per table; xlsx: one workbook, a sheet per table; json: the session backup. */
export const ExportFormat = z.enum(['csv', 'xlsx', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportTablesInput = z.object({ sessionId: SessionId, scope: ExportScope.optional() });
export type ExportTablesInput = z.infer<typeof ExportTablesInput>;

export const ExportFileInput = ExportTablesInput.extend({ format: ExportFormat });
export type ExportFileInput = z.infer<typeof ExportFileInput>;

/** The report printed to PDF on the server, in the reader's UI language and time zone (an IANA name). */
export const ReportPdfInput = ExportTablesInput.extend({
  locale: Locale,
  timeZone: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_+\-/]+$/, 'an IANA time zone name, such as Asia/Baku')
    .optional(),
});
export type ReportPdfInput = z.infer<typeof ReportPdfInput>;
