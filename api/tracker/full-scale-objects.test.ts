// Full scale with target objects (issue 18): 79 municipalities × the KOV profile on E-ITS 2024,
// each with the scale fixture's 14 objects besides its organisation object, and demo statuses on
// every object × measure row. Progress counts exactly the rows the list returns, per object too;
// the organisation object's numbers agree with a direct SQL count over the profile; the overview
// stays fast.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedScaleObjects } from '../../scripts/seed/scale-objects.ts';
import { seedTrackerDemo } from '../../scripts/seed/tracker-demo.ts';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { seedCatalogIndex } from '../catalog/seed.ts';
import { listObjects } from '../objects/read.ts';
import { getProgress } from './progress.ts';
import { listMeasures } from './records.ts';

const PROFILE_LISTED = `(SELECT profile_id, edition, measure_id, priority FROM catalog_profile_measure
  UNION ALL SELECT profile_id, edition, measure_id, NULL FROM catalog_profile_unclassified)`;

let t: TestContext;

beforeAll(() => {
  t = createTestContext();
  seedCatalogIndex(t.db);
  expect(seedScaleObjects(t.db)).toBe(79 * 14);
  seedTrackerDemo(t.db);
}, 180_000);

/** The organisation object's rows counted in SQL, independent of the engine: the profile's basic and standard measures. */
function organisationCounts(ehak: string) {
  const base = `FROM catalog_profile p JOIN ${PROFILE_LISTED} pm ON pm.profile_id = p.id
    JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
    JOIN target_object o ON o.ehak = @ehak AND o.type = 'organisation'
    LEFT JOIN measure_status s ON s.ehak = @ehak AND s.edition = m.edition AND s.object_id = o.id AND s.measure_id = m.id
    WHERE p.edition = '2024' AND p.name = 'KOV' AND m.class IN ('basic', 'standard')`;
  const count = (extra: string) => t.db.prepare(`SELECT count(*) ${base} ${extra}`).pluck().get({ ehak }) as number;
  const shared = count(`AND COALESCE(s.status, 'not_assessed') = 'not_assessed'
    AND m.id IN (SELECT ss.measure_id FROM solution_statement ss JOIN solution_model sm ON sm.id = ss.model_id JOIN solution_model_kov k ON k.model_id = ss.model_id WHERE k.ehak = @ehak AND sm.edition = '2024' AND ss.responsibility = 'provider' AND ss.status = 'implemented')`);
  return { total: count(''), notApplicable: count("AND s.status = 'not_applicable'"), implemented: count("AND s.status = 'implemented'") + shared };
}

describe('tracker at full scale with target objects', () => {
  it('counts object × measure rows: totals equal the list, per object too, and the organisation object as SQL does', () => {
    const ehaks = t.db.prepare('SELECT ehak FROM kov ORDER BY ehak').pluck().all() as string[];
    for (const ehak of ehaks) {
      const p = getProgress(t.db, ehak)!;
      const rows = listMeasures(t.db, ehak);
      expect(p.total, ehak).toBe(rows.length);
      expect(p.implemented, ehak).toBe(rows.filter((r) => r.effectiveStatus === 'implemented').length);
      expect(p.byObject.reduce((n, o) => n + o.total, 0), ehak).toBe(p.total);
      expect(p.byObject.reduce((n, o) => n + o.implemented, 0), ehak).toBe(p.implemented);
      expect(p.byObject[0], ehak).toMatchObject(organisationCounts(ehak));
      // Every status row on another object is one of its rows in scope.
      const ownElsewhere = t.db.prepare(`SELECT count(*) FROM measure_status s JOIN target_object o ON o.id = s.object_id WHERE s.ehak = ? AND o.type <> 'organisation' AND s.status = 'implemented'`).pluck().get(ehak);
      expect(p.byObject.slice(1).reduce((n, o) => n + o.implemented, 0), ehak).toBe(ownElsewhere);
    }
    const p = getProgress(t.db, '0141')!;
    expect(p.byObject).toHaveLength(15);
    expect(p.byObject[0]!.total).toBe(809);
    // The objects' own answer says the same, high measures by need included.
    const objects = listObjects(t.db, '0141');
    expect(objects.map((o) => o.measureCount)).toEqual(p.byObject.map((o) => o.total));
    expect(objects.find((o) => o.name === 'Dokumendihaldussüsteem')!.needMeasureCount).toBeGreaterThan(0);
  });

  it('answers the overview counting every object × measure row (its speed: npm run bench)', async () => {
    const analyst = signInAs(t.db, 'analyst').token;
    const res = await t.request('/api/reports/overview', { as: analyst });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Array<{ ehak: string; implemented: number }> };
    expect(body.rows).toHaveLength(79);
    for (const r of body.rows) expect(r.implemented, r.ehak).toBe(getProgress(t.db, r.ehak)!.implemented);
  });
});
