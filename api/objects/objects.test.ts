import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { loadMigrations } from '../db/migrate.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';

const KOV = '0141';
const OTHER = '0198';
let t: TestContext;
let specialist: string;

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
});

interface Obj { id: number; name: string; type: string; version: number; effectiveNeed: Record<string, string>; needOrigin: Record<string, number | null>; dependsOn: number[]; modules: string[] }
const post = (json: unknown, as = specialist, ehak = KOV) => t.request(`/api/kovs/${ehak}/objects`, { method: 'POST', json, as });
const patch = (id: number, json: unknown, as = specialist) => t.request(`/api/kovs/${KOV}/objects/${id}`, { method: 'PATCH', json, as });
const list = async (as = specialist): Promise<Obj[]> => (await (await t.request(`/api/kovs/${KOV}/objects`, { as })).json()) as Obj[];
const created = async (json: unknown): Promise<Obj> => {
  const res = await post(json);
  expect(res.status).toBe(201);
  return (await res.json()) as Obj;
};
const count = (sql: string, ...args: unknown[]) => (t.db.prepare(sql).get(...args) as { n: number }).n;

describe('target objects', () => {
  it('every municipality has exactly one organisation object, modelling the modules of its scope', async () => {
    expect(count('SELECT count(*) n FROM kov')).toBeGreaterThan(70);
    expect(count("SELECT count(DISTINCT ehak) n FROM target_object WHERE type = 'organisation'")).toBe(count('SELECT count(*) n FROM kov'));
    const [org, ...rest] = await list();
    expect(rest).toEqual([]);
    expect(org).toMatchObject({ type: 'organisation', name: 'Organisatsioon tervikuna', modules: ['ISMS.1', 'OPS.1.1.2'] });
  });

  it('creates an object with a justified need, stores it with its dependencies and audits it', async () => {
    const app = await created({ name: 'Dokumendihaldus', type: 'application', protectionNeed: { confidentiality: 'high' }, justification: 'Isikuandmed', modules: ['OPS.1.1.2'] });
    const server = await created({ name: 'Server', type: 'it_system', count: 2, dependsOn: [] });
    const res = await patch(server.id, { version: 1, critical: true });
    expect(res.status).toBe(200);
    expect(t.db.prepare('SELECT name, need_c, justification, item_count, critical, version FROM target_object WHERE id IN (?, ?) ORDER BY id').all(app.id, server.id)).toEqual([
      { name: 'Dokumendihaldus', need_c: 'high', justification: 'Isikuandmed', item_count: 1, critical: 0, version: 1 },
      { name: 'Server', need_c: 'normal', justification: null, item_count: 2, critical: 1, version: 2 },
    ]);
    expect(count("SELECT count(*) n FROM audit_log WHERE entity = 'target_object' AND kov = ?", KOV)).toBe(3);
  });

  it('refuses a raised need without a justification, and changes nothing', async () => {
    const res = await post({ name: 'E-post', type: 'service', protectionNeed: { availability: 'very_high' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([{ path: 'justification', message: expect.any(String) }]);
    expect(count('SELECT count(*) n FROM target_object WHERE ehak = ?', KOV)).toBe(1);
  });

  it('raises what an object depends on by the maximum principle, shows where it came from, and keeps a distributed need', async () => {
    const server = await created({ name: 'Server', type: 'it_system' });
    const app = await created({ name: 'VOLIS', type: 'application', dependsOn: [server.id] });
    const process = await created({ name: 'Volikogu istungid', type: 'process', dependsOn: [app.id], protectionNeed: { availability: 'high' }, justification: 'Istungid on avalikud ja tähtajalised' });
    const byName = async () => new Map((await list()).map((o) => [o.name, o]));
    let objects = await byName();
    expect(objects.get('Server')!.effectiveNeed).toEqual({ confidentiality: 'normal', integrity: 'normal', availability: 'high' });
    expect(objects.get('Server')!.needOrigin).toEqual({ confidentiality: null, integrity: null, availability: process.id });
    expect(objects.get('VOLIS')!.effectiveNeed.availability).toBe('high');
    const res = await patch(server.id, { version: 1, distribution: { availability: true }, justification: 'Kaks serverit, teine võtab üle' });
    expect(res.status).toBe(200);
    objects = await byName();
    expect(objects.get('Server')!.effectiveNeed.availability).toBe('normal');
    expect(objects.get('VOLIS')!.effectiveNeed.availability).toBe('high');
  });

  it('refuses a dependency cycle, an unknown or foreign object and an unknown module', async () => {
    const foreign = signInAs(t.db, 'specialist', [OTHER]).token;
    const theirs = (await (await post({ name: 'Nende server', type: 'it_system' }, foreign, OTHER)).json()) as Obj;
    const a = await created({ name: 'A', type: 'application' });
    const b = await created({ name: 'B', type: 'it_system', dependsOn: [a.id] });
    const cycle = await patch(a.id, { version: 1, dependsOn: [b.id] });
    expect(cycle.status).toBe(400);
    expect((await cycle.json()).error.details[0].path).toBe('dependsOn.0');
    expect((await patch(a.id, { version: 1, dependsOn: [theirs.id] })).status).toBe(400);
    expect((await patch(a.id, { version: 1, modules: ['SYS.99'] })).status).toBe(400);
    expect((await post({ name: 'a', type: 'room' })).status).toBe(400); // the name is taken (case-insensitively)
    expect(t.db.prepare('SELECT depends_on FROM target_object_dependency WHERE object_id = ?').all(a.id)).toEqual([]);
    expect(count('SELECT version n FROM target_object WHERE id = ?', a.id)).toBe(1);
  });

  it('answers 409 with the current object to a stale version', async () => {
    const o = await created({ name: 'Võrk', type: 'network' });
    expect((await patch(o.id, { version: 1, count: 3 })).status).toBe(200);
    const stale = await patch(o.id, { version: 1, count: 4 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.current).toMatchObject({ id: o.id, version: 2, count: 3 });
  });

  it('deletes an object with its dependencies, never the organisation object', async () => {
    const room = await created({ name: 'Serveriruum', type: 'room' });
    await created({ name: 'Server', type: 'it_system', dependsOn: [room.id] });
    const org = (await list())[0]!;
    expect((await t.request(`/api/kovs/${KOV}/objects/${org.id}`, { method: 'DELETE', as: specialist })).status).toBe(409);
    expect((await t.request(`/api/kovs/${KOV}/objects/${room.id}`, { method: 'DELETE', as: specialist })).status).toBe(204);
    expect(count('SELECT count(*) n FROM target_object_dependency WHERE depends_on = ?', room.id)).toBe(0);
  });

  it('keeps municipalities apart: another municipality answers 404, a viewer may read but not write', async () => {
    const foreign = signInAs(t.db, 'specialist', [OTHER]).token;
    const o = await created({ name: 'Server', type: 'it_system' });
    expect((await t.request(`/api/kovs/${KOV}/objects`, { as: foreign })).status).toBe(404);
    expect((await t.request(`/api/kovs/${KOV}/objects/${o.id}`, { method: 'PATCH', json: { version: 1, count: 2 }, as: foreign })).status).toBe(404);
    const viewer = signInAs(t.db, 'viewer', [KOV]).token;
    expect((await list(viewer)).length).toBe(2);
    expect((await post({ name: 'X', type: 'room' }, viewer)).status).toBe(403);
    expect((await t.request(`/api/kovs/${OTHER}/objects/${o.id}`, { as: foreign })).status).toBe(404);
  });

  it('refuses bad input with the one error shape', async () => {
    for (const body of [{}, { name: '', type: 'room' }, { name: 'X', type: 'organisation' }, { name: 'X', type: 'room', count: 0 }, { name: 'X', type: 'room', extra: 1 }, { name: 'x'.repeat(201), type: 'room' }]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBeTypeOf('string');
    }
    expect(count('SELECT count(*) n FROM target_object WHERE ehak = ?', KOV)).toBe(1);
  });
});

describe('the migration', () => {
  it('gives every existing municipality its organisation object, and every new one through the trigger', () => {
    const db = new Database(':memory:');
    const migrations = loadMigrations();
    const at = migrations.findIndex((m) => m.name.endsWith('_target_objects.sql'));
    for (const m of migrations.slice(0, at)) db.exec(m.sql);
    db.prepare("INSERT INTO kov (ehak, name, type, county) VALUES ('0001', 'Üks vald', 'vald', 'Harju maakond')").run();
    for (const m of migrations.slice(at)) db.exec(m.sql);
    db.prepare("INSERT INTO kov (ehak, name, type, county) VALUES ('0002', 'Teine linn', 'linn', 'Tartu maakond')").run();
    expect(db.prepare("SELECT ehak, name FROM target_object WHERE type = 'organisation' ORDER BY ehak").all()).toEqual([
      { ehak: '0001', name: 'Organisatsioon tervikuna' },
      { ehak: '0002', name: 'Organisatsioon tervikuna' },
    ]);
    expect(() => db.prepare("INSERT INTO target_object (ehak, type, name) VALUES ('0001', 'organisation', 'Teine')").run()).toThrow(/UNIQUE/);
  });
});
