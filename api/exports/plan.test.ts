// The implementation plan export at full scale: JSON has every measure in scope, the CSV
// round-trips to the JSON values, the XLSX has real date cells; tenant guard and CSV injection.
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { getProgress } from '../tracker/progress.ts';
import { formatIsoDate, formatTimestamp } from './format.ts';
import type { Plan, PlanRow } from '../contracts/exports.ts';
import { download, fullScaleContext, readCsv, readWorkbook, sheetRows } from './test-fixture.ts';

const OWN = '0141'; // Anija vald
const FOREIGN = '0198'; // Harku vald
const HEADERS = ['Tähis', 'Moodul', 'Meede', 'Klass', 'Prioriteet', 'Seis', 'Vastutaja', 'Tähtaeg', 'Rakendamise kirjeldus', 'Põhjendus', 'Riski aktsepteerija', 'Aktsepteerimise kuupäev', 'Muudetud', 'Sihtobjekt', 'Omanik'];
const FIELDS: Array<keyof PlanRow> = ['measureId', 'module', 'title', 'classLabel', 'priority', 'statusLabel', 'responsible', 'dueDate', 'description', 'justification', 'acceptedBy', 'acceptedAt', 'updatedAt', 'object', 'owner'];

let t: TestContext;
let viewer: string;
let plan: Plan;

const base = (ehak: string) => `/api/kovs/${ehak}/exports`;

/** The CSV text of a JSON value: dates in Estonian form, nulls empty. */
function csvText(field: keyof PlanRow, v: unknown): string {
  if (v === null) return '';
  if (field === 'dueDate' || field === 'acceptedAt') return formatIsoDate(v as string);
  if (field === 'updatedAt') return formatTimestamp(v as string);
  return String(v);
}

beforeAll(async () => {
  t = fullScaleContext();
  viewer = signInAs(t.db, 'viewer', [OWN]).token;
  const res = await t.request(`${base(OWN)}/plan.json`, { as: viewer });
  plan = JSON.parse((await download(res, 'application/json', /tegevuskava-anija-vald-\d{4}-\d{2}-\d{2}\.json/)).toString('utf8')) as Plan;
}, 120_000);

describe('plan.json', () => {
  it('lists every object × measure row in scope once, with the progress totals', () => {
    const p = getProgress(t.db, OWN)!;
    expect(plan.kov).toEqual({ ehak: OWN, name: 'Anija vald' });
    expect(plan.measures.length).toBe(p.total);
    expect(plan.measures.length).toBeGreaterThan(500);
    expect(new Set(plan.measures.map((m) => `${m.object}/${m.measureId}`)).size).toBe(plan.measures.length);
    expect(new Set(plan.measures.map((m) => m.object))).toEqual(new Set(['Organisatsioon tervikuna']));
    expect(plan.measures.filter((m) => m.effectiveStatus === 'implemented').length).toBe(p.implemented);
    expect(new Set(plan.measures.map((m) => m.classLabel))).toEqual(new Set(['Põhimeede', 'Standardmeede']));
  });

  it('carries the texts and dates of the status records', () => {
    const row = t.db
      .prepare(`SELECT measure_id, description, responsible, due_date FROM measure_status WHERE ehak = ? AND description IS NOT NULL AND due_date IS NOT NULL LIMIT 1`)
      .get(OWN) as { measure_id: string; description: string; responsible: string; due_date: string };
    const m = plan.measures.find((x) => x.measureId === row.measure_id)!;
    expect(m).toMatchObject({ description: row.description, responsible: row.responsible, dueDate: row.due_date });
    expect(m.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows a centrally delivered measure as "tagatud keskselt (provider)"', async () => {
    const shared = t.db
      .prepare(
        `SELECT k.ehak, ss.measure_id, sm.provider FROM solution_statement ss JOIN solution_model sm ON sm.id = ss.model_id JOIN solution_model_kov k ON k.model_id = ss.model_id
         WHERE ss.responsibility = 'provider' AND ss.status = 'implemented' AND NOT EXISTS (SELECT 1 FROM measure_status ms WHERE ms.ehak = k.ehak AND ms.measure_id = ss.measure_id) LIMIT 1`,
      )
      .get() as { ehak: string; measure_id: string; provider: string };
    const admin = signInAs(t.db, 'admin').token;
    const other = JSON.parse((await download(await t.request(`${base(shared.ehak)}/plan.json`, { as: admin }), 'application/json')).toString('utf8')) as Plan;
    const m = other.measures.find((x) => x.measureId === shared.measure_id)!;
    expect(m).toMatchObject({ status: 'not_assessed', effectiveStatus: 'implemented', statusLabel: `tagatud keskselt (${shared.provider})`, sharedServiceProvider: shared.provider });
  });
});

describe('plan.csv', () => {
  it('round-trips: every cell equals the JSON value (dates as dd.mm.yyyy)', async () => {
    const csv = readCsv(await download(await t.request(`${base(OWN)}/plan.csv`, { as: viewer }), 'text/csv', /tegevuskava-anija-vald-.*\.csv/));
    expect(csv.header).toEqual(HEADERS);
    expect(csv.rows.length).toBe(plan.measures.length);
    csv.rows.forEach((cells, i) => {
      const m = plan.measures[i]!;
      expect(cells, m.measureId).toEqual(FIELDS.map((f) => csvText(f, m[f])));
    });
    expect(csv.rows.some((r) => /õ|ä|ö|ü/.test(r[2]!))).toBe(true);
    expect(csv.rows.some((r) => /^\d{2}\.\d{2}\.\d{4}$/.test(r[7]!))).toBe(true);
  });

  it('neutralises a description that a spreadsheet would run as a formula', async () => {
    const specialist = signInAs(t.db, 'specialist', [OWN]).token;
    const target = plan.measures.find((m) => m.status === 'not_assessed' && !m.sharedServiceProvider)!;
    const put = await t.request(`/api/kovs/${OWN}/measures/${encodeURIComponent(target.measureId)}`, {
      method: 'PUT',
      as: specialist,
      json: { status: 'partial', description: '=HYPERLINK("http://x.invalid";"klõps")', responsible: 'Mäger; Õun', dueDate: '2027-03-31', version: 0 },
    });
    expect(put.status).toBe(200);
    const csv = readCsv(await download(await t.request(`${base(OWN)}/plan.csv`, { as: viewer }), 'text/csv'));
    const row = csv.rows.find((r) => r[0] === target.measureId)!;
    expect(row[8]).toBe(`'=HYPERLINK("http://x.invalid";"klõps")`);
    expect(row[6]).toBe('Mäger; Õun');
    expect(row[7]).toBe('31.03.2027');
    expect(row[5]).toBe('osaliselt rakendatud');
  });
});

describe('plan.xlsx', () => {
  it('has Estonian headers, a frozen header row, autofilter, real date cells and the same rows', async () => {
    const res = await t.request(`${base(OWN)}/plan.xlsx`, { as: viewer });
    const wb = await readWorkbook(await download(res, 'spreadsheetml', /tegevuskava-anija-vald-.*\.xlsx/));
    const ws = wb.getWorksheet('Tegevuskava')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const { header, rows } = sheetRows(wb, 'Tegevuskava');
    expect(header).toEqual(HEADERS);
    const json = JSON.parse((await download(await t.request(`${base(OWN)}/plan.json`, { as: viewer }), 'application/json')).toString('utf8')) as Plan;
    expect(rows.length).toBe(json.measures.length);
    const i = json.measures.findIndex((m) => m.dueDate);
    const m = json.measures[i]!;
    expect(rows[i]!.slice(0, 6)).toEqual([m.measureId, m.module, m.title, m.classLabel, m.priority, m.statusLabel]);
    const due = ws.getRow(i + 2).getCell(8);
    expect(due.value).toBeInstanceOf(Date);
    expect((due.value as Date).toISOString().slice(0, 10)).toBe(m.dueDate);
    expect(due.numFmt).toBe('dd.mm.yyyy');
  });
});

describe('tenant guard', () => {
  it.each(['plan.json', 'plan.csv', 'plan.xlsx', 'progress.xlsx'])('%s of another municipality answers 404, signed out 401', async (file) => {
    const other = await t.request(`${base(FOREIGN)}/${file}`, { as: viewer });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await t.request(`${base(OWN)}/${file}`)).status).toBe(401);
  });
});

describe('one target object\'s plan (?object=) and the owner', () => {
  it('has only that object\'s rows, names it, and gives each owner\'s name', async () => {
    const specialist = signInAs(t.db, 'specialist', [OWN]);
    const created = await t.request(`/api/kovs/${OWN}/objects`, {
      method: 'POST', as: specialist.token,
      json: { name: 'Dokumendihaldus', type: 'application', modules: ['APP.5.3'], protectionNeed: { confidentiality: 'high' }, justification: 'Isikuandmed' },
    });
    expect(created.status).toBe(201);
    const object = (await created.json()) as { id: number; measureCount: number };
    const measureId = (await (await t.request(`/api/kovs/${OWN}/measures?object=${object.id}`, { as: specialist.token })).json())[0].measureId as string;
    const put = await t.request(`/api/kovs/${OWN}/measures/${measureId}?object=${object.id}`, { method: 'PUT', as: specialist.token, json: { status: 'partial', ownerUserId: specialist.userId, version: 0 } });
    expect(put.status).toBe(200);

    const res = await t.request(`${base(OWN)}/plan.json?object=${object.id}`, { as: viewer });
    const one = JSON.parse((await download(res, 'application/json', /tegevuskava-anija-vald-dokumendihaldus-\d{4}-\d{2}-\d{2}\.json/)).toString('utf8')) as Plan;
    expect(one.object).toEqual({ id: object.id, name: 'Dokumendihaldus' });
    expect(one.measures).toHaveLength(object.measureCount);
    expect(new Set(one.measures.map((m) => m.object))).toEqual(new Set(['Dokumendihaldus']));
    const owner = t.db.prepare('SELECT name FROM app_user WHERE id = ?').pluck().get(specialist.userId);
    expect(one.measures.find((m) => m.measureId === measureId)).toMatchObject({ status: 'partial', owner });
    const xlsx = await readWorkbook(await download(await t.request(`${base(OWN)}/plan.xlsx?object=${object.id}`, { as: viewer }), 'spreadsheetml'));
    const sheet = sheetRows(xlsx, 'Tegevuskava');
    expect(sheet.rows).toHaveLength(object.measureCount);
    expect(sheet.rows.find((r) => r[0] === measureId)![HEADERS.indexOf('Omanik')]).toBe(owner);

    // Another municipality's object, a malformed id: refused.
    const foreign = t.db.prepare("SELECT id FROM target_object WHERE ehak = ? AND type = 'organisation'").pluck().get(FOREIGN) as number;
    expect((await t.request(`${base(OWN)}/plan.json?object=${foreign}`, { as: viewer })).status).toBe(404);
    expect((await t.request(`${base(OWN)}/plan.csv?object=x`, { as: viewer })).status).toBe(400);
  });
});
