// The ministry report's numbers, worked out by hand on the small plan (test-plan.ts), its files
// (XLSX numbers in euro format, CSV) and who may read it.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { parseCsv } from '../lib/tabular.ts';
import { smallPlan } from './test-plan.ts';

let t: TestContext;
let analyst: string;
let planId: number;
const m = (net: number, vat: number, gross: number) => ({ net, vat, gross });
const cost = (over: Record<string, unknown>) => ({ initiative: 'TEENUS', date: '2024-05-10', account: '55', net: 0, vat: 0, supplier: 'Tarnija OÜ', documentNumber: 'A-1', ...over });

beforeEach(async () => {
  t = createTestContext();
  analyst = signInAs(t.db, 'analyst').token;
  planId = (await (await t.request('/api/budget/plans', { method: 'POST', json: smallPlan(), as: analyst })).json()).id;
  const post = async (body: unknown) => (await (await t.request(`/api/budget/plans/${planId}/actuals`, { method: 'POST', json: body, as: analyst })).json()) as { id: number; version: number };
  await post(cost({ net: 2100, vat: 462 }));
  await post(cost({ initiative: 'BAAS', date: '2024-02-01', net: 100, vat: 22, documentNumber: 'B-1' }));
  const cancelled = await post(cost({ date: '2023-06-01', net: 999, vat: 199.8, documentNumber: 'C-1' }));
  const res = await t.request(`/api/budget/plans/${planId}/actuals/${cancelled.id}/cancel`, { method: 'POST', json: { version: 1, reason: 'Topelt sisestatud' }, as: analyst });
  expect(res.status).toBe(200);
});

describe('ministry report', () => {
  it('gives plan, actual and remaining by source × account × year, with and without VAT; a cancelled cost counts nowhere', async () => {
    const res = await t.request(`/api/budget/plans/${planId}/ministry-report`, { as: analyst });
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.plan).toEqual({ id: planId, name: 'Väike plaan', version: 1 });
    const [sf, base] = r.sources;
    expect(sf).toMatchObject({ code: 'SF', vatTreatment: 'grant_includes_vat', grantBasis: 'gross' });
    expect(sf.rows).toEqual([
      { account: '50', year: '2024', planned: m(500, 0, 500), actual: m(0, 0, 0), remaining: m(500, 0, 500), overspent: false },
      { account: '55', year: '2023', planned: m(1000, 200, 1200), actual: m(0, 0, 0), remaining: m(1000, 200, 1200), overspent: false },
      { account: '55', year: '2024', planned: m(2000, 440, 2440), actual: m(2100, 462, 2562), remaining: m(-100, -22, -122), overspent: true },
    ]);
    expect(sf.total).toEqual({ planned: m(3500, 640, 4140), actual: m(2100, 462, 2562), remaining: m(1400, 178, 1578), overspent: false });
    expect(base).toMatchObject({ code: 'BASE', grantBasis: 'net' });
    expect(base.rows).toEqual([{ account: '55', year: '2024', planned: m(300.33, 66.07, 366.4), actual: m(100, 22, 122), remaining: m(200.33, 44.07, 244.4), overspent: false }]);
    expect(r.total).toEqual({ planned: m(3800.33, 706.07, 4506.4), actual: m(2200, 484, 2684), remaining: m(1600.33, 222.07, 1822.4), overspent: false });
    // The execution report sums the same rows: the cancelled 999 € is not in it either.
    const ex = await (await t.request(`/api/budget/plans/${planId}/execution`, { as: analyst })).json();
    expect(ex.totals.actual).toEqual(m(2200, 484, 2684));
    expect(ex.totals.planned).toEqual(m(3800.33, 706.07, 4506.4));
  });

  it('exports the same rows and totals as XLSX (euro-formatted numbers) and CSV', async () => {
    const x = await t.request(`/api/budget/plans/${planId}/ministry-report.xlsx`, { as: analyst });
    expect(x.status).toBe(200);
    expect(x.headers.get('content-disposition')).toContain(`eelarve-aruanne-${planId}-v1.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Rahastusallikas', 'Kood', 'Toetuse alus', 'EA konto', 'Aasta', 'Plaan km-ta', 'Plaan km-ga', 'Tegelik km-ta', 'Tegelik km-ga', 'Jääk km-ta', 'Jääk km-ga', 'Ülekulu']);
    expect(rows.length).toBe(1 + 3 + 1 + 1 + 1 + 1);
    expect(rows[3]).toEqual(['SF 2021–2027', 'SF', 'toetus koos km-ga', '55', '2024', 2000, 2440, 2100, 2562, -100, -122, 'jah']);
    expect(rows.at(-1)).toEqual(['KOKKU', '', '', 'kokku', 'kokku', 3800.33, 4506.4, 2200, 2684, 1600.33, 1822.4, '']);
    expect(ws.getCell('F2').numFmt).toBe('# ##0.00 "€"');
    expect(typeof ws.getCell('K4').value).toBe('number');
    const csv = await t.request(`/api/budget/plans/${planId}/ministry-report.csv`, { as: analyst });
    const lines = parseCsv(await csv.text());
    expect(lines.at(-1)).toEqual(['KOKKU', '', '', 'kokku', 'kokku', '3800,33', '4506,40', '2200,00', '2684,00', '1600,33', '1822,40', '']);
  });

  it('is for the roles that may read the budget only', async () => {
    for (const path of ['ministry-report', 'ministry-report.xlsx', 'ministry-report.csv', 'actual-history']) {
      expect((await t.request(`/api/budget/plans/${planId}/${path}`)).status).toBe(401);
      for (const role of ['viewer', 'specialist', 'reviewer'] as const) {
        expect((await t.request(`/api/budget/plans/${planId}/${path}`, { as: signInAs(t.db, role, role === 'reviewer' ? [] : ['0141']).token })).status).toBe(403);
      }
      expect((await t.request(`/api/budget/plans/${planId}/${path}`, { as: signInAs(t.db, 'admin').token })).status).toBe(200);
    }
    expect((await t.request('/api/budget/plans/999/ministry-report', { as: analyst })).status).toBe(404);
  });
});
