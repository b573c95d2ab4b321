import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedPlan } from './test-plan.ts';

let t: TestContext;
let admin: string;
let planId: number;
const cost = (over: Record<string, unknown> = {}) => ({
  initiative: 'KOGUKOND', date: '2024-03-15', account: '55', net: 1000.5, vat: 220.11, supplier: 'Seminarikeskus OÜ', documentNumber: 'A-17', description: 'Kevadseminar', ...over,
});
const post = (body: unknown, as = admin) => t.request(`/api/budget/plans/${planId}/actuals`, { method: 'POST', json: body, as });
const actualCount = () => (t.db.prepare('SELECT count(*) AS n FROM budget_actual').get() as { n: number }).n;

beforeEach(async () => {
  t = createTestContext();
  admin = signInAs(t.db, 'admin').token;
  planId = (await (await t.request('/api/budget/plans', { method: 'POST', json: seedPlan(), as: admin })).json()).id;
});

describe('actual costs', () => {
  it('records a cost, lists it and shows plan vs actual with utilisation', async () => {
    const res = await post(cost());
    expect(res.status).toBe(201);
    const list = await (await t.request(`/api/budget/plans/${planId}/actuals`, { as: admin })).json();
    expect(list).toEqual([expect.objectContaining({ initiative: 'KOGUKOND', net: 1000.5, vat: 220.11, gross: 1220.61, documentNumber: 'A-17' })]);
    const ex = await (await t.request(`/api/budget/plans/${planId}/execution`, { as: admin })).json();
    const k = ex.byInitiative.find((i: { code: string }) => i.code === 'KOGUKOND');
    expect(k.planned.net).toBe(18000);
    expect(k.actual).toEqual({ net: 1000.5, vat: 220.11, gross: 1220.61 });
    expect(k.utilisation).toBe(5.6);
    expect(ex.byAccount['55'].actual.net).toBe(1000.5);
    expect(ex.byPeriod['2024'].actual.net).toBe(1000.5);
    expect(ex.totals.planned.net).toBe(1547118);
    expect(t.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'budget_actual.create'").get()).toEqual({ n: 1 });
  });

  it('refuses costs of a business-panel initiative until the panel date is recorded', async () => {
    const res = await post(cost({ initiative: 'KUBER', account: '50', vat: 0 }));
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/KUBER peab enne kulude kandmist läbima äripaneeli/);
    expect(actualCount()).toBe(0);
    const put = await t.request(`/api/budget/plans/${planId}/initiatives/KUBER/business-panel`, { method: 'PUT', json: { date: '2023-09-01' }, as: admin });
    expect(put.status).toBe(200);
    expect((await post(cost({ initiative: 'KUBER', account: '50', vat: 0, date: '2023-08-01' }))).status).toBe(409);
    expect((await post(cost({ initiative: 'KUBER', account: '50', vat: 0 }))).status).toBe(201);
    const ex = await (await t.request(`/api/budget/plans/${planId}/execution`, { as: admin })).json();
    expect(ex.byInitiative.find((i: { code: string }) => i.code === 'KUBER').businessPanelDate).toBe('2023-09-01');
  });

  it('refuses bad entries with a clear message and stores nothing', async () => {
    for (const [body, msg] of [
      [cost({ initiative: 'XYZ' }), /algatust "XYZ" plaanis ei ole/],
      [cost({ net: 1.234 }), /kuni 2 komakohta/],
      [cost({ date: '2024-02-30' }), /ei ole kehtiv/],
      [cost({ account: '99' }), /EA konto/],
      [cost({ supplier: ' ' }), /tarnija/],
    ] as const) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(msg);
    }
    expect((await post(cost(), signInAs(t.db, 'viewer').token)).status).toBe(403);
    expect(actualCount()).toBe(0);
  });

  it('accepts a multipart entry with an attachment and serves it back', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(cost())) form.set(k, String(v));
    form.set('attachment', new File(['%PDF-1.4 arve'], 'arve A-17.pdf', { type: 'application/pdf' }));
    const res = await t.request(`/api/budget/plans/${planId}/actuals`, { method: 'POST', body: form, as: admin });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const file = await t.request(`/api/budget/plans/${planId}/actuals/${id}/attachment`, { as: admin });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('arve%20A-17.pdf');
    expect(await file.text()).toBe('%PDF-1.4 arve');
  });
});

describe('exports', () => {
  it('exports the plan table with the "Summa koos käibemaksuga" rows for SF', async () => {
    const res = await t.request(`/api/budget/plans/${planId}/export.xlsx`, { as: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="eelarve-${planId}-v1.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Algatus', 'Rahastuse allikas / meetme tegevus', 'Rida', 'Summa kokku', '2023 kokku', '2024 kokku']);
    expect(ws.getRow(2).values).toEqual([undefined, 'KOKKU', '', 'ilma käibemaksuta', 1547118, 190218, 1356900]);
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const grossRows = rows.filter((r) => r[3] === 'Summa koos käibemaksuga');
    expect(grossRows.map((r) => r[4])).toEqual([150610, 122000, 364020, 132226, 50562, 21840]);
    expect(ws.getRow(2).getCell(5).numFmt).toBe('# ##0.00 "€"');
  });

  it('exports the cost declaration of SF initiatives for a period as CSV and XLSX', async () => {
    await post(cost({ date: '2024-01-10' }));
    await post(cost({ date: '2024-08-10', net: 200, vat: 44, description: 'Sügis; "töötuba"' }));
    await post(cost({ initiative: 'KOMPETENTSIKESKUS', date: '2024-02-01' })); // BASE: not in the SF declaration
    const csv = await t.request(`/api/budget/plans/${planId}/cost-declaration.csv?from=2024-01-01&to=2024-06-30`, { as: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="kulude-deklaratsioon-${planId}-2024-01-01-2024-06-30.csv"`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Kuupäev;Algatuse kood;Algatus;Meetme tegevus;Rahastusallikas;EA konto;Tarnija;Dokumendi nr;Kirjeldus;Summa km-ta;Käibemaks;Summa km-ga');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('10.01.2024;KOGUKOND;KOV digivaldkonna kogukonna tugevdamine;3;SF 2021–2027;55;Seminarikeskus OÜ;A-17;Kevadseminar;1000,50;220,11;1220,61');
    const all = await (await t.request(`/api/budget/plans/${planId}/cost-declaration.csv`, { as: admin })).text();
    expect(all).toContain('"Sügis; ""töötuba"""');
    const x = await t.request(`/api/budget/plans/${planId}/cost-declaration.xlsx?from=2024-01-01`, { as: admin });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(4).getCell(12).value).toBe(1464.61);
    expect((await t.request(`/api/budget/plans/${planId}/cost-declaration.csv?from=2024-13-01`, { as: admin })).status).toBe(400);
  });
});
