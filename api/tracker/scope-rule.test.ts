// The scope rule (scope-rule.ts) against the SQL that decided scopes before it (plus the profile's
// unclassified measures, migration 012), kept here as an independent oracle, on the shipped catalogue: every approach, with extra modules of each kind.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogIndex } from '../catalog/seed.ts';
import { createTestContext, type TestContext } from '../../tests/helpers/app.ts';
import { scopeOf } from './reference.ts';
import { saveScope } from './scope.ts';

const CLASS_RULE = `(m.class = 'basic' OR (m.class = 'standard' AND sc.approach IN ('standard', 'core')))`;
const ORACLE = `
WITH sc AS (
  SELECT s.ehak, s.edition, s.approach, s.extra_modules, p.id AS profile_id
  FROM kov_scope s LEFT JOIN catalog_profile p ON p.edition = s.edition AND p.name = s.profile_name WHERE s.ehak = @ehak
),
-- the profile's measures with their priority, and those it has not classified yet (no priority)
listed AS (
  SELECT profile_id, edition, measure_id, priority FROM catalog_profile_measure
  UNION ALL SELECT profile_id, edition, measure_id, NULL FROM catalog_profile_unclassified
),
p1_module AS (
  SELECT DISTINCT pm.profile_id, m.module_id FROM catalog_profile_measure pm JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
  WHERE pm.priority = 'P1'
)
SELECT m.id AS measureId, pm.priority FROM sc
JOIN listed pm ON pm.profile_id = sc.profile_id
JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
WHERE ${CLASS_RULE} AND (sc.approach <> 'core' OR EXISTS (SELECT 1 FROM p1_module x WHERE x.profile_id = sc.profile_id AND x.module_id = m.module_id))
UNION ALL
SELECT DISTINCT m.id, pm.priority FROM sc
CROSS JOIN json_each(sc.extra_modules) em
CROSS JOIN catalog_measure m ON m.edition = sc.edition AND m.module_id = em.value
LEFT JOIN listed pm ON pm.profile_id = sc.profile_id AND pm.measure_id = m.id
WHERE ${CLASS_RULE} AND (pm.measure_id IS NULL
  OR (sc.approach = 'core' AND NOT EXISTS (SELECT 1 FROM p1_module x WHERE x.profile_id = sc.profile_id AND x.module_id = m.module_id)))`;

let t: TestContext;
const modules: Record<'core' | 'profileNoP1' | 'outside', string> = { core: '', profileNoP1: '', outside: '' };

beforeAll(() => {
  t = createTestContext();
  seedCatalogIndex(t.db);
  const pick = (sql: string) => t.db.prepare(sql).pluck().get() as string;
  const inProfile = `SELECT m.module_id FROM catalog_profile_measure pm JOIN catalog_profile p ON p.id = pm.profile_id AND p.name = 'KOV'
    JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id WHERE p.edition = '2024'`;
  modules.core = pick(`${inProfile} AND pm.priority = 'P1' ORDER BY m.module_id LIMIT 1`);
  modules.profileNoP1 = pick(`${inProfile} GROUP BY m.module_id HAVING sum(pm.priority = 'P1') = 0 ORDER BY m.module_id LIMIT 1`);
  modules.outside = pick(`SELECT module_id FROM catalog_measure WHERE edition = '2024' AND module_id NOT IN (${inProfile}) ORDER BY module_id LIMIT 1`);
}, 120_000);

describe('the scope rule', () => {
  it('takes exactly the measures and priorities the SQL definition took, for every approach and kind of extra module', () => {
    expect(Object.values(modules).every(Boolean)).toBe(true);
    let cases = 0;
    for (const approach of ['basic', 'standard', 'core'] as const) {
      for (const extraModules of [[], [modules.core], [modules.profileNoP1], [modules.outside], [modules.outside, modules.profileNoP1, modules.core]]) {
        for (const profileName of ['KOV', 'PUUDUB']) {
          saveScope(t.db, '0141', { edition: '2024', profileName, approach, extraModules }, null);
          const expected = (t.db.prepare(ORACLE).all({ ehak: '0141' }) as Array<{ measureId: string; priority: string | null }>).sort((a, b) => (a.measureId < b.measureId ? -1 : 1));
          const got = scopeOf(t.db, '0141')!.entries.map((e) => ({ measureId: e.facts.measureId, priority: e.priority })).sort((a, b) => (a.measureId < b.measureId ? -1 : 1));
          expect(got, `${approach} ${profileName} ${extraModules.join(',')}`).toEqual(expected);
          cases++;
        }
      }
    }
    expect(cases).toBe(30);
    saveScope(t.db, '0141', { edition: '2024', profileName: 'KOV', approach: 'standard', extraModules: [] }, null);
    // 801 classified basic and standard measures of the KOV profile, and 8 it has not classified
    // yet (6 basic, 2 standard), which come in with no priority.
    const entries = scopeOf(t.db, '0141')!.entries;
    expect(entries).toHaveLength(809);
    expect(entries.filter((e) => e.priority === null).map((e) => e.facts.measureId)).toEqual(['ORP.4.M10', 'DER.3.2.M7', 'SYS.3.1.M12', 'SYS.3.1.M13', 'SYS.3.1.M14', 'SYS.3.1.M17', 'SYS.3.2.1.M11', 'SYS.3.2.1.M36']);
  });

  it('keeps the catalogue order (sort key, then id) that the measure list shows', () => {
    const ids = scopeOf(t.db, '0198')!.entries.map((e) => e.facts.measureId);
    const order = t.db.prepare("SELECT id FROM catalog_measure WHERE edition = '2024' ORDER BY sort_key, id").pluck().all() as string[];
    expect(ids).toEqual(order.filter((id) => ids.includes(id)));
  });
});
