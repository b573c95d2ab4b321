import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedPlan } from './test-plan.ts';

let t: TestContext;
let admin: string;
const planCount = () => (t.db.prepare('SELECT count(*) AS n FROM budget_plan').get() as { n: number }).n;

beforeEach(() => {
  t = createTestContext();
  admin = signInAs(t.db, 'admin').token;
});

async function importPlan(body: unknown = seedPlan(), as = admin) {
  const res = await t.request('/api/budget/plans', { method: 'POST', json: body, as });
  return { res, body: (await res.json()) as { id: number; inconsistencies: unknown[]; error?: { code: string; message: string; details: unknown } } };
}

describe('plan import and report', () => {
  it('reproduces every figure of the 2023–2024 action plan and exactly its three inconsistencies', async () => {
    const { res, body } = await importPlan();
    expect(res.status).toBe(201);
    expect(body.inconsistencies).toEqual([
      { scope: 'initiative', code: 'VOLIS', key: 'account:50', field: 'net', declared: 34260, computed: 34620 },
      { scope: 'initiative', code: 'VOLIS', key: 'account:50', field: 'gross', declared: 34260, computed: 34620 },
      { scope: 'plan', code: 'SF2127', key: 'source:SF2127', field: 'net', declared: 731929, computed: 729618 },
    ]);
    const r = await (await t.request(`/api/budget/plans/${body.id}/report`, { as: admin })).json();
    expect(r.plan).toEqual({ id: body.id, name: 'ELVL valdkondliku digipöörde tegevuskava 2023–2024' });
    expect(r.totals.net).toBe(1547118);
    expect(r.byPeriod['2023'].net).toBe(190218);
    expect(r.byPeriod['2024'].net).toBe(1356900);
    expect([r.byAccount['15'].net, r.byAccount['50'].net, r.byAccount['55'].net]).toEqual([665500, 463618, 418000]);
    expect(r.bySource.SF2127).toMatchObject({ vatTreatment: 'grant_includes_vat', gross: 841258 });
    expect(r.bySource.SF2127.byPeriod['2023'].gross).toBe(41418);
    expect(r.bySource.SF2127.byPeriod['2024'].gross).toBe(799840);
    const kogukond = r.initiatives.find((i: { code: string }) => i.code === 'KOGUKOND');
    expect(kogukond.byPeriod).toEqual({ '2023': { net: 6000, vat: 1200, gross: 7200 }, '2024': { net: 12000, vat: 2640, gross: 14640 } });
    expect(r.inconsistencies).toHaveLength(3);
  });

  it('lists plans with versions and computes cents exactly', async () => {
    const plan = seedPlan();
    plan.initiatives[0].lines.push({ period: '2024-Q3', account: '55', net: 0.05 }, { period: '2024-05', account: '15', net: 10.1 });
    delete plan.declared;
    for (const i of plan.initiatives) delete i.declared;
    const { body } = await importPlan(plan);
    expect(body.inconsistencies).toEqual([]);
    const r = await (await t.request(`/api/budget/plans/${body.id}/report`, { as: admin })).json();
    // 0.05 × 22 % = 0.011 → 0.01; 10.10 × 22 % = 2.222 → 2.22
    const teenused = r.initiatives[0];
    expect(teenused.net).toBe(135220.15);
    expect(teenused.vat).toBe(15402.23);
    const list = await (await t.request('/api/budget/plans', { as: admin })).json();
    expect(list).toEqual([expect.objectContaining({ id: body.id, version: 1, latest: true, inconsistencyCount: 0 })]);
  });

  const cases: Array<[string, (p: ReturnType<typeof seedPlan>) => void, RegExp, string]> = [
    ['unknown funding source', (p) => (p.initiatives[2].fundingSource = 'RRF'), /tundmatu rahastusallikas "RRF"/, 'initiatives[2].fundingSource'],
    ['bad account', (p) => (p.initiatives[2].lines[1].account = '51'), /EA konto peab olema 15, 50 või 55/, 'initiatives[2].lines[1].account'],
    ['3-decimal amount', (p) => (p.initiatives[2].lines[1].net = 270000.123), /kuni 2 komakohta/, 'initiatives[2].lines[1].net'],
    ['straddling period', (p) => (p.initiatives[2].lines[1].period = '2025'), /ületab käibemaksumäära muutuse \(2025-07-01/, 'initiatives[2].lines[1].period'],
    ['bad period syntax', (p) => (p.initiatives[2].lines[1].period = '2024-H3'), /periood peab olema/, 'initiatives[2].lines[1].period'],
    ['3-decimal declared figure', (p) => (p.initiatives[2].declared.net = 1.005), /kuni 2 komakohta/, 'initiatives[2].declared.net'],
  ];
  for (const [name, mutate, message, path] of cases) {
    it(`refuses a plan with ${name}, naming the line, and stores nothing`, async () => {
      const plan = seedPlan();
      mutate(plan);
      const { res, body } = await importPlan(plan);
      expect(res.status).toBe(400);
      expect(body.error!.code).toBe('invalid_plan');
      expect(body.error!.message).toMatch(message);
      expect(body.error!.message).toContain(`${path} (VOLIS)`);
      expect(body.error!.details).toEqual({ path, initiative: 'VOLIS' });
      expect(planCount()).toBe(0);
    });
  }

  it('accepts a finer period after a rate change (2025-H2 at 24 %)', async () => {
    const plan = { name: 'P', fundingSources: [{ code: 'SF', name: 'SF', vatTreatment: 'grant_includes_vat' }], initiatives: [{ code: 'A', name: 'A', fundingSource: 'SF', lines: [{ period: '2025-H2', account: '55', net: 100 }, { period: '2025-Q2', account: '15', net: 100 }] }] };
    const { body } = await importPlan(plan);
    const r = await (await t.request(`/api/budget/plans/${body.id}/report`, { as: admin })).json();
    expect(r.totals).toEqual({ net: 200, vat: 46, gross: 246 });
  });

  it('requires admin or analyst', async () => {
    expect((await t.request('/api/budget/plans', { method: 'POST', json: seedPlan() })).status).toBe(401);
    const viewer = signInAs(t.db, 'viewer').token;
    expect((await importPlan(seedPlan(), viewer)).res.status).toBe(403);
    expect((await t.request('/api/budget/plans', { as: viewer })).status).toBe(403);
    const analyst = signInAs(t.db, 'analyst').token;
    expect((await importPlan(seedPlan(), analyst)).res.status).toBe(201);
    expect((await t.request('/api/budget/plans/999/report', { as: analyst })).status).toBe(404);
  });

  it('audits the import', async () => {
    const { body } = await importPlan();
    const row = t.db.prepare("SELECT action, entity_id AS id FROM audit_log WHERE entity = 'budget_plan'").get();
    expect(row).toEqual({ action: 'budget_plan.create', id: String(body.id) });
  });
});

describe('revisions', () => {
  it('stores a revision as version 2, keeps version 1 and compares them line by line', async () => {
    const { body: v1 } = await importPlan();
    const revised = seedPlan();
    revised.initiatives[2].lines[2].net = 27330; // VOLIS 2024 personnel corrected
    revised.initiatives[0].lines.push({ period: '2024-H2', account: '15', net: 5000 });
    revised.initiatives[4].lines = [{ period: '2024', account: '55', net: 50562 }];
    const res = await t.request(`/api/budget/plans/${v1.id}/revisions`, { method: 'POST', json: revised, as: admin });
    expect(res.status).toBe(201);
    const v2 = await res.json();
    expect(v2.version).toBe(2);
    expect((await t.request(`/api/budget/plans/${v1.id}/report`, { as: admin })).status).toBe(200);
    const cmp = await (await t.request(`/api/budget/plans/${v1.id}/compare/${v2.id}`, { as: admin })).json();
    expect(cmp.changes).toEqual([
      { initiative: 'AVAANDMED', period: '2024', account: '50', change: 'removed', before: 50562, after: null, delta: -50562 },
      { initiative: 'AVAANDMED', period: '2024', account: '55', change: 'added', before: null, after: 50562, delta: 50562 },
      { initiative: 'TEENUSED', period: '2024-H2', account: '15', change: 'added', before: null, after: 5000, delta: 5000 },
      { initiative: 'VOLIS', period: '2024', account: '50', change: 'changed', before: 27690, after: 27330, delta: -360 },
    ]);
    expect(cmp.totals.delta).toBe(4640);
    const list = await (await t.request('/api/budget/plans', { as: admin })).json();
    expect(list.map((p: { version: number; latest: boolean }) => [p.version, p.latest])).toEqual([[2, true], [1, false]]);
  });
});
