// Fuzzing every route of the app (enumerated from createApp().routes) with ≥ 10 000 malformed
// requests: no 5xx ever, every 4xx in the one error shape, and a rejected write changes nothing
// (row counts after every one, a full database checksum on a sample).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { body, contentType, paramValue, query, who, type Who } from './fuzz/arbitraries.ts';
import { FuzzWorld } from './fuzz/harness.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] || 10_000);
const CHECKSUM_EVERY = 50;
// Heavy reads (spreadsheet/CSV exports, all-municipality reports, the OpenAPI document) take
// hundreds of ms each even for valid input and have little to fuzz: a small share each keeps the
// run near a minute.
const HEAVY = /\/exports\/|\.(xlsx|csv)$|\/reports\/overview$|\/open-data\/|\/openapi\.json$|\/benchmark$|\/catalog\/:edition\/measures$/;
const HEAVY_ROUTE_CAP = 10;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Req {
  route: string;
  method: string;
  path: string;
  body: string | undefined;
  contentType: string | null;
  who: Who;
}

function requestArbitrary(routes: Array<{ method: string; path: string }>): fc.Arbitrary<Req> {
  return fc.constantFrom(...routes).chain((route) => {
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    return fc.record({
      params: fc.tuple(...names.map((n) => paramValue(n))),
      query,
      body,
      contentType,
      who,
    }).map(({ params, query: q, body: b, contentType: ct, who: w }) => {
      let i = 0;
      const path = route.path.replace(/:(\w+)/g, () => params[i++]!);
      return { route: route.path, method: route.method, path: path + q, body: b, contentType: ct, who: w };
    });
  });
}

const describeReq = (r: Req) => `${r.method} ${r.path.slice(0, 200)} as ${r.who} [${r.contentType}] body=${(r.body ?? '').slice(0, 200)}`;

describe('fuzzing every route', () => {
  it(`${RUNS} malformed requests: no 5xx, one error shape, rejected writes change nothing`, async () => {
    const world = new FuzzWorld();
    await world.seedStatuses();
    const seen = new Set<string>();
    const routes = world.t.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(50);
    const seed = Number(process.env['FUZZ_SEED'] || Date.now() % 2 ** 31);
    const requests = fc.sample(requestArbitrary(routes), { numRuns: RUNS * 2, seed });
    const perRoute = new Map<string, number>();
    let sent = 0;
    const failures = new Map<string, string>();
    const fail = (key: string, msg: string) => failures.has(key) || failures.set(key, msg);
    const hitRoutes = new Set<string>();
    let rejectedWrites = 0;
    let checksums = 0;
    for (const r of requests) {
      if (sent >= RUNS) break;
      const key = `${r.method} ${r.route}`;
      const n = perRoute.get(key) ?? 0;
      if (HEAVY.test(r.route) && n >= HEAVY_ROUTE_CAP) continue;
      perRoute.set(key, n + 1);
      sent++;
      world.ensureActors();
      const mutating = MUTATING.has(r.method);
      const countsBefore = mutating ? world.counts() : '';
      const sample = mutating && rejectedWrites % CHECKSUM_EVERY === 0;
      const sumBefore = sample ? world.checksum() : '';
      let res: Response;
      try {
        res = await world.send(r.method, r.path, r.body, r.contentType, r.who);
      } catch (err) {
        fail(`${r.method} ${r.path.split('?')[0]} threw`, `${describeReq(r)}\n  threw: ${(err as Error).stack}`);
        continue;
      }
      const text = await res.text();
      const route = `${r.method} ${r.path.split('?')[0]}`;
      hitRoutes.add(route);
      if (res.status >= 500) {
        fail(`${res.status} ${route}`, `${describeReq(r)}\n  → ${res.status} ${text.slice(0, 500)}`);
        continue;
      }
      if (res.status < 400) continue;
      let shapeOk = false;
      try {
        const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
        shapeOk = typeof e?.code === 'string' && typeof e.message === 'string';
      } catch {
        /* not JSON */
      }
      if (!shapeOk) fail(`shape ${res.status} ${r.method}`, `${describeReq(r)}\n  → ${res.status} not the error shape: ${text.slice(0, 300)}`);
      if (!mutating) continue;
      if (world.counts() !== countsBefore) fail(`counts ${route}`, `${describeReq(r)}\n  → ${res.status} but row counts changed`);
      if (sample) {
        checksums++;
        if (world.checksum() !== sumBefore) fail(`checksum ${route}`, `${describeReq(r)}\n  → ${res.status} but the checksum changed`);
      }
      rejectedWrites++;
    }
    expect([...failures.values()].slice(0, 15), `seed ${seed}: ${failures.size} distinct failures`).toEqual([]);
    expect(sent).toBe(RUNS);
    expect(perRoute.size).toBe(routes.length);
    expect(rejectedWrites).toBeGreaterThan(RUNS / 4);
    expect(checksums).toBeGreaterThan(RUNS / 4 / CHECKSUM_EVERY - 1);
  }, 600_000);
});
