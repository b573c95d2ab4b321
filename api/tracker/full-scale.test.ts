// Full scale: 79 municipalities x the KOV profile on E-ITS 2024 (shipped index), demo statuses.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogIndex } from '../catalog/seed.ts';
import { seedTrackerDemo, SHARED_DEMO_MEASURE } from '../../scripts/seed/tracker-demo.ts';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { getOverview } from '../reports/overview.ts';
import { getProgress, progressOfAll } from './progress.ts';
import { getMeasureRecord, listMeasures } from './records.ts';

/** The profile's measures with their priority, and those it has not classified yet (no priority, migration 012). */
const PROFILE_LISTED = `(SELECT profile_id, edition, measure_id, priority FROM catalog_profile_measure
  UNION ALL SELECT profile_id, edition, measure_id, NULL FROM catalog_profile_unclassified)`;

let t: TestContext;
let analyst: string;

beforeAll(() => {
  t = createTestContext();
  seedCatalogIndex(t.db);
  seedTrackerDemo(t.db);
  analyst = signInAs(t.db, 'analyst').token;
}, 120_000);

/** Independent of the tracker's SQL: profile measures of class basic/standard, statuses, shared services. */
function directCounts(ehak: string) {
  const db = t.db;
  const base = `FROM catalog_profile p JOIN ${PROFILE_LISTED} pm ON pm.profile_id = p.id
    JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
    LEFT JOIN measure_status s ON s.ehak = @ehak AND s.edition = m.edition AND s.measure_id = m.id
    WHERE p.edition = '2024' AND p.name = 'KOV' AND m.class IN ('basic', 'standard')`;
  const total = db.prepare(`SELECT count(*) ${base}`).pluck().get({ ehak }) as number;
  const na = db.prepare(`SELECT count(*) ${base} AND s.status = 'not_applicable'`).pluck().get({ ehak }) as number;
  const own = db.prepare(`SELECT count(*) ${base} AND s.status = 'implemented'`).pluck().get({ ehak }) as number;
  const shared = db
    .prepare(
      `SELECT count(*) ${base} AND COALESCE(s.status, 'not_assessed') = 'not_assessed'
       AND m.id IN (SELECT ss.measure_id FROM solution_statement ss JOIN solution_model sm ON sm.id = ss.model_id JOIN solution_model_kov k ON k.model_id = ss.model_id WHERE k.ehak = @ehak AND sm.edition = '2024' AND ss.responsibility = 'provider' AND ss.status = 'implemented')`,
    )
    .pluck()
    .get({ ehak }) as number;
  return { total, na, implemented: own + shared };
}

/** The same independent count by class, priority and top-level module group: "dimension|value" → cell. */
function directBreakdown(ehak: string) {
  const rows = t.db
    .prepare(
      `SELECT m.class, pm.priority, md.group_id AS grp, COALESCE(s.status, 'not_assessed') AS own,
              EXISTS (SELECT 1 FROM solution_statement ss JOIN solution_model sm ON sm.id = ss.model_id JOIN solution_model_kov k ON k.model_id = ss.model_id
                      WHERE k.ehak = @ehak AND sm.edition = m.edition AND ss.measure_id = m.id AND ss.responsibility = 'provider' AND ss.status = 'implemented') AS shared
       FROM catalog_profile p JOIN ${PROFILE_LISTED} pm ON pm.profile_id = p.id
       JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
       JOIN catalog_module md ON md.edition = m.edition AND md.id = m.module_id
       LEFT JOIN measure_status s ON s.ehak = @ehak AND s.edition = m.edition AND s.measure_id = m.id
       WHERE p.edition = '2024' AND p.name = 'KOV' AND m.class IN ('basic', 'standard')`,
    )
    .all({ ehak }) as Array<{ class: string; priority: string | null; grp: string; own: string; shared: number }>;
  const cells = new Map<string, { total: number; notApplicable: number; implemented: number }>();
  for (const r of rows) {
    // Measures the profile has not classified have no priority cell (byPriority is P1, P2, P3).
    for (const key of [`class|${r.class}`, ...(r.priority ? [`priority|${r.priority}`] : []), `group|${r.grp}`]) {
      const c = cells.get(key) ?? { total: 0, notApplicable: 0, implemented: 0 };
      c.total++;
      if (r.own === 'not_applicable') c.notApplicable++;
      if (r.own === 'implemented' || (r.own === 'not_assessed' && r.shared)) c.implemented++;
      cells.set(key, c);
    }
  }
  return cells;
}

describe('tracker at full scale', () => {
  // How fast seeding and the overview are is measured by `npm run bench`, beside their floors, not here.
  it('seeds the demo for all 79 municipalities, deterministically spread', () => {
    const kovsWithData = t.db.prepare('SELECT count(DISTINCT ehak) FROM measure_status').pluck().get();
    expect(kovsWithData).toBe(79);
    const shares = getOverview(t.db).rows.map((r) => r.implementedShare!);
    expect(Math.max(...shares)).toBeGreaterThan(0.6);
    expect(Math.min(...shares)).toBeLessThan(0.1);
    const mid = shares.filter((s) => s >= 0.15 && s <= 0.55).length;
    expect(mid).toBeGreaterThan(40);
    expect(t.db.prepare(`SELECT count(*) FROM measure_status WHERE status = 'risk_accepted'`).pluck().get()).toBeGreaterThan(1);
  });

  it('progress agrees with a direct SQL count for every municipality', () => {
    const ehaks = t.db.prepare('SELECT ehak FROM kov').pluck().all() as string[];
    for (const ehak of ehaks) {
      const p = getProgress(t.db, ehak)!;
      const d = directCounts(ehak);
      expect(p.total, ehak).toBe(d.total);
      expect(p.byStatus.not_applicable.count, ehak).toBe(d.na);
      expect(p.implemented, ehak).toBe(d.implemented);
      expect(p.implementedShare, ehak).toBeCloseTo(d.implemented / (d.total - d.na), 12);
      expect(Object.values(p.byStatus).reduce((a, s) => a + s.count, 0)).toBe(p.total);
      expect(p.byModule.reduce((a, m) => a + m.total, 0)).toBe(p.total);
      expect(p.byGroup.reduce((a, g) => a + g.implemented, 0)).toBe(p.implemented);
    }
    expect(getProgress(t.db, ehaks[0]!)!.total).toBe(809);
  });

  it('counts every class, priority and module group as a direct SQL count does, on both paths', () => {
    const all = progressOfAll(t.db);
    expect(all.size).toBe(79);
    for (const [ehak, totals] of all) {
      const { ehak: _e, name: _n, approach: _a, nextSteps: _s, trend: _t, byObject: _o, ...one } = getProgress(t.db, ehak)!;
      expect(totals, ehak).toEqual(one);
      const direct = directBreakdown(ehak);
      const found = new Map<string, { total: number; notApplicable: number; implemented: number }>();
      for (const [c, cell] of Object.entries(totals.byClass)) if (cell.total) found.set(`class|${c}`, cell);
      for (const [p, cell] of Object.entries(totals.byPriority)) if (cell.total) found.set(`priority|${p}`, cell);
      for (const g of totals.byGroup) found.set(`group|${g.group}`, g);
      expect([...found.keys()].sort(), ehak).toEqual([...direct.keys()].sort());
      for (const [key, cell] of direct) expect(found.get(key), `${ehak} ${key}`).toMatchObject(cell);
    }
  });

  it('basic measures are further along than standard, P1 further than P3', () => {
    const o = getOverview(t.db);
    expect(o.median.byClass.basic!).toBeGreaterThan(o.median.byClass.standard!);
    const all = [...progressOfAll(t.db).values()];
    const sum = (k: 'P1' | 'P3') => all.reduce((a, p) => a + (p.byPriority[k].share ?? 0), 0);
    expect(sum('P1')).toBeGreaterThan(sum('P3'));
  });

  it('counts the measure ELVL delivers centrally as implemented unless the municipality overrides it', () => {
    const kovs = t.db.prepare('SELECT ehak FROM solution_model_kov ORDER BY ehak').pluck().all() as string[];
    expect(kovs.length).toBeGreaterThanOrEqual(18);
    const viaShared = kovs.filter((e) => getProgress(t.db, e)!.sharedServiceImplemented === 1);
    const overridden = kovs.filter((e) => t.db.prepare(`SELECT 1 FROM measure_status WHERE ehak = ? AND measure_id = ?`).get(e, SHARED_DEMO_MEASURE));
    expect(viaShared.length + overridden.length).toBe(kovs.length);
    expect(overridden.length).toBeGreaterThan(0);
  });

  it("one measure's record says what its row in the list says (status, shared service, overdue, priority)", () => {
    // A municipality with the shared service, one that overrides it, and one without.
    const shared = t.db.prepare('SELECT ehak FROM solution_model_kov ORDER BY ehak').pluck().all() as string[];
    const ownRow = (e: string) => t.db.prepare('SELECT 1 FROM measure_status WHERE ehak = ? AND measure_id = ?').get(e, SHARED_DEMO_MEASURE);
    const viaShared = shared.find((e) => !ownRow(e))!;
    const overriding = shared.find(ownRow)!;
    const without = (t.db.prepare('SELECT ehak FROM kov WHERE ehak NOT IN (SELECT ehak FROM solution_model_kov) ORDER BY ehak').pluck().get() as string)!;
    const today = '2026-06-30';
    let overdue = 0;
    for (const ehak of [viaShared, overriding, without]) {
      for (const item of listMeasures(t.db, ehak, {}, today)) {
        const { sharedService, ...rest } = getMeasureRecord(t.db, ehak, item.measureId, item.objectId, today)!;
        expect({ ...rest, sharedService: sharedService && { provider: sharedService.provider } }).toMatchObject(item);
        if (item.overdue) overdue++;
      }
    }
    expect(overdue).toBeGreaterThan(0);
  });

  it('answers the overview with 79 rows and medians, and snapshots show lower numbers than now', async () => {
    const res = await t.request('/api/reports/overview', { as: analyst });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rows).toHaveLength(79);
    expect(body.rows[0]).toMatchObject({ ehak: expect.any(String), name: expect.any(String), type: expect.any(String), county: expect.any(String), lastActivity: expect.any(String) });
    expect(Object.keys(body.rows[0].byGroup)).toContain('ISMS');
    expect(body.median.implementedShare).toBeGreaterThan(0.15);
    const snaps = await (await t.request('/api/reports/snapshots', { as: analyst })).json();
    expect(snaps.map((s: { period: string }) => s.period)).toEqual(['2025-H2', '2026-H1']);
    expect(snaps[0].medianImplementedShare).toBeLessThan(snaps[1].medianImplementedShare);
    expect(snaps[1].medianImplementedShare).toBeLessThan(body.median.implementedShare);
    const trend = getProgress(t.db, '0141')!.trend;
    expect(trend.map((x) => x.period)).toEqual(['2025-H2', '2026-H1']);
  });

  it('benchmarks a municipality against anonymised quartiles of its peer group', async () => {
    const specialist = signInAs(t.db, 'specialist', ['0296']).token; // Keila linn
    const res = await t.request('/api/kovs/0296/benchmark', { as: specialist });
    expect(res.status).toBe(200);
    const b = await res.json();
    expect(b.peerGroup).toEqual({ key: 'linn', label: 'linnad', count: 15 });
    expect(b.peers.implementedShare.q1).toBeLessThanOrEqual(b.peers.implementedShare.median);
    expect(b.peers.implementedShare.median).toBeLessThanOrEqual(b.peers.implementedShare.q3);
    const text = JSON.stringify(b);
    const others = t.db.prepare(`SELECT name FROM kov WHERE ehak <> '0296'`).pluck().all() as string[];
    for (const name of others) expect(text).not.toContain(name);
  });
});
