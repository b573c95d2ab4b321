import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, signInHead, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';

const KOV = '0141';
const PASSWORD = 'Valla-juhi-parool-2026';
let t: TestContext;
let analyst: string;
let specialist: string;
let head: string;

beforeEach(async () => {
  t = createTestContext();
  insertTestCatalog(t.db);
  analyst = signInAs(t.db, 'analyst').token;
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
  head = (await signInHead(t.db, KOV, PASSWORD)).token;
});

const post = async (path: string, as: string, json: unknown = {}) => {
  const res = await t.request(`/api${path}`, { method: 'POST', json, as });
  expect(res.status, path).toBeLessThan(300);
  return res.json();
};
const trend = async () => ((await (await t.request(`/api/kovs/${KOV}/progress`, { as: specialist })).json()) as { trend: unknown[] }).trend;

describe('the progress trend', () => {
  it('is one series of snapshots and periods: a closed period, or one whose head confirmed, is a point', async () => {
    await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1`, { method: 'PUT', json: { status: 'implemented', version: 0 }, as: specialist });
    await post('/reports/snapshots', analyst, { period: '2026-H1' });
    const { id } = (await post('/reporting-periods', analyst, { name: '2026 II poolaasta', deadline: '2099-12-31' })) as { id: number };
    await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M2`, { method: 'PUT', json: { status: 'implemented', version: 0 }, as: specialist });
    await post(`/kovs/${KOV}/reporting-periods/${id}/submit`, specialist);
    // Submitted but not confirmed: it may still be reopened, so not a point yet.
    expect(await trend()).toEqual([{ period: '2026-H1', implementedShare: 0.2 }]);
    const frozen = (await post(`/kovs/${KOV}/reporting-periods/${id}/confirm`, head, { password: PASSWORD })) as { figures: { implementedShare: number } };
    const points = await trend();
    expect(points).toEqual([
      { period: '2026-H1', implementedShare: 0.2 },
      { period: '2026 II poolaasta', implementedShare: frozen.figures.implementedShare },
    ]);
    expect(frozen.figures.implementedShare).toBe(0.4);
  });

});
