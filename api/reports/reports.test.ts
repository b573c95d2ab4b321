import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';

const KOV = '0141';
let t: TestContext;
let admin: string;
let analyst: string;
let specialist: string;

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  admin = signInAs(t.db, 'admin').token;
  analyst = signInAs(t.db, 'analyst').token;
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
});

const setStatus = (measureId: string, status: string, version = 0) =>
  t.request(`/api/kovs/${KOV}/measures/${measureId}`, { method: 'PUT', json: { status, version }, as: specialist });
const progress = async () => (await t.request(`/api/kovs/${KOV}/progress`, { as: specialist })).json();

describe('progress', () => {
  it('counts implemented over applicable measures (not applicable excluded), by class, group and priority', async () => {
    await setStatus('ISMS.1.M1', 'implemented');
    await t.request(`/api/kovs/${KOV}/measures/OPS.1.1.2.M3`, { method: 'PUT', json: { status: 'not_applicable', justification: 'Pole', version: 0 }, as: specialist });
    await t.request(`/api/kovs/${KOV}/measures/OPS.1.1.2.M1`, { method: 'PUT', json: { status: 'partial', dueDate: '2020-05-01', version: 0 }, as: specialist });
    const p = await progress();
    expect(p).toMatchObject({ ehak: KOV, name: 'Anija vald', edition: '2024', approach: 'standard', total: 5, applicable: 4, implemented: 1, implementedShare: 0.25 });
    expect(p.byStatus.implemented).toEqual({ count: 1, share: 0.2 });
    expect(p.byClass.basic).toEqual({ total: 3, notApplicable: 1, implemented: 1, share: 0.5 });
    expect(p.byPriority.P1).toMatchObject({ total: 2, implemented: 1, share: 0.5 });
    expect(p.byGroup.map((g: { group: string }) => g.group)).toEqual(['ISMS', 'OPS']);
    // The profile's order: the open P1 measure before the overdue P2 one.
    expect(p.nextSteps[0]).toMatchObject({ measureId: 'ISMS.1.M2', priority: 'P1' });
    expect(p.nextSteps[1]).toMatchObject({ measureId: 'OPS.1.1.2.M1', overdue: true });
  });
});

describe('measures a solution model delivers to municipalities as a whole (central services)', () => {
  const central = (kovs: string[]) => ({
    name: 'Keskne teenus: ELVL', type: 'service', provider: 'ELVL', kovs,
    statements: [{ measureId: 'ISMS.1.M2', responsibility: 'provider', status: 'implemented' }],
  });

  it('count as implemented until the municipality records its own status', async () => {
    expect((await t.request('/api/solution-models', { method: 'POST', json: central([KOV]), as: analyst })).status).toBe(403);
    const create = await t.request('/api/solution-models', { method: 'POST', json: central([KOV, '0198']), as: admin });
    expect(create.status).toBe(201);
    const service = await create.json();
    expect(service.kovs.map((k: { ehak: string }) => k.ehak).sort()).toEqual(['0198', KOV].sort());
    let p = await progress();
    expect(p).toMatchObject({ implemented: 1, sharedServiceImplemented: 1 });
    const item = (await (await t.request(`/api/kovs/${KOV}/measures?status=implemented`, { as: specialist })).json())[0];
    expect(item).toMatchObject({ measureId: 'ISMS.1.M2', status: 'not_assessed', effectiveStatus: 'implemented', sharedService: { provider: 'ELVL' } });
    const record = await (await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M2`, { as: specialist })).json();
    expect(record).toMatchObject({ effectiveStatus: 'implemented', sharedService: { id: service.id, provider: 'ELVL', note: null } });
    await setStatus('ISMS.1.M2', 'not_implemented');
    p = await progress();
    expect(p).toMatchObject({ implemented: 0, sharedServiceImplemented: 0 });
    await setStatus('ISMS.1.M2', 'not_assessed', 1);
    expect(await progress()).toMatchObject({ implemented: 1, sharedServiceImplemented: 1 });

    // ELVL stops delivering it here: the list of municipalities is part of the model, versioned.
    const patch = (json: unknown) => t.request(`/api/solution-models/${service.id}`, { method: 'PATCH', json, as: admin });
    const bad = await patch({ version: service.version, kovs: ['9999'], summary: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toEqual([{ path: 'kovs.0', message: 'Tundmatu EHAK-kood 9999.' }]);
    const stopped = await patch({ version: service.version, kovs: ['0198'], summary: 'Anija korraldab ise' });
    expect(stopped.status).toBe(200);
    expect((await stopped.json()).kovs).toEqual([{ ehak: '0198', name: expect.any(String) }]);
    expect(await progress()).toMatchObject({ implemented: 0, sharedServiceImplemented: 0 });
    expect((await patch({ version: service.version, kovs: [KOV], summary: 'vana versioon' })).status).toBe(409);
    expect(t.db.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'solution_model'`).pluck().get()).toBe(2);
  });

  it('the old shared-services API is gone', async () => {
    expect((await t.request('/api/shared-services', { as: admin })).status).toBe(404);
  });
});

describe('overview and snapshots', () => {
  it('gives ELVL one row per municipality with the median; municipalities cannot see it', async () => {
    await setStatus('ISMS.1.M1', 'implemented');
    expect((await t.request('/api/reports/overview', { as: specialist })).status).toBe(403);
    const o = await (await t.request('/api/reports/overview', { as: analyst })).json();
    expect(o.rows).toHaveLength(79);
    const anija = o.rows.find((r: { ehak: string }) => r.ehak === KOV);
    expect(anija).toMatchObject({ implementedShare: 0.2, byClass: { basic: 1 / 3, standard: 0, high: null }, byGroup: { ISMS: 0.5, OPS: 0 }, lastActivity: expect.any(String) });
    expect(o.median.implementedShare).toBe(0);
    expect(o.groups.map((g: { id: string }) => g.id)).toEqual(['ISMS', 'OPS']);
  });

  it('freezes every municipality once per period, immutably, feeding the trend', async () => {
    await setStatus('ISMS.1.M1', 'implemented');
    expect((await t.request('/api/reports/snapshots', { method: 'POST', json: { period: '2026-H2' }, as: specialist })).status).toBe(403);
    expect((await t.request('/api/reports/snapshots', { method: 'POST', json: { period: '2026-H3' }, as: analyst })).status).toBe(400);
    const res = await t.request('/api/reports/snapshots', { method: 'POST', json: { period: '2026-H2' }, as: analyst });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ period: '2026-H2', kovCount: 79 });
    expect((await t.request('/api/reports/snapshots', { method: 'POST', json: { period: '2026-H2' }, as: analyst })).status).toBe(409);
    await setStatus('ISMS.1.M2', 'implemented');
    const p = await progress();
    expect(p.trend).toEqual([{ period: '2026-H2', implementedShare: 0.2 }]);
    expect(p.implementedShare).toBe(0.4);
    expect(() => t.db.prepare(`UPDATE progress_snapshot_row SET data = '{}'`).run()).toThrow(/immutable/);
    expect(() => t.db.prepare(`DELETE FROM progress_snapshot_row`).run()).toThrow(/immutable/);
    expect(() => t.db.prepare(`DELETE FROM progress_snapshot`).run()).toThrow(/immutable/);
    const one = await (await t.request('/api/reports/snapshots/2026-H2', { as: analyst })).json();
    expect(one.rows.find((r: { ehak: string }) => r.ehak === KOV).data).toMatchObject({ implementedShare: 0.2, total: 5 });
  });
});

describe('meta', () => {
  it('tells the UI publicly whether demo data is present', async () => {
    expect(await (await t.request('/api/meta')).json()).toEqual({ demo: false });
    t.db.prepare(`INSERT INTO app_meta (key, value) VALUES ('demo_seeded_at', '2026-01-01')`).run();
    expect(await (await t.request('/api/meta')).json()).toEqual({ demo: true });
  });
});

describe('OpenAPI', () => {
  it('describes every tracker and report endpoint', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    for (const path of [
      '/api/kovs/{ehak}/measures',
      '/api/kovs/{ehak}/measures/{measureId}',
      '/api/kovs/{ehak}/measures/{measureId}/history',
      '/api/kovs/{ehak}/measures/{measureId}/evidence',
      '/api/kovs/{ehak}/measures/{measureId}/evidence/{id}/file',
      '/api/kovs/{ehak}/progress',
      '/api/kovs/{ehak}/scope',
      '/api/kovs/{ehak}/benchmark',
      '/api/reports/overview',
      '/api/reports/snapshots',
      '/api/solution-models',
      '/api/solution-models/{id}',
      '/api/meta',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/kovs/{ehak}/measures/{measureId}'].put.responses['409']).toBeDefined();
    expect(doc.paths['/api/kovs/{ehak}/measures'].patch, 'bulk status change').toBeDefined();
  });
});
