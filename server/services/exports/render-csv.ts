import 'server-only';
import { strToU8, zipSync } from 'fflate';
import type { AnyExportTable, Cell, ColumnFormat, ExportTables } from './tables/index';

/** Excel reads a UTF-8 CSV as the local code page unless it starts with a byte-order mark: names in ru/az need it. */
const BOM = '\uFEFF';
/**
 * Spreadsheet programs run a text cell that starts with one of these as a formula; a participant's name is typed by
 * anyone, so such text gets a leading apostrophe (the OWASP advice against CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: Cell, format: ColumnFormat): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : format === 'text' && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One table as RFC 4180 CSV: comma-separated, CRLF line ends, numbers with a decimal point and never rounded. */
function tableToCsv(table: AnyExportTable): string {
  const columns = table.columns as Array<{ key: string; header: string; format: ColumnFormat }>;
  const lines = [columns.map((column) => csvCell(column.header, 'text')).join(',')];
  for (const row of table.rows as Array<Record<string, Cell>>) {
    lines.push(columns.map((column) => csvCell(row[column.key] ?? null, column.format)).join(','));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * Every table as its own CSV file in one .zip: a single download holds them all (browsers ask before letting a page
 * start several), and the files are numbered in the order of the workbook's sheets.
 */
export function tablesToCsvZip(tables: ExportTables, modified: Date): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  Object.values(tables).forEach((table, index) => {
    const name = `${String(index + 1).padStart(2, '0')}-${table.id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.csv`;
    files[name] = [strToU8(tableToCsv(table)), { mtime: modified }];
  });
  return zipSync(files, { level: 6 });
}
