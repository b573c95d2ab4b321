// The public open-data endpoints on a small catalogue: reachable signed out, fixed field set,
// and the all-municipality aggregate is cached for the advertised five minutes.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';
import type { OpenData } from '../contracts/exports.ts';
import { cachedOpenData, OPEN_DATA_FIELDS, OPEN_DATA_TTL_MS } from './open-data.ts';

let t: TestContext;
const anija = (d: OpenData) => d.municipalities.find((m) => m.ehak === '0141')!;

beforeAll(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
});

describe('open data', () => {
  it('answers signed out, cacheable by anyone, with only the documented fields', async () => {
    const res = await t.request('/api/open-data/progress.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const data = (await res.json()) as OpenData;
    expect(data.municipalities).toHaveLength(79);
    expect(Object.keys(anija(data)).sort()).toEqual([...OPEN_DATA_FIELDS].sort());
    // Test catalogue: 5 basic/standard measures of the KOV profile (standard scope), none assessed.
    expect(anija(data)).toMatchObject({ measuresInScope: 5, implemented: 0, implementedShare: 0, basicShare: 0, standardShare: 0 });
    const csv = await t.request('/api/open-data/progress.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="kov-infoturbe-edenemine-\d{4}-\d{2}-\d{2}\.csv"/);
  });

  it('keeps a computed aggregate for five minutes, then recomputes', async () => {
    const day = '2026-11-22';
    const first = cachedOpenData(t.db, day, 1_000);
    const specialist = signInAs(t.db, 'specialist', ['0141']).token;
    const put = await t.request('/api/kovs/0141/measures/ISMS.1.M1', { method: 'PUT', as: specialist, json: { status: 'implemented', version: 0 } });
    expect(put.status).toBe(200);
    expect(anija(cachedOpenData(t.db, day, 1_000 + OPEN_DATA_TTL_MS - 1))).toEqual(anija(first));
    const fresh = cachedOpenData(t.db, day, 1_000 + OPEN_DATA_TTL_MS);
    expect(anija(fresh).implemented).toBe(1);
    expect(anija(cachedOpenData(t.db, '2026-11-23', 1_000 + OPEN_DATA_TTL_MS)).implemented).toBe(1);
  });
});
