// The engine's next steps against an independent SQL ordering, for every municipality of the
// full-scale demo (statuses, due dates around "today", the ELVL shared service).
import { beforeAll, describe, expect, it } from 'vitest';
import { fullScaleContext } from '../exports/test-fixture.ts';
import type { TestContext } from '../../tests/helpers/app.ts';
import { nextSteps } from './progress.ts';

/** The profile's measures with their priority, and those it has not classified yet (no priority, migration 012). */
const PROFILE_LISTED = `(SELECT profile_id, edition, measure_id, priority FROM catalog_profile_measure
  UNION ALL SELECT profile_id, edition, measure_id, NULL FROM catalog_profile_unclassified)`;

let t: TestContext;
beforeAll(() => {
  t = fullScaleContext();
}, 120_000);

const ORACLE = `
WITH own AS (SELECT measure_id, status, due_date FROM measure_status WHERE ehak = @ehak AND edition = '2024'),
shared AS (SELECT s.measure_id FROM shared_service s JOIN shared_service_kov k ON k.service_id = s.id WHERE k.ehak = @ehak AND s.edition = '2024'),
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
ORDER BY overdue DESC, COALESCE(priority, 'P9'), CASE class WHEN 'basic' THEN 0 WHEN 'standard' THEN 1 ELSE 2 END,
         due_date IS NULL, due_date, sort_key, id
LIMIT 50`;

describe('next steps', () => {
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
