// Tabular exports in the forms Estonian offices open cleanly: CSV (UTF-8 with BOM, ';' separator,
// decimal comma) and XLSX (Estonian headers, frozen header row, autofilter, column widths).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null | undefined | Date;

export interface Column<Row> {
  header: string;
  /** Cell value for a row. Numbers stay numbers in XLSX and get a decimal comma in CSV. */
  value: (row: Row) => Cell;
  /** XLSX column width in characters. */
  width?: number;
  /** XLSX number format, e.g. '0.0%' or '#,##0.00 "€"'. */
  numFmt?: string;
  /** CSV: numbers with exactly this many decimals (money: 2); otherwise as many as they have. */
  decimals?: number;
}

export interface Sheet<Row = unknown> {
  name: string;
  columns: Column<Row>[];
  rows: Row[];
}

/** Text that a spreadsheet would run as a formula (CSV injection): = + - @ tab CR at the start. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvNumber(v: number, decimals: number | undefined): string {
  const s = decimals !== undefined ? v.toFixed(decimals) : Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  return s.replace('.', ',');
}

/**
 * One CSV cell. The formula guard (a leading ') is for text only and is decided on the value's type,
 * not on its formatted form: a negative number such as -50,00 stays a number.
 */
function csvCell(v: Cell, decimals?: number): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') s = csvNumber(v, decimals);
  else if (typeof v === 'boolean') s = v ? 'jah' : 'ei';
  else if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else s = FORMULA_START.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row), c.decimals)).join(';'));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/**
 * Parses CSV written by toCsv (or Estonian Excel): ';' separated, quoted cells, optional BOM, with
 * csv-parse. Throws on malformed quoting; callers that take user files turn that into a 400.
 */
export function parseCsv(text: string): string[][] {
  return parse(text, { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/** A typed sheet for toXlsx, which takes sheets of different row types in one workbook. */
export const sheet = <Row>(s: Sheet<Row>): Sheet => s as unknown as Sheet;

export async function toXlsx(sheets: Sheet[], meta: { title?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Turvarada';
  wb.created = new Date();
  if (meta.title) wb.title = meta.title;
  for (const sheet of sheets) {
    // Excel limits sheet names to 31 characters and forbids some symbols.
    const ws = wb.addWorksheet(sheet.name.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)) }));
    for (const row of sheet.rows) {
      const values: Record<string, Cell> = {};
      sheet.columns.forEach((c, i) => (values[`c${i}`] = c.value(row) ?? null));
      ws.addRow(values);
    }
    sheet.columns.forEach((c, i) => {
      if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
    });
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

/** Content-Disposition for a download with a UTF-8 file name. */
export function attachment(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
