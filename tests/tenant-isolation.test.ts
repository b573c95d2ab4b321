// Walks every API route that takes a municipality (:ehak) and checks, for every role, that another
// municipality's data is neither readable (404, not 403: existence is not confirmed) nor changeable.
// Routes are read from the app itself, so a route added later without the scope guard fails here.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { periodActionOf } from '../api/auth/access.ts';
import type { Role } from '../api/auth/session-user.ts';
import { seedReference } from '../scripts/seed/index.ts';
import { createTestContext, signInAs, type TestContext } from './helpers/app.ts';

const OWN = '0141'; // Anija vald
const FOREIGN = '0198'; // Harku vald
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
// Tables whose rows legitimately change on any request (session touch, security log, throttle).
const VOLATILE = new Set(['session', 'audit_log', 'login_throttle']);

let t: TestContext;
let routes: Array<{ method: string; path: string }>;

function dbChecksum(): string {
  const hash = createHash('sha256');
  const tables = t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables.filter((n) => !VOLATILE.has(n))) {
    hash.update(table);
    for (const row of t.db.prepare(`SELECT * FROM "${table}"`).raw().all()) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return hash.digest('hex');
}

/** A concrete URL for a route pattern: the municipality, and plausible values for other parameters. */
function urlFor(path: string, ehak: string): string {
  const measure = (t.db.prepare('SELECT id FROM catalog_measure LIMIT 1').pluck().get() as string | undefined) ?? 'ISMS.1.M1';
  return path
    .replace(':ehak', ehak)
    .replace(/:measureId\b/g, encodeURIComponent(measure))
    .replace(/:[A-Za-z]+/g, '1')
    .replace(/\/\*$/, '/x');
}

const methodsOf = (method: string) => (method === 'ALL' ? ['GET', ...MUTATING] : [method]);
const plausibleBody = { status: 'implemented', description: 'Muudetud', name: 'X', value: 1, items: [] };

async function call(method: string, url: string, token?: string) {
  return t.request(url, { method, ...(token ? { as: token } : {}), ...(method === 'GET' ? {} : { json: plausibleBody }) });
}

beforeAll(() => {
  t = createTestContext();
  seedReference(t.db);
  const seen = new Set<string>();
  // Middleware (use) entries are registered as ALL; they are covered by the concrete routes.
  routes = t.app.routes
    .filter((r) => r.path.includes(':ehak') && r.method !== 'ALL')
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map((r) => ({ method: r.method, path: r.path }));
});

const SCOPED: Array<{ role: Role; kovs: string[]; expires?: string }> = [
  { role: 'specialist', kovs: [OWN] },
  { role: 'viewer', kovs: [OWN] },
  { role: 'reviewer', kovs: [] },
  { role: 'auditor', kovs: [OWN], expires: '2099-12-31' },
];

describe('tenant isolation', () => {
  it('finds municipality routes to check (the test cannot pass vacuously)', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.some((r) => r.method === 'GET')).toBe(true);
  });

  it.each(SCOPED)('$role sees nothing and changes nothing of a foreign municipality', async ({ role, kovs, expires }) => {
    const { token } = signInAs(t.db, role, kovs, expires ? { accessExpiresOn: expires } : {});
    const before = dbChecksum();
    for (const r of routes) {
      for (const method of methodsOf(r.method)) {
        for (const ehak of [FOREIGN, '9999']) {
          const res = await call(method, urlFor(r.path, ehak), token);
          const where = `${role} ${method} ${r.path} (${ehak})`;
          expect(res.status, where).toBe(404);
          expect(((await res.json()) as { error: { code: string } }).error.code, where).toBe('not_found');
        }
      }
    }
    expect(dbChecksum()).toBe(before);
  });

  it('signed-out requests get 401 and change nothing', async () => {
    const before = dbChecksum();
    for (const r of routes) for (const method of methodsOf(r.method)) expect((await call(method, urlFor(r.path, FOREIGN))).status).toBe(401);
    expect(dbChecksum()).toBe(before);
  });

  it('read-only roles cannot write their own municipality (403) and change nothing', async () => {
    const viewer = signInAs(t.db, 'viewer', [OWN]).token;
    const auditor = signInAs(t.db, 'auditor', [OWN], { accessExpiresOn: '2099-12-31' }).token;
    const before = dbChecksum();
    const writes = routes.filter((r) => r.method !== 'GET');
    // The one write an auditor has: the conclusion on a reporting period, by its own permission
    // (canActOnPeriod 'conclude'). It passes the guard and fails later (no period 1 here), changing nothing.
    const auditorWrites = writes.filter((r) => r.method === 'POST' && periodActionOf(urlFor(r.path, OWN)) === 'conclude');
    expect(auditorWrites.map((r) => r.path)).toEqual(['/api/kovs/:ehak/reporting-periods/:id/conclusion']);
    for (const token of [viewer, auditor]) {
      for (const r of writes) {
        const status = (await call(r.method, urlFor(r.path, OWN), token)).status;
        if (token === auditor && auditorWrites.includes(r)) expect([400, 404], `${r.method} ${r.path}`).toContain(status);
        else expect(status, `${r.method} ${r.path}`).toBe(403);
      }
    }
    expect(dbChecksum()).toBe(before);
  });

  it('an expired auditor gets 401 even for the own municipality', async () => {
    const { token } = signInAs(t.db, 'auditor', [OWN], { accessExpiresOn: '2020-01-01' });
    for (const r of routes.filter((x) => x.method === 'GET')) expect((await call('GET', urlFor(r.path, OWN), token)).status).toBe(401);
  });

  it('admin and analyst read every municipality', async () => {
    for (const role of ['admin', 'analyst'] as const) {
      const { token } = signInAs(t.db, role);
      const res = await call('GET', `/api/kovs/${FOREIGN}`, token);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ehak: FOREIGN, name: 'Harku vald', type: 'vald', county: 'Harju maakond' });
      for (const r of routes.filter((x) => x.method === 'GET' && !/:(?!ehak)\w+/.test(x.path))) {
        const status = (await call('GET', urlFor(r.path, FOREIGN), token)).status;
        expect([401, 403, 404], `${role} GET ${r.path}`).not.toContain(status);
      }
      expect((await call('GET', '/api/kovs/9999', token)).status).toBe(404);
    }
  });

  it('a specialist reads the own municipality', async () => {
    const { token } = signInAs(t.db, 'specialist', [OWN]);
    expect((await call('GET', `/api/kovs/${OWN}`, token)).status).toBe(200);
    const list = (await (await call('GET', '/api/kovs', token)).json()) as Array<{ ehak: string }>;
    expect(list.map((k) => k.ehak)).toEqual([OWN]);
  });
});
