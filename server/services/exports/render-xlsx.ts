import 'server-only';
import type ExcelJS from 'exceljs';
import type { AnyExportTable, Cell, ColumnFormat, ExportTables } from './tables/index';

const NUMBER_FORMATS: Partial<Record<ColumnFormat, string>> = {
  integer: '0',
  decimal: '0.0000',
  share: '0.00%',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** Excel refuses sheet names over 31 characters, with []:*?/\ in them, or used twice. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  // Excel keeps the sheet name "History" for itself (its change tracking) and refuses a workbook that uses it.
  for (let n = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n += 1) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function xlsxValue(value: Cell, format: ColumnFormat): string | number | Date | null {
  if (value === null) return null;
  if (format === 'datetime' && typeof value === 'string') return new Date(value);
  return value;
}

/**
 * One workbook, a sheet per table: a bold, frozen header row, columns sized to their content, and numbers stored at
 * full precision with a display format (shares as percentages), so a spreadsheet can compute on them.
 */
export async function tablesToXlsx(tables: ExportTables, meta: { title: string; created: Date }): Promise<Uint8Array> {
  // Loaded on first use: exceljs is large, and every process that serves the API would otherwise load it at start.
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = 'Clusterwise';
  workbook.title = meta.title;
  workbook.created = meta.created;
  const taken = new Set<string>();
  for (const table of Object.values(tables) as AnyExportTable[]) {
    const columns = table.columns as Array<{ key: string; header: string; format: ColumnFormat }>;
    const rows = table.rows as Array<Record<string, Cell>>;
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => {
      const longest = Math.max(column.header.length, ...rows.map((row) => String(row[column.key] ?? '').length));
      return {
        header: column.header,
        key: column.key,
        width: Math.min(60, Math.max(8, column.format === 'datetime' ? 20 : longest + 2)),
        style: NUMBER_FORMATS[column.format] ? { numFmt: NUMBER_FORMATS[column.format] } : {},
      };
    });
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, xlsxValue(row[column.key] ?? null, column.format)])));
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
