import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../db/migrate.ts';
import { parseCsv } from '../lib/tabular.ts';
import { createTestContext, signInAs, signInHead, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';

const KOV = '0141';
const OTHER = '0198';
const PASSWORD = 'Valla-juhi-parool-2026';
let t: TestContext;
let analyst: string;
let specialist: string;
let head: string;
let auditor: string;
let viewer: string;

beforeEach(async () => {
  t = createTestContext();
  insertTestCatalog(t.db);
  analyst = signInAs(t.db, 'analyst').token;
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
  head = (await signInHead(t.db, KOV, PASSWORD)).token;
  auditor = signInAs(t.db, 'auditor', [KOV], { accessExpiresOn: '2099-12-31' }).token;
  viewer = signInAs(t.db, 'viewer', [KOV]).token;
});

const post = (path: string, as: string, json: unknown = {}) => t.request(`/api${path}`, { method: 'POST', json, as });
const open = async (name = '2026 II poolaasta', deadline = '2099-12-31') => {
  const res = await post('/reporting-periods', analyst, { name, deadline });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
};
const act = (id: number, action: string, as: string, json: unknown = {}, ehak = KOV) => post(`/kovs/${ehak}/reporting-periods/${id}/${action}`, as, json);
const period = async (id: number) => (await t.request(`/api/reporting-periods/${id}`, { as: analyst })).json();
const kovOf = async (id: number, ehak = KOV) => ((await period(id)) as { kovs: Array<Record<string, unknown> & { ehak: string }> }).kovs.find((k) => k.ehak === ehak)!;
const setStatus = (measureId: string, status: string, version = 0) =>
  t.request(`/api/kovs/${KOV}/measures/${measureId}`, { method: 'PUT', json: { status, version }, as: specialist });
const historyRows = (id: number) => t.db.prepare('SELECT from_state, to_state, reason FROM reporting_period_history WHERE period_id = ? AND ehak = ? ORDER BY id').all(id, KOV);

describe('opening and reading a period', () => {
  it('opens a period (analyst) and lists all 79 municipalities, not started', async () => {
    const id = await open();
    const p = await period(id);
    expect(p).toMatchObject({ id, name: '2026 II poolaasta', deadline: '2099-12-31', openedBy: { name: expect.stringContaining('analyst') }, closedAt: null, late: 0 });
    expect(p.kovs).toHaveLength(79);
    expect(p.counts.not_started).toBe(79);
    expect(p.kovs[0]).toEqual(
      expect.objectContaining({ state: 'not_started', late: false, submittedAt: null, confirmedAt: null, auditedAt: null, conclusion: null, figures: null }),
    );
    const list = await (await t.request('/api/reporting-periods', { as: analyst })).json();
    expect(list).toEqual([expect.objectContaining({ id, name: '2026 II poolaasta' })]);
    expect(t.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'reporting_period.open'`).pluck().get()).toBe(1);
  });

  it('refuses a taken name (409), a bad date (400) and other roles (403)', async () => {
    await open();
    expect((await post('/reporting-periods', analyst, { name: '2026 II poolaasta', deadline: '2099-12-31' })).status).toBe(409);
    expect((await post('/reporting-periods', analyst, { name: 'X', deadline: '2026-02-30' })).status).toBe(400);
    for (const as of [specialist, viewer, auditor]) expect((await post('/reporting-periods', as, { name: 'Y', deadline: '2099-01-01' })).status).toBe(403);
    expect((await t.request('/api/reporting-periods', { as: specialist })).status).toBe(403);
    expect((await t.request('/api/reporting-periods/999', { as: analyst })).status).toBe(404);
  });

  it('is in progress once a status changes after opening', async () => {
    const id = await open();
    await setStatus('ISMS.1.M1', 'implemented');
    expect((await kovOf(id)).state).toBe('in_progress');
    expect((await kovOf(id, OTHER)).state).toBe('not_started');
  });

  it('marks as late whoever has not submitted by a passed deadline, and a submission after it', async () => {
    const id = await open('Möödunud', '2020-01-01');
    expect((await period(id)).late).toBe(79);
    expect((await act(id, 'submit', specialist)).status).toBe(200);
    expect(await kovOf(id)).toMatchObject({ state: 'submitted', late: true });
    const future = await open('Tulevane', '2099-01-01');
    await act(future, 'submit', specialist);
    expect(await kovOf(future)).toMatchObject({ state: 'submitted', late: false });
  });
});

describe('transitions', () => {
  it('submit → confirm → conclusion, each with a history row and an audit entry; figures frozen', async () => {
    const id = await open();
    await setStatus('ISMS.1.M1', 'implemented');
    const submitted = await act(id, 'submit', specialist);
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({ state: 'submitted', figures: { total: 5, implemented: 1, implementedShare: 0.2 } });

    // A status change after submission leaves the period's figures as they were.
    await setStatus('ISMS.1.M2', 'implemented');
    expect((await (await t.request(`/api/kovs/${KOV}/progress`, { as: specialist })).json()).implemented).toBe(2);
    const frozen = await kovOf(id);
    expect(frozen.figures).toMatchObject({ implemented: 1, implementedShare: 0.2, byClass: { basic: { implemented: 1 } } });
    expect(JSON.parse(t.db.prepare('SELECT figures FROM reporting_period_kov WHERE period_id = ? AND ehak = ?').pluck().get(id, KOV) as string)).toMatchObject({ implemented: 1 });

    expect((await act(id, 'confirm', head, { password: 'vale parool' })).status).toBe(400);
    expect((await kovOf(id)).state).toBe('submitted');
    const confirmed = await act(id, 'confirm', head, { password: PASSWORD });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ state: 'confirmed', confirmedAt: expect.any(String) });

    expect((await act(id, 'conclusion', auditor, { conclusion: 'accurate_with_remarks' })).status).toBe(400);
    const audited = await act(id, 'conclusion', auditor, { conclusion: 'accurate_with_remarks', remarks: 'Tõendid osaliselt puudu.' });
    expect(audited.status).toBe(200);
    expect(await kovOf(id)).toMatchObject({ state: 'audited', conclusion: 'accurate_with_remarks', remarks: 'Tõendid osaliselt puudu.', figures: { implemented: 1 } });

    expect(historyRows(id)).toEqual([
      { from_state: 'in_progress', to_state: 'submitted', reason: null },
      { from_state: 'submitted', to_state: 'confirmed', reason: null },
      { from_state: 'confirmed', to_state: 'audited', reason: null },
    ]);
    const actions = t.db.prepare(`SELECT action FROM audit_log WHERE entity = 'reporting_period' AND kov = ? ORDER BY id`).pluck().all(KOV);
    expect(actions).toEqual(['reporting_period.submit', 'reporting_period.confirm_failure', 'reporting_period.confirm', 'reporting_period.conclude']);
  });

  it('answers 409 in Estonian for a transition the state does not allow, changing nothing', async () => {
    const id = await open();
    const early = await act(id, 'confirm', head, { password: PASSWORD });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(/Kinnitada saab ainult esitatud aruannet.*Alustamata/);
    expect((await act(id, 'conclusion', auditor, { conclusion: 'accurate' })).status).toBe(409);
    expect((await act(id, 'reopen', analyst, { reason: 'Viga' })).status).toBe(409);
    await act(id, 'submit', specialist);
    expect((await act(id, 'submit', specialist)).status).toBe(409);
    expect(historyRows(id)).toHaveLength(1);
  });

  it('reopen (analyst) goes back to in progress with the reason kept; resubmission freezes new figures', async () => {
    const id = await open();
    await act(id, 'submit', specialist);
    await setStatus('ISMS.1.M1', 'implemented');
    expect((await act(id, 'reopen', analyst, {})).status).toBe(400);
    const reopened = await act(id, 'reopen', analyst, { reason: 'Andmed puudulikud' });
    expect(reopened.status).toBe(200);
    expect(await reopened.json()).toMatchObject({ state: 'in_progress', figures: null, submittedAt: null });
    await act(id, 'submit', specialist);
    expect((await kovOf(id)).figures).toMatchObject({ implemented: 1 });
    expect(historyRows(id)).toEqual([
      { from_state: 'not_started', to_state: 'submitted', reason: null },
      { from_state: 'submitted', to_state: 'in_progress', reason: 'Andmed puudulikud' },
      { from_state: 'in_progress', to_state: 'submitted', reason: null },
    ]);
  });

  it('refuses by role: viewer and auditor cannot submit or confirm, the specialist cannot confirm or conclude, nobody but ELVL reopens', async () => {
    const id = await open();
    for (const as of [viewer, auditor, analyst]) expect((await act(id, 'submit', as)).status, 'submit').toBe(403);
    await act(id, 'submit', specialist);
    for (const as of [viewer, auditor, specialist, analyst]) expect((await act(id, 'confirm', as, { password: PASSWORD })).status, 'confirm').toBe(403);
    await act(id, 'confirm', head, { password: PASSWORD });
    for (const as of [viewer, specialist, head, analyst]) expect((await act(id, 'conclusion', as, { conclusion: 'accurate' })).status, 'conclusion').toBe(403);
    for (const as of [viewer, specialist, head, auditor]) expect((await act(id, 'reopen', as, { reason: 'x' })).status, 'reopen').toBe(403);
    expect((await act(id, 'conclusion', auditor, { conclusion: 'accurate' })).status).toBe(200);
    expect(historyRows(id)).toHaveLength(3);
  });

  it("answers 404 for another municipality's period actions", async () => {
    const id = await open();
    expect((await act(id, 'submit', specialist, {}, OTHER)).status).toBe(404);
    expect((await act(id, 'conclusion', auditor, { conclusion: 'accurate' }, OTHER)).status).toBe(404);
    expect((await t.request(`/api/kovs/${OTHER}/reporting-period`, { as: head })).status).toBe(404);
    expect((await act(999, 'submit', specialist)).status).toBe(404);
  });

  it("shows the municipality the open period, its history and the caller's actions", async () => {
    const none = await (await t.request(`/api/kovs/${KOV}/reporting-period`, { as: specialist })).json();
    expect(none).toMatchObject({ period: null, kov: null });
    const id = await open();
    await act(id, 'submit', specialist);
    const view = async (as: string) => (await t.request(`/api/kovs/${KOV}/reporting-period`, { as })).json();
    expect(await view(specialist)).toMatchObject({ period: { id }, kov: { state: 'submitted' }, history: [{ from: 'not_started', to: 'submitted' }], can: { submit: true, confirm: false, conclude: false, reopen: false } });
    expect((await view(head)).can).toEqual({ submit: false, confirm: true, conclude: false, reopen: false });
    expect((await view(auditor)).can).toEqual({ submit: false, confirm: false, conclude: true, reopen: false });
    expect((await view(analyst)).can).toEqual({ submit: false, confirm: false, conclude: false, reopen: true });
  });
});

describe('the period report', () => {
  it('XLSX and CSV carry the JSON numbers as numbers, 79 rows', async () => {
    const id = await open();
    await setStatus('ISMS.1.M1', 'implemented');
    await act(id, 'submit', specialist);
    const p = await period(id);
    const xlsxRes = await t.request(`/api/reporting-periods/${id}/report.xlsx`, { as: analyst });
    expect(xlsxRes.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsxRes.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(80);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = [...Array(79).keys()].map((i) => ws.getRow(i + 2)).find((r) => r.getCell(1).value === KOV)!;
    expect(row.getCell(col('Olek')).value).toBe('Esitatud');
    expect(row.getCell(col('Rakendatud')).value).toBe(1);
    expect(row.getCell(col('Rakendatud osakaal')).value).toBe(0.2);
    let implemented = 0;
    for (let i = 2; i <= 80; i++) implemented += Number(ws.getRow(i).getCell(col('Rakendatud')).value ?? 0);
    const jsonTotal = (p.kovs as Array<{ figures: { implemented: number } | null }>).reduce((s, k) => s + (k.figures?.implemented ?? 0), 0);
    expect(implemented).toBe(jsonTotal);

    const csvRes = await t.request(`/api/reporting-periods/${id}/report.csv`, { as: analyst });
    expect(csvRes.status).toBe(200);
    const rows = parseCsv(await csvRes.text());
    expect(rows).toHaveLength(80);
    const own = rows.find((r) => r[0] === KOV)!;
    expect(own[rows[0]!.indexOf('Rakendatud osakaal')]).toBe('0,2');
    expect((await t.request(`/api/reporting-periods/${id}/report.xlsx`, { as: specialist })).status).toBe(403);
  });
});

describe('migration 017', () => {
  it('turns every snapshot into a period opened and closed at once, every municipality submitted with its figures', () => {
    const db = new Database(':memory:');
    const migrations = loadMigrations();
    for (const m of migrations.filter((x) => x.version < 17)) db.exec(m.sql);
    db.prepare(`INSERT INTO kov (ehak, name, type, county) VALUES ('0141', 'Anija vald', 'vald', 'Harju maakond'), ('0198', 'Harku vald', 'vald', 'Harju maakond')`).run();
    db.prepare(`INSERT INTO progress_snapshot (id, period, created_at) VALUES (1, '2025-H2', '2025-12-31T10:00:00.000Z')`).run();
    const data = (implemented: number) =>
      JSON.stringify({ edition: '2024', approach: 'standard', total: 10, applicable: 9, implemented, implementedShare: implemented / 9, sharedServiceImplemented: 0, byStatus: {}, byClass: { basic: { total: 5, notApplicable: 0, implemented, share: implemented / 5 } }, byGroup: [], byPriority: {} });
    db.prepare('INSERT INTO progress_snapshot_row (snapshot_id, ehak, data) VALUES (1, ?, ?)').run('0141', data(3));
    db.prepare('INSERT INTO progress_snapshot_row (snapshot_id, ehak, data) VALUES (1, ?, ?)').run('0198', data(4));
    db.exec(migrations.find((x) => x.version === 17)!.sql);
    expect(db.prepare('SELECT name, deadline, opened_at, closed_at, snapshot_id FROM reporting_period').all()).toEqual([
      { name: '2025-H2', deadline: '2025-12-31', opened_at: '2025-12-31T10:00:00.000Z', closed_at: '2025-12-31T10:00:00.000Z', snapshot_id: 1 },
    ]);
    const rows = db.prepare('SELECT ehak, state, submitted_at, figures FROM reporting_period_kov ORDER BY ehak').all() as Array<{ ehak: string; state: string; submitted_at: string; figures: string }>;
    expect(rows.map((r) => [r.ehak, r.state, r.submitted_at])).toEqual([
      ['0141', 'submitted', '2025-12-31T10:00:00.000Z'],
      ['0198', 'submitted', '2025-12-31T10:00:00.000Z'],
    ]);
    const figures = JSON.parse(rows[0]!.figures) as Record<string, unknown>;
    expect(figures).toEqual({ total: 10, applicable: 9, implemented: 3, implementedShare: 3 / 9, sharedServiceImplemented: 0, byStatus: {}, byClass: { basic: { total: 5, notApplicable: 0, implemented: 3, share: 0.6 } }, byPriority: {} });
    expect(db.prepare('SELECT count(*) FROM reporting_period_history').pluck().get()).toBe(2);
  });

  it('makes a snapshot taken later a closed period too, with the snapshot numbers as the figures', async () => {
    await setStatus('ISMS.1.M1', 'implemented');
    expect((await post('/reports/snapshots', analyst, { period: '2026-H2' })).status).toBe(201);
    const list = (await (await t.request('/api/reporting-periods', { as: analyst })).json()) as Array<{ id: number; name: string; closedAt: string | null; late: number; counts: Record<string, number> }>;
    expect(list).toEqual([expect.objectContaining({ name: '2026-H2', closedAt: expect.any(String), late: 0, counts: expect.objectContaining({ submitted: 79 }) })]);
    const snapshot = await (await t.request('/api/reports/snapshots/2026-H2', { as: analyst })).json();
    const own = snapshot.rows.find((r: { ehak: string }) => r.ehak === KOV).data;
    expect((await kovOf(list[0]!.id)).figures).toMatchObject({ implemented: own.implemented, implementedShare: own.implementedShare, byClass: own.byClass });
    // The municipality's dashboard shows open periods only.
    expect(await (await t.request(`/api/kovs/${KOV}/reporting-period`, { as: specialist })).json()).toMatchObject({ period: null });
  });

  it('shows a migrated period closed: no transition changes it', async () => {
    t.db.prepare(`INSERT INTO progress_snapshot (id, period) VALUES (1, '2026-H1')`).run();
    t.db.prepare(`INSERT INTO reporting_period (name, deadline, closed_at, snapshot_id) VALUES ('2026-H1', '2026-06-30', '2026-06-30T00:00:00Z', 1)`).run();
    const id = t.db.prepare('SELECT id FROM reporting_period').pluck().get() as number;
    const res = await act(id, 'submit', specialist);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/suletud/);
  });
});
