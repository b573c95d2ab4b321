// Standard solutions modelled once by ELVL (issue 19): admins write models with statements, everyone
// signed in reads them, a municipality adopts one as a new object; history, audit, bad input.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedCatalogIndex } from '../catalog/seed.ts';
import { seedSolutionsDemo } from '../../scripts/seed/solutions-demo.ts';

const KOV = '0141';
let t: TestContext;
let admin: string;
let specialist: string;

beforeEach(() => {
  t = createTestContext();
  seedCatalogIndex(t.db);
  admin = signInAs(t.db, 'admin').token;
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
}, 120_000);

const count = (sql: string, ...args: unknown[]) => (t.db.prepare(sql).get(...args) as { n: number }).n;
const VOLIS = {
  name: 'VOLIS',
  type: 'application',
  provider: 'ELVL',
  kbSlug: 'volis',
  modules: ['APP.3.1', 'ORP.4'],
  protectionNeed: { integrity: 'high' },
  statements: [
    { measureId: 'APP.3.1.M1', responsibility: 'provider', status: 'implemented', note: 'Autentimine TARA kaudu' },
    { measureId: 'ORP.4.M2', responsibility: 'kov' },
  ],
};
const create = async (json: object = VOLIS, as = admin) => t.request('/api/solution-models', { method: 'POST', as, json });
const created = async () => {
  const res = await create();
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; version: number };
};

describe('solution models', () => {
  it('an admin adds a model; everyone signed in reads it; history and audit', async () => {
    const model = await created();
    expect(model).toMatchObject({ name: 'VOLIS', draft: true, adoptedBy: 0, version: 1, protectionNeed: { integrity: 'high', confidentiality: 'normal' } });
    expect((model as unknown as { statements: unknown[] }).statements).toEqual([
      { measureId: 'APP.3.1.M1', responsibility: 'provider', status: 'implemented', note: 'Autentimine TARA kaudu', evidenceUrl: null },
      { measureId: 'ORP.4.M2', responsibility: 'kov', status: 'not_assessed', note: null, evidenceUrl: null },
    ]);
    expect(count('SELECT count(*) n FROM solution_model_history WHERE model_id = ?', model.id)).toBe(1);
    expect(count("SELECT count(*) n FROM audit_log WHERE action = 'solution_model.create'")).toBe(1);
    const viewer = signInAs(t.db, 'viewer', [KOV]).token;
    expect((await t.request(`/api/solution-models/${model.id}`, { as: viewer })).status).toBe(200);
    expect((await t.request('/api/solution-models')).status).toBe(401);
    expect((await create({ ...VOLIS, name: 'Teine' }, specialist)).status).toBe(403);
  });

  it('refuses unknown modules and measures, a repeated measure or name and a bad evidence link; writes nothing', async () => {
    await created();
    const cases: Array<[object, string]> = [
      [{ ...VOLIS, name: 'A', modules: ['APP.99'] }, 'modules.0'],
      [{ ...VOLIS, name: 'B', statements: [{ measureId: 'APP.3.1.M999', responsibility: 'provider' }] }, 'statements.0.measureId'],
      [{ ...VOLIS, name: 'C', statements: [{ measureId: 'APP.3.1.M1', responsibility: 'provider' }, { measureId: 'APP.3.1.M1', responsibility: 'kov' }] }, 'statements.1.measureId'],
      [{ ...VOLIS, name: 'volis' }, 'name'],
    ];
    for (const [body, path] of cases) {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    for (const body of [{ ...VOLIS, name: 'D', statements: [{ measureId: 'APP.3.1.M1', responsibility: 'provider', evidenceUrl: 'javascript:alert(1)' }] }, { ...VOLIS, name: 'E', type: 'organisation' }, { ...VOLIS, name: 'F', extra: 1 }]) {
      expect((await create(body)).status).toBe(400);
    }
    expect(count('SELECT count(*) n FROM solution_model')).toBe(1);
  });

  it('a change needs the version read, and every adopter sees it in the history', async () => {
    const model = await created();
    const res = await t.request(`/api/solution-models/${model.id}`, { method: 'PATCH', as: admin, json: { version: 1, draft: false, summary: 'Töörühm kinnitas' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ draft: false, version: 2 });
    const stale = await t.request(`/api/solution-models/${model.id}`, { method: 'PATCH', as: admin, json: { version: 1, provider: 'Keegi' } });
    expect(stale.status).toBe(409);
    expect(t.db.prepare('SELECT provider FROM solution_model WHERE id = ?').get(model.id)).toEqual({ provider: 'ELVL' });
    const history = (await (await t.request(`/api/solution-models/${model.id}/history`, { as: specialist })).json()) as Array<{ version: number; summary: string }>;
    expect(history.map((h) => [h.version, h.summary])).toEqual([[2, 'Töörühm kinnitas'], [1, 'Mudel loodud.']]);
  });
});

describe('adopting a model', () => {
  it('creates an object with the model’s type, modules and need, linked to it', async () => {
    const model = await created();
    const res = await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as: specialist, json: { solutionModel: model.id } });
    expect(res.status).toBe(201);
    const object = (await res.json()) as { id: number; name: string; type: string; modules: string[]; solutionModel: number; protectionNeed: Record<string, string>; justification: string };
    expect(object).toMatchObject({ name: 'VOLIS', type: 'application', modules: ['APP.3.1', 'ORP.4'], solutionModel: model.id, protectionNeed: { integrity: 'high' } });
    expect(object.justification).toContain('VOLIS');
    expect(t.db.prepare('SELECT solution_model_id FROM target_object WHERE id = ?').get(object.id)).toEqual({ solution_model_id: model.id });
    expect(((await (await t.request(`/api/solution-models/${model.id}`, { as: admin })).json()) as { adoptedBy: number }).adoptedBy).toBe(1);
    // Twice under the same name is refused; under another name it is a second object.
    expect((await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as: specialist, json: { solutionModel: model.id } })).status).toBe(400);
    expect((await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as: specialist, json: { solutionModel: model.id, name: 'VOLIS (valitsus)' } })).status).toBe(201);
  });

  it('an unknown model, another municipality or a read-only role change nothing', async () => {
    const model = await created();
    const before = count('SELECT count(*) n FROM target_object');
    expect((await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as: specialist, json: { solutionModel: 999999 } })).status).toBe(400);
    expect((await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as: signInAs(t.db, 'specialist', ['0198']).token, json: { solutionModel: model.id } })).status).toBe(404);
    expect((await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as: signInAs(t.db, 'viewer', [KOV]).token, json: { solutionModel: model.id } })).status).toBe(403);
    expect((await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as: specialist, json: { solutionModel: 'x' } })).status).toBe(400);
    expect(count('SELECT count(*) n FROM target_object')).toBe(before);
  });
});

describe('what the provider implements', () => {
  const progress = async () => (await (await t.request(`/api/kovs/${KOV}/progress`, { as: specialist })).json()) as { total: number; implemented: number };

  it('adopting a model with two provider-implemented measures raises the implemented count by exactly two; an own status overrides', async () => {
    const res = await create({
      ...VOLIS,
      name: 'Veebiplatvorm',
      modules: ['APP.3.1'],
      protectionNeed: {},
      statements: [
        { measureId: 'APP.3.1.M1', responsibility: 'provider', status: 'implemented' },
        { measureId: 'APP.3.1.M4', responsibility: 'provider', status: 'implemented' },
        { measureId: 'APP.3.1.M7', responsibility: 'shared', status: 'implemented' },
        { measureId: 'APP.3.1.M14', responsibility: 'provider', status: 'partial' },
      ],
    });
    const model = (await res.json()) as { id: number };
    const before = await progress();
    const adopted = await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as: specialist, json: { solutionModel: model.id } });
    const object = (await adopted.json()) as { id: number; measureCount: number };
    const after = await progress();
    expect(after.total).toBe(before.total + object.measureCount);
    expect(after.implemented).toBe(before.implemented + 2);
    const rows = (await (await t.request(`/api/kovs/${KOV}/measures?object=${object.id}`, { as: specialist })).json()) as Array<{ measureId: string; effectiveStatus: string; sharedService: { provider: string } | null }>;
    expect(rows.filter((r) => r.effectiveStatus === 'implemented').map((r) => [r.measureId, r.sharedService?.provider])).toEqual([['APP.3.1.M1', 'ELVL'], ['APP.3.1.M4', 'ELVL']]);
    // The municipality's own status wins over the provider's statement.
    const put = await t.request(`/api/kovs/${KOV}/measures/APP.3.1.M1?object=${object.id}`, { method: 'PUT', as: specialist, json: { status: 'not_implemented', version: 0 } });
    expect(put.status).toBe(200);
    expect((await progress()).implemented).toBe(before.implemented + 1);
    // Another municipality that did not adopt the model is untouched; the organisation object is too.
    expect(rows.every((r) => r.measureId.startsWith('APP.3.1'))).toBe(true);
  });

  it('a model delivered to a municipality as a whole counts on its organisation object only, and only in its edition', async () => {
    const before = await progress();
    const other = async () => (await (await t.request('/api/kovs/0198/progress', { as: admin })).json()) as { implemented: number };
    const otherBefore = await other();
    const res = await create({
      name: 'Keskne teenus: ELVL', type: 'service', provider: 'ELVL', kovs: [KOV],
      statements: [
        { measureId: 'ISMS.1.M1', responsibility: 'provider', status: 'implemented' },
        { measureId: 'ISMS.1.M2', responsibility: 'kov', status: 'implemented' },
      ],
    });
    expect(res.status).toBe(201);
    const model = (await res.json()) as { id: number; version: number; kovs: Array<{ ehak: string; name: string }>; adoptedBy: number };
    expect(model).toMatchObject({ kovs: [{ ehak: KOV, name: 'Anija vald' }], adoptedBy: 0 });
    expect((await progress()).implemented).toBe(before.implemented + 1);
    expect((await other()).implemented).toBe(otherBefore.implemented);
    const row = ((await (await t.request(`/api/kovs/${KOV}/measures`, { as: specialist })).json()) as Array<{ measureId: string; objectName: string; sharedService: unknown }>)
      .filter((r) => r.sharedService);
    expect(row.map((r) => r.measureId)).toEqual(['ISMS.1.M1']);
    // ELVL changes the statement: the municipality sees it in the measure's history, with the summary.
    const changed = await t.request(`/api/solution-models/${model.id}`, {
      method: 'PATCH', as: admin,
      json: { version: model.version, summary: 'Teenus lõpetatud', statements: [{ measureId: 'ISMS.1.M1', responsibility: 'provider', status: 'not_implemented', note: 'Leping lõppes' }] },
    });
    expect(changed.status).toBe(200);
    const history = (await (await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1/history`, { as: specialist })).json()) as Array<Record<string, unknown>>;
    expect(history.filter((h) => h['kind'] === 'model')).toEqual([
      expect.objectContaining({ model: { id: model.id, name: 'Keskne teenus: ELVL', provider: 'ELVL' }, version: 2, summary: 'Teenus lõpetatud', old: { responsibility: 'provider', status: 'implemented', note: null }, new: { responsibility: 'provider', status: 'not_implemented', note: 'Leping lõppes' } }),
      expect.objectContaining({ version: 1, summary: 'Mudel loodud.', old: null, new: { responsibility: 'provider', status: 'implemented', note: null } }),
    ]);
    expect((await progress()).implemented).toBe(before.implemented);
    // Another municipality's history of the same measure says nothing of a model it does not receive.
    const foreign = (await (await t.request('/api/kovs/0198/measures/ISMS.1.M1/history', { as: admin })).json()) as Array<{ kind: string }>;
    expect(foreign.filter((h) => h.kind === 'model')).toEqual([]);
    await t.request(`/api/solution-models/${model.id}`, { method: 'PATCH', as: admin, json: { version: 2, summary: 'Taas', statements: [{ measureId: 'ISMS.1.M1', responsibility: 'provider', status: 'implemented' }] } });
    expect((await progress()).implemented).toBe(before.implemented + 1);
    // A model of another edition names measures of that edition: it counts nowhere in a 2024 scope.
    t.db.prepare("UPDATE solution_model SET edition = '2023' WHERE id = ?").run(model.id);
    expect((await progress()).implemented).toBe(before.implemented);
  });
});

describe('demo models', () => {
  it('ships the seven standard solutions as drafts linked to their pages, every statement a catalogue measure', () => {
    signInAs(t.db, 'admin');
    seedSolutionsDemo(t.db, () => {});
    const rows = t.db.prepare('SELECT name, kb_slug, draft FROM solution_model ORDER BY name').all() as Array<{ name: string; kb_slug: string; draft: number }>;
    expect(rows.map((r) => r.kb_slug).sort()).toEqual(['amphora', 'delta', 'kovtp', 'microsoft-365', 'riigipilv', 'volis', 'webdesktop']);
    expect(rows.every((r) => r.draft === 1)).toBe(true);
    expect(count("SELECT count(*) n FROM solution_statement s LEFT JOIN catalog_measure m ON m.edition = '2024' AND m.id = s.measure_id WHERE m.id IS NULL")).toBe(0);
    expect(count("SELECT count(*) n FROM solution_statement WHERE status <> 'not_assessed' OR note NOT LIKE 'Mustand:%'")).toBe(0);
  });
});
