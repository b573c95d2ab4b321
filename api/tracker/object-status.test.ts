// Statuses per target object × measure (issue 18) through the API: ?object= on a measure's record,
// its history and evidence, objectId in bulk changes, the list's rows per object, tenant isolation,
// fuzz of the object parameter, and progress counting exactly the rows the list returns.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { createObject } from '../objects/write.ts';
import { insertTestCatalog } from './test-catalog.ts';

const KOV = '0141';
const OTHER = '0198';
let t: TestContext;
let as: string;
let org: number;
let app: number;

beforeEach(async () => {
  t = createTestContext();
  insertTestCatalog(t.db);
  as = signInAs(t.db, 'specialist', [KOV]).token;
  org = t.db.prepare("SELECT id FROM target_object WHERE ehak = ? AND type = 'organisation'").pluck().get(KOV) as number;
  // OPS.1.2.2 is outside the KOV profile: the application takes its basic and standard measures; ISMS.1 it shares with the organisation.
  const res = await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as, json: { name: 'Dokumendihaldus', type: 'application', modules: ['OPS.1.2.2', 'ISMS.1'] } });
  app = ((await res.json()) as { id: number }).id;
});

const url = (measureId: string, object?: number | string, tail = '') => `/api/kovs/${KOV}/measures/${measureId}${tail}${object === undefined ? '' : `?object=${object}`}`;
const put = (measureId: string, json: unknown, object?: number | string) => t.request(url(measureId, object), { method: 'PUT', as, json });
const rows = () => t.db.prepare('SELECT object_id, measure_id, status, version FROM measure_status ORDER BY object_id, measure_id').all();
const historyRows = () => t.db.prepare('SELECT object_id, measure_id, version FROM measure_status_history ORDER BY id').all();
const list = async (query = '') => (await (await t.request(`/api/kovs/${KOV}/measures${query}`, { as })).json()) as Array<{ objectId: number; objectName: string; measureId: string; status: string; version: number }>;
const progress = async () => (await (await t.request(`/api/kovs/${KOV}/progress`, { as })).json()) as { total: number; implemented: number; byObject: Array<{ objectId: number; total: number; implemented: number }> };

describe('a status per target object', () => {
  it('keeps the same measure apart on two objects: record, version, history, 409', async () => {
    expect((await put('ISMS.1.M1', { status: 'implemented', version: 0 })).status).toBe(200);
    const first = await put('ISMS.1.M1', { status: 'partial', description: 'Rakenduses pooleli', version: 0 }, app);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ objectId: app, objectName: 'Dokumendihaldus', measureId: 'ISMS.1.M1', status: 'partial', version: 1 });
    const stale = await put('ISMS.1.M1', { status: 'implemented', version: 0 }, app);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { details: { current: unknown } } }).error.details.current).toMatchObject({ objectId: app, status: 'partial', version: 1 });
    expect(rows()).toEqual([
      { object_id: org, measure_id: 'ISMS.1.M1', status: 'implemented', version: 1 },
      { object_id: app, measure_id: 'ISMS.1.M1', status: 'partial', version: 1 },
    ]);
    expect(historyRows()).toEqual([
      { object_id: org, measure_id: 'ISMS.1.M1', version: 1 },
      { object_id: app, measure_id: 'ISMS.1.M1', version: 1 },
    ]);
    expect(await (await t.request(url('ISMS.1.M1'), { as })).json()).toMatchObject({ objectId: org, status: 'implemented' });
    const history = (await (await t.request(url('ISMS.1.M1', app, '/history'), { as })).json()) as unknown[];
    expect(history).toEqual([expect.objectContaining({ version: 1, new: expect.objectContaining({ status: 'partial' }) })]);
  });

  it("answers 404 for a measure outside the object's scope, writing nothing", async () => {
    // OPS.1.2.2.M1 is the application's only; OPS.1.1.2.M1 the organisation's only.
    expect((await put('OPS.1.2.2.M1', { status: 'implemented', version: 0 })).status).toBe(404);
    expect((await put('OPS.1.1.2.M1', { status: 'implemented', version: 0 }, app)).status).toBe(404);
    expect((await put('OPS.1.2.2.M1', { status: 'implemented', version: 0 }, app)).status).toBe(200);
    expect(rows()).toEqual([{ object_id: app, measure_id: 'OPS.1.2.2.M1', status: 'implemented', version: 1 }]);
  });

  it('keeps evidence on its object', async () => {
    const add = await t.request(url('ISMS.1.M1', app, '/evidence'), { method: 'POST', as, json: { url: 'https://example.ee/dhs.pdf' } });
    expect(add.status).toBe(201);
    const { id } = (await add.json()) as { id: number };
    expect(t.db.prepare('SELECT object_id FROM measure_evidence WHERE id = ?').pluck().get(id)).toBe(app);
    expect(await (await t.request(url('ISMS.1.M1', app, '/evidence'), { as })).json()).toHaveLength(1);
    expect(await (await t.request(url('ISMS.1.M1', undefined, '/evidence'), { as })).json()).toHaveLength(0);
    expect((await t.request(url('ISMS.1.M1', app), { as }).then((r) => r.json())).evidence).toHaveLength(1);
    // Removing it through the organisation object's address finds nothing.
    expect((await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1/evidence/${id}`, { method: 'DELETE', as })).status).toBe(404);
    expect((await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1/evidence/${id}?object=${app}`, { method: 'DELETE', as })).status).toBe(204);
  });

  it('bulk changes take objectId (default: the organisation object)', async () => {
    const res = await t.request(`/api/kovs/${KOV}/measures`, { method: 'PATCH', as, json: { status: 'implemented', measureIds: ['OPS.1.2.2.M1', 'OPS.1.2.2.M2'], objectId: app } });
    expect(res.status).toBe(200);
    expect(rows()).toEqual([
      { object_id: app, measure_id: 'OPS.1.2.2.M1', status: 'implemented', version: 1 },
      { object_id: app, measure_id: 'OPS.1.2.2.M2', status: 'implemented', version: 1 },
    ]);
    const refused = await t.request(`/api/kovs/${KOV}/measures`, { method: 'PATCH', as, json: { status: 'implemented', measureIds: ['OPS.1.2.2.M1'] } });
    expect(refused.status).toBe(404);
    expect(historyRows()).toHaveLength(2);
  });

  it('lists every object’s rows with objectId, filters by object and counts progress over exactly those rows', async () => {
    let all = await list();
    // The organisation object's 5 profile measures, then the application's ISMS.1 (2) and OPS.1.2.2 (2).
    expect(all.map((m) => `${m.objectId === org ? 'org' : 'app'} ${m.measureId}`)).toEqual([
      'org ISMS.1.M1', 'org ISMS.1.M2', 'org OPS.1.1.2.M1', 'org OPS.1.1.2.M2', 'org OPS.1.1.2.M3',
      'app ISMS.1.M1', 'app ISMS.1.M2', 'app OPS.1.2.2.M1', 'app OPS.1.2.2.M2',
    ]);
    expect(all.find((m) => m.objectId === app)!.objectName).toBe('Dokumendihaldus');
    expect((await list(`?object=${app}`)).map((m) => m.measureId)).toEqual(['ISMS.1.M1', 'ISMS.1.M2', 'OPS.1.2.2.M1', 'OPS.1.2.2.M2']);
    expect(await list('?limit=3')).toHaveLength(3);
    await put('OPS.1.2.2.M1', { status: 'implemented', version: 0 }, app);
    await put('ISMS.1.M1', { status: 'implemented', version: 0 });
    all = await list();
    const p = await progress();
    expect(p.total).toBe(all.length);
    expect(p.implemented).toBe(all.filter((m) => m.status === 'implemented').length);
    expect(p.byObject).toEqual([
      expect.objectContaining({ objectId: org, total: 5, implemented: 1 }),
      expect.objectContaining({ objectId: app, total: 4, implemented: 1 }),
    ]);
    const overview = (await (await t.request('/api/reports/overview', { as: signInAs(t.db, 'analyst').token })).json()) as { rows: Array<{ ehak: string; implemented: number }> };
    expect(overview.rows.find((r) => r.ehak === KOV)!.implemented).toBe(2);
  });

  it('refuses to delete an object that holds statuses', async () => {
    await put('OPS.1.2.2.M1', { status: 'implemented', version: 0 }, app);
    const res = await t.request(`/api/kovs/${KOV}/objects/${app}`, { method: 'DELETE', as });
    expect(res.status).toBe(409);
    expect(t.db.prepare('SELECT count(*) FROM target_object WHERE id = ?').pluck().get(app)).toBe(1);
    const empty = ((await (await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as, json: { name: 'Võrk', type: 'network' } })).json()) as { id: number }).id;
    expect((await t.request(`/api/kovs/${KOV}/objects/${empty}`, { method: 'DELETE', as })).status).toBe(204);
  });
});

describe('the object parameter', () => {
  it("answers 404 for another municipality's object on every route, writing nothing", async () => {
    const foreign = createObject(t.db, OTHER, { name: 'Teise valla rakendus', type: 'application', modules: ['OPS.1.2.2', 'ISMS.1'] }, { id: null }).id;
    expect((await t.request(url('ISMS.1.M1', foreign), { as })).status).toBe(404);
    expect((await put('ISMS.1.M1', { status: 'implemented', version: 0 }, foreign)).status).toBe(404);
    expect((await t.request(url('ISMS.1.M1', foreign, '/history'), { as })).status).toBe(404);
    expect((await t.request(url('ISMS.1.M1', foreign, '/evidence'), { method: 'POST', as, json: { url: 'https://example.ee/x' } })).status).toBe(404);
    expect((await t.request(`/api/kovs/${KOV}/measures`, { method: 'PATCH', as, json: { status: 'implemented', measureIds: ['ISMS.1.M1'], objectId: foreign } })).status).toBe(404);
    expect(await list(`?object=${foreign}`)).toEqual([]);
    expect(rows()).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM measure_evidence').pluck().get()).toBe(0);
  });

  it('answers 400 for an object id that is not a positive integer, on every route', async () => {
    for (const bad of ['abc', '-1', '0', '1.5', '1e3', '99999999999999999999', '', '%20', `${app}x`]) {
      for (const [path, init] of [
        [url('ISMS.1.M1', bad), {}],
        [url('ISMS.1.M1', bad), { method: 'PUT', json: { status: 'implemented', version: 0 } }],
        [url('ISMS.1.M1', bad, '/history'), {}],
        [url('ISMS.1.M1', bad, '/evidence'), {}],
        [`/api/kovs/${KOV}/measures?object=${bad}`, {}],
      ] as const) {
        const res = await t.request(path, { as, ...init });
        expect(res.status, `${init && 'method' in init ? init.method : 'GET'} ${path}`).toBe(400);
      }
    }
    for (const bad of [-1, 0, 1.5, 1e12, 'x']) {
      const res = await t.request(`/api/kovs/${KOV}/measures`, { method: 'PATCH', as, json: { status: 'implemented', measureIds: ['ISMS.1.M1'], objectId: bad } });
      expect(res.status, String(bad)).toBe(400);
    }
    for (const bad of ['0', '10001', 'x', '-5']) expect((await t.request(`/api/kovs/${KOV}/measures?limit=${bad}`, { as })).status, bad).toBe(400);
    expect(rows()).toEqual([]);
  });
});
