import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from './test-catalog.ts';

const KOV = '0141';
const OTHER = '0198';
let t: TestContext;
let specialist: string;

afterEach(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
});

const put = (measureId: string, json: unknown, as = specialist) => t.request(`/api/kovs/${KOV}/measures/${measureId}`, { method: 'PUT', json, as });
const row = (measureId: string) => t.db.prepare('SELECT * FROM measure_status WHERE ehak = ? AND measure_id = ?').get(KOV, measureId) as Record<string, unknown> | undefined;

describe('measure list', () => {
  it('lists the measures in the default scope (KOV profile, standard approach) as not assessed', async () => {
    const res = await t.request(`/api/kovs/${KOV}/measures`, { as: specialist });
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.map((m: { measureId: string }) => m.measureId)).toEqual(['ISMS.1.M1', 'ISMS.1.M2', 'OPS.1.1.2.M1', 'OPS.1.1.2.M2', 'OPS.1.1.2.M3']);
    expect(list[0]).toMatchObject({ status: 'not_assessed', version: 0, priority: 'P1', class: 'basic', sharedService: null });
  });

  it('filters by class, priority, status, overdue and search', async () => {
    await put('OPS.1.1.2.M1', { status: 'partial', dueDate: '2020-01-01', version: 0 });
    const q = async (query: string) => ((await (await t.request(`/api/kovs/${KOV}/measures?${query}`, { as: specialist })).json()) as Array<{ measureId: string }>).map((m) => m.measureId);
    expect(await q('class=standard')).toEqual(['ISMS.1.M2', 'OPS.1.1.2.M2']);
    expect(await q('priority=P1')).toEqual(['ISMS.1.M1', 'ISMS.1.M2']);
    expect(await q('status=partial')).toEqual(['OPS.1.1.2.M1']);
    expect(await q('overdue=true')).toEqual(['OPS.1.1.2.M1']);
    expect(await q('q=ops.1.1.2.m3')).toEqual(['OPS.1.1.2.M3']);
    expect(await q('module=ISMS.1')).toEqual(['ISMS.1.M1', 'ISMS.1.M2']);
  });

  it('counts a due date as passed from midnight in Tallinn, when the UTC date is still the old day', async () => {
    await put('OPS.1.1.2.M1', { status: 'partial', dueDate: '2026-11-22', version: 0 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T21:59:00Z')); // 23:59 in Tallinn
    const overdue = async () => ((await (await t.request(`/api/kovs/${KOV}/measures/OPS.1.1.2.M1`, { as: specialist })).json()) as { overdue: boolean }).overdue;
    expect(await overdue()).toBe(false);
    vi.setSystemTime(new Date('2026-11-22T22:30:00Z')); // 00:30 on 23.11 in Tallinn
    expect(await overdue()).toBe(true);
  });

  it('does not show another municipality to a specialist (404) and refuses writes to a viewer (403)', async () => {
    expect((await t.request(`/api/kovs/${OTHER}/measures`, { as: specialist })).status).toBe(404);
    const viewer = signInAs(t.db, 'viewer', [KOV]).token;
    expect((await t.request(`/api/kovs/${KOV}/measures`, { as: viewer })).status).toBe(200);
    expect((await put('ISMS.1.M1', { status: 'implemented', version: 0 }, viewer)).status).toBe(403);
    expect(row('ISMS.1.M1')).toBeUndefined();
  });
});

describe('PUT status', () => {
  it('creates, then updates with the version, keeping omitted fields and writing history and audit', async () => {
    const r1 = await put('ISMS.1.M1', { status: 'partial', description: 'Poliitika kavand', responsible: 'Mari Maasikas', dueDate: '2026-12-31', version: 0 });
    expect(r1.status).toBe(200);
    const rec1 = await r1.json();
    expect(rec1).toMatchObject({ status: 'partial', version: 1, description: 'Poliitika kavand', updatedBy: { name: expect.stringContaining('specialist') } });
    const r2 = await put('ISMS.1.M1', { status: 'implemented', version: 1 });
    const rec2 = await r2.json();
    expect(rec2).toMatchObject({ status: 'implemented', version: 2, description: 'Poliitika kavand', responsible: 'Mari Maasikas' });
    const history = await (await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1/history`, { as: specialist })).json();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ version: 2, old: { status: 'partial' }, new: { status: 'implemented' } });
    expect(history[1]).toMatchObject({ version: 1, old: null, new: { status: 'partial' } });
    const audits = t.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'measure_status' AND kov = ?`).get(KOV) as { n: number };
    expect(audits.n).toBe(2);
  });

  it('answers 409 with the current record on a stale version and never overwrites', async () => {
    await put('ISMS.1.M1', { status: 'implemented', description: 'Esimene', version: 0 });
    const stale = await put('ISMS.1.M1', { status: 'not_implemented', description: 'Teine', version: 0 });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe('version_conflict');
    expect(body.error.details.current).toMatchObject({ status: 'implemented', description: 'Esimene', version: 1, updatedBy: { name: expect.any(String) }, updatedAt: expect.any(String) });
    expect(row('ISMS.1.M1')).toMatchObject({ status: 'implemented', description: 'Esimene', version: 1 });
    const h = t.db.prepare('SELECT count(*) AS n FROM measure_status_history WHERE measure_id = ?').get('ISMS.1.M1') as { n: number };
    expect(h.n).toBe(1);
  });

  it('validates cross-field rules and formats with field errors, writing nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ status: 'not_applicable', version: 0 }, 'justification'],
      [{ status: 'risk_accepted', justification: 'Kulukas', version: 0 }, 'acceptedBy'],
      [{ status: 'implemented', dueDate: '2026-02-30', version: 0 }, 'dueDate'],
      [{ status: 'implemented', responsible: 'x'.repeat(201), version: 0 }, 'responsible'],
      [{ status: 'done', version: 0 }, 'status'],
      [{ status: 'implemented' }, 'version'],
    ];
    for (const [json, path] of cases) {
      const res = await put('ISMS.1.M1', json);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(row('ISMS.1.M1')).toBeUndefined();
  });

  it('accepts a risk with justification, who and when; clears acceptance when the status changes', async () => {
    const r = await put('ISMS.1.M1', { status: 'risk_accepted', justification: 'Kompenseeriv meede olemas', acceptedBy: 'Vallavanem', acceptedAt: '2026-03-01', version: 0 });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ acceptedBy: 'Vallavanem', acceptedAt: '2026-03-01' });
    const r2 = await (await put('ISMS.1.M1', { status: 'partial', version: 1 })).json();
    expect(r2).toMatchObject({ status: 'partial', acceptedBy: null, acceptedAt: null, justification: 'Kompenseeriv meede olemas' });
  });

  it('answers 404 for a measure outside the scope (high class, other edition, unknown)', async () => {
    for (const id of ['ISMS.1.M3', 'OPS.1.2.2.M1', 'XYZ.1.M1']) {
      expect((await put(id, { status: 'implemented', version: 0 })).status).toBe(404);
      expect((await t.request(`/api/kovs/${KOV}/measures/${id}`, { as: specialist })).status).toBe(404);
    }
  });
});

describe('bulk', () => {
  const bulk = (json: unknown) => t.request(`/api/kovs/${KOV}/measures`, { method: 'PATCH', json, as: specialist });

  it('sets many at once, each with history and a version bump', async () => {
    await put('ISMS.1.M1', { status: 'partial', version: 0 });
    const res = await bulk({ measureIds: ['ISMS.1.M1', 'ISMS.1.M2'], status: 'implemented', responsible: 'IT-juht' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      updated: 2,
      items: [
        { measureId: 'ISMS.1.M1', status: 'implemented', version: 2 },
        { measureId: 'ISMS.1.M2', status: 'implemented', version: 1 },
      ],
    });
    expect(row('ISMS.1.M2')).toMatchObject({ responsible: 'IT-juht', version: 1 });
    expect((t.db.prepare('SELECT count(*) AS n FROM measure_status_history').get() as { n: number }).n).toBe(3);
  });

  it('is all or nothing: one unknown id → 404, one invalid row → 400, nothing written', async () => {
    const unknown = await bulk({ measureIds: ['ISMS.1.M1', 'ISMS.1.M3'], status: 'implemented' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.details.unknown).toEqual(['ISMS.1.M3']);
    const invalid = await bulk({ measureIds: ['ISMS.1.M1', 'ISMS.1.M2'], status: 'not_applicable' });
    expect(invalid.status).toBe(400);
    expect((t.db.prepare('SELECT count(*) AS n FROM measure_status').get() as { n: number }).n).toBe(0);
    expect((t.db.prepare('SELECT count(*) AS n FROM measure_status_history').get() as { n: number }).n).toBe(0);
  });
});

describe('scope', () => {
  it('changes approach and extra modules; the measure list follows', async () => {
    const ids = async () => ((await (await t.request(`/api/kovs/${KOV}/measures`, { as: specialist })).json()) as Array<{ measureId: string }>).map((m) => m.measureId);
    const set = (json: unknown) => t.request(`/api/kovs/${KOV}/scope`, { method: 'PUT', json, as: specialist });
    expect((await set({ approach: 'basic' })).status).toBe(200);
    expect(await ids()).toEqual(['ISMS.1.M1', 'OPS.1.1.2.M1', 'OPS.1.1.2.M3']);
    await set({ approach: 'core' });
    expect(await ids()).toEqual(['ISMS.1.M1', 'ISMS.1.M2']);
    const res = await set({ approach: 'standard', extraModules: ['OPS.1.2.2'] });
    expect(await res.json()).toMatchObject({ approach: 'standard', extraModules: ['OPS.1.2.2'], measureCount: 7, isDefault: false });
    expect(await ids()).toContain('OPS.1.2.2.M2');
    expect((await set({ approach: 'standard', extraModules: ['NOPE.1'] })).status).toBe(400);
    const viewer = signInAs(t.db, 'viewer', [KOV]).token;
    expect((await t.request(`/api/kovs/${KOV}/scope`, { method: 'PUT', json: { approach: 'basic' }, as: viewer })).status).toBe(403);
  });
});
