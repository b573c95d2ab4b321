// The modelling report (issue 19, the auditor's view) on the shipped catalogue: needs with their
// origin, modules × objects with suggestions and gaps, risk analyses; JSON and XLSX agree.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedCatalogIndex } from '../catalog/seed.ts';
import type { ModellingReport } from '../contracts/modelling.ts';

const KOV = '0141';
let t: TestContext;
let as: string;
let report: ModellingReport;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = createTestContext();
  seedCatalogIndex(t.db);
  as = signInAs(t.db, 'specialist', [KOV]).token;
  const post = async (json: object) => {
    const res = await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as, json });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  ids['room'] = await post({ name: 'Serveriruum', type: 'room' });
  ids['pcs'] = await post({ name: 'Töökohaarvutid', type: 'it_system', count: 40, modules: ['SYS.2.1'], dependsOn: [ids['room']] });
  ids['app'] = await post({ name: 'Dokumendihaldus', type: 'application', dependsOn: [ids['pcs']], protectionNeed: { confidentiality: 'high' }, justification: 'Isikuandmed' });
  const auditor = signInAs(t.db, 'auditor', [KOV]).token;
  const res = await t.request(`/api/kovs/${KOV}/modelling-report`, { as: auditor });
  expect(res.status).toBe(200);
  report = (await res.json()) as ModellingReport;
}, 120_000);

describe('modelling report', () => {
  it('shows each need with the object it is inherited from, and the justification', () => {
    const pcs = report.objects.find((o) => o.id === ids['pcs'])!;
    expect(pcs.need.confidentiality).toEqual({ level: 'high', from: 'Dokumendihaldus', distributed: false });
    expect(pcs.need.integrity).toEqual({ level: 'normal', from: null, distributed: false });
    expect(report.objects.find((o) => o.id === ids['room'])!.need.confidentiality.from).toBe('Dokumendihaldus');
    expect(report.objects.find((o) => o.id === ids['app'])).toMatchObject({ justification: 'Isikuandmed', dependsOn: ['Töökohaarvutid'] });
    expect(report.objects[0]!.type).toBe('organisation');
  });

  it('marks a system module of the scope that no object models as a gap, and suggests the objects it fits', () => {
    const org = report.objects[0]!.id;
    const mod = (id: string) => report.modules.find((m) => m.id === id)!;
    expect(mod('SYS.2.1')).toMatchObject({ modelledOn: [org, ids['pcs']], gap: false, suggestedFor: [] });
    expect(mod('INF.2')).toMatchObject({ modelledOn: [org], gap: true, suggestedFor: [ids['room']] });
    expect(mod('ISMS.1')).toMatchObject({ gap: false });
    expect(report.modules.filter((m) => m.gap).every((m) => /^(INF|NET|SYS|APP|IND)\./.test(m.id))).toBe(true);
  });

  it('lists the risk analyses the high needs require', () => {
    expect(report.riskAnalyses.filter((r) => r.required).map((r) => r.name).sort()).toEqual(['Dokumendihaldus', 'Serveriruum', 'Töökohaarvutid']);
  });

  it('the workbook has the same objects, matrix and gaps', async () => {
    const res = await t.request(`/api/kovs/${KOV}/exports/modelling.xlsx`, { as });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/modelleerimine-anija-vald-\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Objektid', 'Moodulid ja objektid', 'Lüngad', 'Riskianalüüs']);
    const objects = wb.getWorksheet('Objektid')!;
    expect(objects.rowCount).toBe(1 + report.objects.length);
    const matrix = wb.getWorksheet('Moodulid ja objektid')!;
    const header = (matrix.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Moodul', 'Pealkiri', ...report.objects.map((o) => o.name), 'Lünk']);
    const inf2 = matrix.getRows(2, matrix.rowCount - 1)!.find((r) => r.getCell(1).value === 'INF.2')!;
    expect(inf2.getCell(header.indexOf('Serveriruum') + 1).value).toBe('soovitus');
    expect(inf2.getCell(header.length).value).toBe('jah');
    expect(wb.getWorksheet('Lüngad')!.rowCount).toBe(1 + report.modules.filter((m) => m.gap).length);
  });

  it('is the municipality’s own: another municipality’s specialist gets 404, signed out 401', async () => {
    const other = signInAs(t.db, 'specialist', ['0198']).token;
    expect((await t.request(`/api/kovs/${KOV}/modelling-report`, { as: other })).status).toBe(404);
    expect((await t.request(`/api/kovs/${KOV}/exports/modelling.xlsx`, { as: other })).status).toBe(404);
    expect((await t.request(`/api/kovs/${KOV}/modelling-report`)).status).toBe(401);
  });
});
