// The cost declaration keeps amounts as numbers in CSV and XLSX, negative ones (credit notes)
// included; only text cells get the formula guard.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { parseCsv } from '../lib/tabular.ts';
import { seedPlan } from './test-plan.ts';

let t: TestContext;
let admin: string;
let planId: number;

beforeEach(async () => {
  t = createTestContext();
  admin = signInAs(t.db, 'admin').token;
  planId = (await (await t.request('/api/budget/plans', { method: 'POST', json: seedPlan(), as: admin })).json()).id;
  const credit = {
    initiative: 'KOGUKOND', date: '2024-03-15', account: '55', net: -50, vat: -11, supplier: '-Kreeditarve OÜ', documentNumber: 'K-1', description: '=HYPERLINK("http://x.invalid";"klõps")',
  };
  expect((await t.request(`/api/budget/plans/${planId}/actuals`, { method: 'POST', json: credit, as: admin })).status).toBe(201);
});

const download = async (format: 'csv' | 'xlsx') => {
  const res = await t.request(`/api/budget/plans/${planId}/cost-declaration.${format}`, { as: admin });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

describe('cost declaration with a negative amount', () => {
  it('writes the amounts as CSV numbers and guards the formula-looking text', async () => {
    const [header, row] = parseCsv((await download('csv')).toString('utf8'));
    expect(header!.slice(6)).toEqual(['Tarnija', 'Dokumendi nr', 'Kirjeldus', 'Summa km-ta', 'Käibemaks', 'Summa km-ga']);
    expect(row!.slice(9)).toEqual(['-50,00', '-11,00', '-61,00']);
    expect(row![6]).toBe(`'-Kreeditarve OÜ`);
    expect(row![8]).toBe(`'=HYPERLINK("http://x.invalid";"klõps")`);
  });

  it('writes the amounts as XLSX number cells and the text as text cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = ws.getRow(2);
    for (const [col, value] of [[10, -50], [11, -11], [12, -61]] as const) {
      expect(row.getCell(col).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(col).value).toBe(value);
    }
    // A string cell is never run as a formula; its text stays exactly what was entered.
    for (const [col, value] of [[7, '-Kreeditarve OÜ'], [9, '=HYPERLINK("http://x.invalid";"klõps")']] as const) {
      expect(row.getCell(col).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(col).value).toBe(value);
    }
    expect(ws.getRow(3).getCell(12).type).toBe(ExcelJS.ValueType.Number); // KOKKU
    expect(ws.getRow(3).getCell(12).value).toBe(-61);
  });
});
