// The head confirms a reporting period by a fresh TARA login when TARA is configured: against the same
// TARA-like provider as the sign-in tests (tests/helpers/fake-tara.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../api/auth/sessions.ts';
import { TARA_CONFIRM_COOKIE } from '../api/periods/tara-confirm.ts';
import { insertTestCatalog } from '../api/tracker/test-catalog.ts';
import { createTestContext, signInAs, type TestContext } from './helpers/app.ts';
import { ADMIN_CODE, CLIENT_ID, CLIENT_SECRET, followToCallback, LINKED, REDIRECT_URI, startOidc, type OidcServer } from './helpers/fake-tara.ts';

const KOV = '0141';
let oidc: OidcServer;
let t: TestContext;
let head: { token: string; userId: number };
let specialist: string;
let periodId: number;

beforeAll(async () => {
  oidc = await startOidc();
});
afterAll(async () => {
  await new Promise((resolve) => oidc?.server.close(resolve));
});

beforeEach(async () => {
  t = createTestContext({ tara: { issuer: oidc.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI } });
  insertTestCatalog(t.db);
  const analyst = signInAs(t.db, 'analyst').token;
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
  head = signInAs(t.db, 'viewer', [KOV]);
  t.db.prepare('UPDATE app_user SET kov_head = 1, personal_code = ? WHERE id = ?').run(LINKED, head.userId);
  periodId = ((await (await t.request('/api/reporting-periods', { method: 'POST', as: analyst, json: { name: '2026', deadline: '2099-12-31' } })).json()) as { id: number }).id;
  expect((await t.request(`/api/kovs/${KOV}/reporting-periods/${periodId}/submit`, { method: 'POST', as: specialist, json: {} })).status).toBe(200);
  oidc.next = { sub: LINKED, acr: 'high' };
});

const row = () => t.db.prepare('SELECT state, confirmed_by FROM reporting_period_kov WHERE period_id = ? AND ehak = ?').get(periodId, KOV);
const failures = () => t.db.prepare(`SELECT new_value FROM audit_log WHERE action = 'reporting_period.confirm_failure' ORDER BY id`).pluck().all().map((v) => JSON.parse(v as string).reason);

/** Starts the confirmation as `as`, logs in at the provider, and returns what the callback needs. */
async function begin(as = head.token): Promise<{ query: string; state: string }> {
  const res = await t.request(`/api/kovs/${KOV}/reporting-periods/${periodId}/confirm/tara`, { method: 'POST', as, json: {} });
  expect(res.status).toBe(200);
  const { url } = (await res.json()) as { url: string };
  const params = new URL(url).searchParams;
  expect([params.get('prompt'), params.get('max_age')]).toEqual(['login', '0']);
  const state = res.headers.getSetCookie().find((c) => c.startsWith(`${TARA_CONFIRM_COOKIE}=`))!.split(';')[0]!.split('=')[1]!;
  expect(state).toBe(params.get('state'));
  return { query: await followToCallback(oidc.issuer, url), state };
}

const callback = (query: string, state: string, session = head.token) =>
  t.request(`/api/auth/tara/callback${query}`, { headers: { cookie: `${SESSION_COOKIE}=${session}; ${TARA_CONFIRM_COOKIE}=${state}` } });

describe("the head's confirmation through TARA", () => {
  it('tells the page to use TARA and refuses the password', async () => {
    const view = await (await t.request(`/api/kovs/${KOV}/reporting-period`, { as: head.token })).json();
    expect(view).toMatchObject({ confirmWith: 'tara', can: { confirm: true } });
    const res = await t.request(`/api/kovs/${KOV}/reporting-periods/${periodId}/confirm`, { method: 'POST', as: head.token, json: { password: 'whatever-it-is' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('tara_required');
    expect(row()).toMatchObject({ state: 'submitted' });
  });

  it('confirms when the same linked person logs in again at TARA', async () => {
    const { query, state } = await begin();
    const res = await callback(query, state);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/jalgimine/kov/?ehak=${KOV}&kinnitus=tehtud`);
    expect(row()).toEqual({ state: 'confirmed', confirmed_by: head.userId });
    expect(t.db.prepare(`SELECT actor_id FROM audit_log WHERE action = 'reporting_period.confirm'`).pluck().get()).toBe(head.userId);
    // The state is single-use.
    expect((await callback(query, state)).headers.get('location')).toBe('/jalgimine/?kinnitus=aegunud');
  });

  it('refuses another person at TARA, and a callback in another session', async () => {
    oidc.next = { sub: ADMIN_CODE, acr: 'high' };
    const other = await begin();
    expect((await callback(other.query, other.state)).headers.get('location')).toBe(`/jalgimine/kov/?ehak=${KOV}&kinnitus=teine_isik`);
    oidc.next = { sub: LINKED, acr: 'high' };
    const mine = await begin();
    expect((await callback(mine.query, mine.state, specialist)).headers.get('location')).toBe(`/jalgimine/kov/?ehak=${KOV}&kinnitus=seanss`);
    expect(row()).toMatchObject({ state: 'submitted', confirmed_by: null });
    expect(failures()).toEqual(['teine_isik', 'seanss']);
  });

  it('refuses to begin for a head without a TARA link, and for whoever is not the head', async () => {
    t.db.prepare('UPDATE app_user SET personal_code = NULL WHERE id = ?').run(head.userId);
    const res = await t.request(`/api/kovs/${KOV}/reporting-periods/${periodId}/confirm/tara`, { method: 'POST', as: head.token, json: {} });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('tara_not_linked');
    expect((await t.request(`/api/kovs/${KOV}/reporting-periods/${periodId}/confirm/tara`, { method: 'POST', as: specialist, json: {} })).status).toBe(403);
    expect(row()).toMatchObject({ state: 'submitted' });
  });
});
