// Test helpers for the export tests: a full-scale database (79 municipalities x the KOV profile on
// E-ITS 2024, demo statuses with history and snapshots) and readers for the downloaded files.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { seedCatalogIndex } from '../catalog/seed.ts';
import { seedTrackerDemo } from '../../scripts/seed/tracker-demo.ts';
import { createTestContext, type TestContext } from '../../tests/helpers/app.ts';
import { parseCsv } from '../lib/tabular.ts';

export function fullScaleContext(): TestContext {
  const t = createTestContext();
  seedCatalogIndex(t.db);
  seedTrackerDemo(t.db);
  return t;
}

/** Asserts a 200 download of the content type and returns its bytes. */
export async function download(res: Response, contentType: string, fileName?: RegExp): Promise<Buffer> {
  expect(res.status, await res.clone().text().then((s) => s.slice(0, 300))).toBe(200);
  expect(res.headers.get('content-type')).toContain(contentType);
  if (fileName) expect(res.headers.get('content-disposition')).toMatch(fileName);
  return Buffer.from(await res.arrayBuffer());
}

export async function readWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A worksheet as header names and row arrays (cell values as exceljs reads them). */
export function sheetRows(wb: ExcelJS.Workbook, name: string): { header: string[]; rows: unknown[][] } {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`No sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const all: unknown[][] = [];
  ws.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
  return { header: all[0] as string[], rows: all.slice(1) };
}

/** CSV text: checks the BOM and returns header and rows. */
export function readCsv(buf: Buffer): { header: string[]; rows: string[][] } {
  const text = buf.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = parseCsv(text);
  return { header: header!, rows };
}

/** "0,4469" → 0.4469; '' → null. */
export const csvNumber = (s: string): number | null => (s === '' ? null : Number(s.replace(',', '.')));
