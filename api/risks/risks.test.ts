// The risk analysis (issue 19) on the shipped catalogue: which threats an object must assess, the
// decisions with version, history and audit, and the state per object.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { loadCatalogIndex, seedCatalogIndex } from '../catalog/seed.ts';

const KOV = '0141';
const OTHER = '0198';
const index = loadCatalogIndex();
let t: TestContext;
let as: string;

beforeEach(() => {
  t = createTestContext();
  seedCatalogIndex(t.db, index);
  as = signInAs(t.db, 'specialist', [KOV]).token;
}, 120_000);

interface Threat { code: string; title: string; measures: string[]; implemented: number; assessment: string | null; version: number; decidedBy: string | null }
interface Analysis { objectId: number; required: boolean; assessed: number; threats: Threat[] }
const count = (sql: string, ...args: unknown[]) => (t.db.prepare(sql).get(...args) as { n: number }).n;
const createObject = async (json: object, ehak = KOV, who = as): Promise<number> => {
  const res = await t.request(`/api/kovs/${ehak}/objects`, { method: 'POST', as: who, json });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
};
const analysis = async (id: number): Promise<Analysis> => {
  const res = await t.request(`/api/kovs/${KOV}/objects/${id}/risk-analysis`, { as });
  expect(res.status).toBe(200);
  return (await res.json()) as Analysis;
};
const assess = (id: number, code: string, json: object, who = as, ehak = KOV) =>
  t.request(`/api/kovs/${ehak}/objects/${id}/risk-analysis/${encodeURIComponent(code)}`, { method: 'PUT', as: who, json });
const clients = { name: 'Töökohaarvutid', type: 'it_system', count: 40, modules: ['SYS.2.1'] };

describe('elementary threats as shipped reference data', () => {
  it('a fresh database has the 47 threats, and one seeded before they shipped gets them on the next start', () => {
    expect(count('SELECT count(*) n FROM catalog_threat')).toBe(47);
    expect(t.db.prepare("SELECT title FROM catalog_threat WHERE id = 'G 0.18'").get()).toEqual({ title: 'Halb kavandamine või sobitamata jätmine' });
    t.db.prepare('DELETE FROM catalog_threat').run();
    seedCatalogIndex(t.db);
    expect(count('SELECT count(*) n FROM catalog_threat')).toBe(47);
  });
});

describe('risk analysis of a target object', () => {
  it('lists the threats its in-scope measures counter; required only when a need is above normal', async () => {
    const id = await createObject(clients);
    const normal = await analysis(id);
    expect(normal.required).toBe(false);
    const inScope = ((await (await t.request(`/api/kovs/${KOV}/objects/${id}/measures`, { as })).json()) as Array<{ measureId: string }>).map((m) => m.measureId);
    const expected = new Set(index.measures.filter((m) => inScope.includes(m.id)).flatMap((m) => m.threats));
    expect(new Set(normal.threats.map((t) => t.code))).toEqual(expected);
    for (const threat of normal.threats) {
      expect(threat.measures.length).toBeGreaterThan(0);
      for (const m of threat.measures) expect(index.measures.find((x) => x.id === m)!.threats).toContain(threat.code);
    }
    const obj = (await (await t.request(`/api/kovs/${KOV}/objects/${id}`, { as })).json()) as { version: number };
    expect((await t.request(`/api/kovs/${KOV}/objects/${id}`, { method: 'PATCH', as, json: { version: obj.version, protectionNeed: { confidentiality: 'high' }, justification: 'Isikuandmed' } })).status).toBe(200);
    const high = await analysis(id);
    expect(high.required).toBe(true);
    // The 8 high measures confidentiality brings in add their threats.
    expect(high.threats.length).toBeGreaterThanOrEqual(normal.threats.length);
    const summary = (await (await t.request(`/api/kovs/${KOV}/risk-analyses`, { as })).json()) as Array<{ objectId: number; state: string; required: boolean }>;
    expect(summary.find((s) => s.objectId === id)).toMatchObject({ required: true, state: 'missing' });
    expect(summary.find((s) => s.objectId !== id)).toMatchObject({ required: false, state: 'not_required' });
  });

  it('records a decision with version, history and audit; a stale version is 409 and changes nothing', async () => {
    const id = await createObject({ ...clients, protectionNeed: { availability: 'high' }, justification: 'Töö seisab' });
    const [first] = (await analysis(id)).threats;
    const res = await assess(id, first!.code, { assessment: 'covered', version: 0 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: first!.code, assessment: 'covered', version: 1, updatedBy: { id: expect.any(Number) } });
    expect(t.db.prepare('SELECT assessment, version FROM risk_assessment WHERE object_id = ?').all(id)).toEqual([{ assessment: 'covered', version: 1 }]);
    expect(count('SELECT count(*) n FROM risk_assessment_history WHERE object_id = ?', id)).toBe(1);
    expect(count("SELECT count(*) n FROM audit_log WHERE action = 'risk.assess' AND kov = ?", KOV)).toBe(1);
    const stale = await assess(id, first!.code, { assessment: 'additional_measure', additionalMeasure: 'Varuarvutid', version: 0 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details.current).toMatchObject({ assessment: 'covered', version: 1 });
    expect(count('SELECT count(*) n FROM risk_assessment_history WHERE object_id = ?', id)).toBe(1);
    // The code may be written without the space.
    expect((await assess(id, first!.code.replace(' ', ''), { assessment: 'additional_measure', additionalMeasure: 'Varuarvutid', version: 1 })).status).toBe(200);
    expect(t.db.prepare('SELECT assessment, additional_measure, version FROM risk_assessment WHERE object_id = ?').all(id)).toEqual([
      { assessment: 'additional_measure', additional_measure: 'Varuarvutid', version: 2 },
    ]);
  });

  it('an accepted risk needs a justification, who decided and when; without them 400 and nothing written', async () => {
    const id = await createObject({ ...clients, protectionNeed: { integrity: 'very_high' }, justification: 'Registrid' });
    const [first] = (await analysis(id)).threats;
    const res = await assess(id, first!.code, { assessment: 'accepted', version: 0 });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toEqual(['justification', 'decidedBy', 'decidedAt']);
    expect(count('SELECT count(*) n FROM risk_assessment')).toBe(0);
    const ok = await assess(id, first!.code, { assessment: 'accepted', justification: 'Väike mõju', decidedBy: 'Vallavanem', decidedAt: '2026-11-30', version: 0 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ assessment: 'accepted', decidedBy: 'Vallavanem', decidedAt: '2026-11-30' });
  });

  it('the state goes missing → incomplete → complete, and an object with decisions cannot be deleted', async () => {
    const id = await createObject({ name: 'Võrk', type: 'network', modules: ['NET.1.1'], protectionNeed: { availability: 'high' }, justification: 'Kõik teenused' });
    const { threats } = await analysis(id);
    const state = async () => ((await (await t.request(`/api/kovs/${KOV}/risk-analyses`, { as })).json()) as Array<{ objectId: number; state: string; assessed: number }>).find((s) => s.objectId === id);
    for (const [i, threat] of threats.entries()) {
      expect((await assess(id, threat.code, { assessment: 'covered', version: 0 })).status).toBe(200);
      if (i === 0) expect(await state()).toMatchObject({ state: 'incomplete', assessed: 1 });
    }
    expect(await state()).toMatchObject({ state: 'complete', assessed: threats.length });
    const del = await t.request(`/api/kovs/${KOV}/objects/${id}`, { method: 'DELETE', as });
    expect(del.status).toBe(409);
    expect(count('SELECT count(*) n FROM target_object WHERE id = ?', id)).toBe(1);
  });

  it('counts the implemented measures behind each threat', async () => {
    const id = await createObject({ ...clients, protectionNeed: { confidentiality: 'high' }, justification: 'Isikuandmed' });
    const threat = (await analysis(id)).threats.find((x) => x.measures.length > 0)!;
    expect(threat.implemented).toBe(0);
    const measure = threat.measures[0]!;
    const put = await t.request(`/api/kovs/${KOV}/measures/${measure}?object=${id}`, { method: 'PUT', as, json: { status: 'implemented', version: 0 } });
    expect(put.status).toBe(200);
    expect((await analysis(id)).threats.find((x) => x.code === threat.code)!.implemented).toBe(1);
  });
});

describe('risk analysis: access and bad input', () => {
  it('another municipality, read-only roles, unknown threats and malformed codes change nothing', async () => {
    const id = await createObject({ ...clients, protectionNeed: { confidentiality: 'high' }, justification: 'Isikuandmed' });
    const { threats } = await analysis(id);
    const code = threats[0]!.code;
    const other = signInAs(t.db, 'specialist', [OTHER]).token;
    expect((await t.request(`/api/kovs/${OTHER}/objects/${id}/risk-analysis`, { as: other })).status).toBe(404);
    expect((await assess(id, code, { assessment: 'covered', version: 0 }, other, OTHER)).status).toBe(404);
    expect((await assess(id, code, { assessment: 'covered', version: 0 }, other)).status).toBe(404);
    for (const role of ['viewer', 'auditor'] as const) {
      expect((await assess(id, code, { assessment: 'covered', version: 0 }, signInAs(t.db, role, [KOV]).token)).status).toBe(403);
    }
    const missing = ['G 0.1', 'G 0.2', 'G 0.3', 'G 0.4', 'G 0.5', 'G 0.6', 'G 0.7', 'G 0.8'].find((c) => !threats.some((x) => x.code === c));
    if (missing) expect((await assess(id, missing, { assessment: 'covered', version: 0 })).status).toBe(404);
    for (const bad of ['X 0.1', 'G 1.1', 'G 0.123', "G 0.1'--"]) expect((await assess(id, bad, { assessment: 'covered', version: 0 })).status).toBe(400);
    for (const body of [{}, { assessment: 'maybe', version: 0 }, { assessment: 'covered', version: -1 }, { assessment: 'covered', version: 0, extra: 1 }, { assessment: 'covered', version: 0, decidedAt: '2026-02-30' }]) {
      expect((await assess(id, code, body)).status).toBe(400);
    }
    expect((await t.request(`/api/kovs/${KOV}/objects/99999999/risk-analysis`, { as })).status).toBe(404);
    expect(count('SELECT count(*) n FROM risk_assessment')).toBe(0);
  });
});
