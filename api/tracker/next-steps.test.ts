// The next steps follow the KOV profile: P1 (with the basic measures the profile gives no priority)
// before P2 before P3 before none, overdue first within each; held on the small catalogue and against
// an independent SQL ordering for every municipality of the full-scale demo.
import { beforeAll, describe, expect, it } from 'vitest';
import { fullScaleContext } from '../exports/test-fixture.ts';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { nextSteps } from './progress.ts';
import { insertTestCatalog } from './test-catalog.ts';

describe('next steps on the small catalogue', () => {
  it('put P1 and unprioritised basic measures first (overdue ahead), an overdue P2 only after them', async () => {
    const s = createTestContext();
    insertTestCatalog(s.db);
    const as = signInAs(s.db, 'specialist', ['0141']).token;
    // OPS.1.2.2 brings in a basic (OPS.1.2.2.M1) and a standard measure the profile gives no priority.
    expect((await s.request('/api/kovs/0141/scope', { method: 'PUT', json: { approach: 'standard', extraModules: ['OPS.1.2.2'] }, as })).status).toBe(200);
    const put = (id: string, json: object) => s.request(`/api/kovs/0141/measures/${id}`, { method: 'PUT', json: { version: 0, ...json }, as });
    expect((await put('OPS.1.1.2.M2', { status: 'partial', dueDate: '2020-01-01' })).status).toBe(200); // standard P2, overdue
    expect((await put('ISMS.1.M2', { status: 'not_implemented', dueDate: '2020-02-01' })).status).toBe(200); // standard P1, overdue
    const got = nextSteps(s.db, '0141', '2026-06-30', 10).map((x) => [x.measureId, x.priority, x.overdue]);
    expect(got).toEqual([
      ['ISMS.1.M2', 'P1', true],
      ['ISMS.1.M1', 'P1', false], // never assessed, P1
      ['OPS.1.2.2.M1', null, false], // basic without a KOV priority ranks with P1
      ['OPS.1.1.2.M2', 'P2', true],
      ['OPS.1.1.2.M1', 'P2', false],
      ['OPS.1.1.2.M3', 'P3', false],
      ['OPS.1.2.2.M2', null, false],
    ]);
  });
});

/** The profile's measures with their priority, and those it has not classified yet (no priority, migration 012). */
const PROFILE_LISTED = `(SELECT profile_id, edition, measure_id, priority FROM catalog_profile_measure
  UNION ALL SELECT profile_id, edition, measure_id, NULL FROM catalog_profile_unclassified)`;

let t: TestContext;

const ORACLE = `
WITH own AS (SELECT measure_id, status, due_date FROM measure_status WHERE ehak = @ehak AND edition = '2024'),
shared AS (SELECT ss.measure_id FROM solution_statement ss JOIN solution_model sm ON sm.id = ss.model_id JOIN solution_model_kov k ON k.model_id = ss.model_id WHERE k.ehak = @ehak AND sm.edition = '2024' AND ss.responsibility = 'provider' AND ss.status = 'implemented'),
t AS (
  SELECT m.id, m.sort_key, m.class, pm.priority, o.due_date,
         CASE WHEN COALESCE(o.status, 'not_assessed') = 'not_assessed' AND m.id IN (SELECT measure_id FROM shared) THEN 'implemented'
              ELSE COALESCE(o.status, 'not_assessed') END AS eff
  FROM catalog_profile p JOIN ${PROFILE_LISTED} pm ON pm.profile_id = p.id
  JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
  LEFT JOIN own o ON o.measure_id = m.id
  WHERE p.edition = '2024' AND p.name = 'KOV' AND m.class IN ('basic', 'standard'))
SELECT id AS measureId, eff AS status, due_date AS dueDate, COALESCE(due_date < @today, 0) AS overdue FROM t
WHERE eff IN ('not_assessed', 'partial', 'not_implemented')
ORDER BY CASE WHEN priority = 'P1' OR (priority IS NULL AND class = 'basic') THEN 1 WHEN priority = 'P2' THEN 2 WHEN priority = 'P3' THEN 3 ELSE 4 END,
         overdue DESC, CASE class WHEN 'basic' THEN 0 WHEN 'standard' THEN 1 ELSE 2 END,
         due_date IS NULL, due_date, sort_key, id
LIMIT 50`;

describe('next steps at full scale', () => {
  beforeAll(() => {
    t = fullScaleContext();
  }, 120_000);

  it('come in the order the SQL definition gives, for every municipality', () => {
    const today = '2026-06-30';
    const ehaks = t.db.prepare('SELECT ehak FROM kov ORDER BY ehak').pluck().all() as string[];
    let overdue = 0;
    for (const ehak of ehaks) {
      const expected = (t.db.prepare(ORACLE).all({ ehak, today }) as Array<{ measureId: string; status: string; dueDate: string | null; overdue: number }>).map((r) => ({ ...r, overdue: r.overdue === 1 }));
      const got = nextSteps(t.db, ehak, today, 50).map(({ measureId, status, dueDate, overdue }) => ({ measureId, status, dueDate, overdue }));
      expect(got, ehak).toEqual(expected);
      overdue += got.filter((s) => s.overdue).length;
    }
    expect(overdue).toBeGreaterThan(100);
  });
});
