// TARA sign-in end to end against a real OpenID Connect provider on 127.0.0.1 configured like TARA
// (tests/helpers/fake-tara.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../api/auth/sessions.ts';
import { TARA_COOKIE } from '../api/auth/tara-routes.ts';
import { createUser } from '../api/users/service.ts';
import { createTestContext, type TestContext } from './helpers/app.ts';
import { ADMIN_CODE, CLIENT_ID, CLIENT_SECRET, LINKED, REDIRECT_URI, followToCallback, startOidc, type OidcServer } from './helpers/fake-tara.ts';

let oidc: OidcServer;
let t: TestContext;

beforeAll(async () => {
  oidc = await startOidc();
  t = createTestContext({ tara: { issuer: oidc.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI } });
  createUser(t.db, { email: 'mary@vald.ee', name: 'Mary Änn', role: 'specialist', kovs: ['0141'], personalCode: LINKED }, { id: null });
  createUser(t.db, { email: 'admin@elvl.ee', name: 'Admin', role: 'admin', kovs: [], personalCode: ADMIN_CODE }, { id: null });
});
afterAll(async () => {
  await new Promise((resolve) => oidc?.server.close(resolve));
});

const setCookies = (res: Response) => new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));

/** Plays the browser: start at the app, follow the provider's redirects, stop at our callback URL. */
async function runFlow(): Promise<{ callbackQuery: string; taraCookie: string }> {
  const started = await t.request('/api/auth/tara/start');
  expect(started.status).toBe(302);
  const taraCookie = setCookies(started).get(TARA_COOKIE)!;
  expect(taraCookie).toMatch(/^[^.]+\.[^.]+$/);
  expect(started.headers.getSetCookie().join()).toMatch(/HttpOnly/);
  const location = started.headers.get('location')!;
  expect(location.startsWith(oidc.issuer)).toBe(true);
  return { callbackQuery: await followToCallback(oidc.issuer, location), taraCookie };
}

const callback = (query: string, taraCookie: string | null) =>
  t.request(`/api/auth/tara/callback${query}`, taraCookie ? { headers: { cookie: `${TARA_COOKIE}=${taraCookie}` } } : {});

describe('TARA sign-in', () => {
  it('advertises TARA when configured', async () => {
    expect(await (await t.request('/api/auth/providers')).json()).toEqual({ password: true, tara: true });
  });

  it('signs in the user linked to the personal code', async () => {
    oidc.next = { sub: LINKED, acr: 'high' };
    const { callbackQuery, taraCookie } = await runFlow();
    const res = await callback(callbackQuery, taraCookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/jalgimine/');
    const token = setCookies(res).get(SESSION_COOKIE)!;
    const me = await (await t.request('/api/auth/me', { as: token })).json();
    expect(me).toMatchObject({ email: 'mary@vald.ee', role: 'specialist', kovs: ['0141'] });
    const audit = t.db.prepare("SELECT new_value FROM audit_log WHERE action = 'login.success' ORDER BY id DESC").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ method: 'tara', acr: 'high' });
    // The code is single-use: replaying the callback does not sign in again.
    const replay = await callback(callbackQuery, taraCookie);
    expect(replay.headers.get('location')).toMatch(/^\/logi-sisse\/\?viga=/);
    expect(setCookies(replay).get(SESSION_COOKIE) ?? '').toBe('');
  });

  it('refuses an ID token whose payload was altered in transit (signature check)', async () => {
    oidc.next = { sub: LINKED, acr: 'high' };
    oidc.tamper = (idToken) => {
      const [h, p, s] = idToken.split('.') as [string, string, string];
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as { sub: string };
      payload.sub = ADMIN_CODE; // try to become the admin
      return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    };
    try {
      const { callbackQuery, taraCookie } = await runFlow();
      const res = await callback(callbackQuery, taraCookie);
      expect(res.headers.get('location')).toBe('/logi-sisse/?viga=tara');
      expect(setCookies(res).get(SESSION_COOKIE) ?? '').toBe('');
    } finally {
      oidc.tamper = null;
    }
    const failure = t.db.prepare("SELECT new_value FROM audit_log WHERE action = 'login.tara_failure' ORDER BY id DESC").pluck().get() as string;
    expect(failure).toMatch(/signature/i);
  });

  it('refuses a wrong state and a missing state cookie', async () => {
    oidc.next = { sub: LINKED, acr: 'high' };
    const { callbackQuery, taraCookie } = await runFlow();
    const otherState = `wrongstate.${taraCookie.split('.')[1]}`;
    const wrong = await callback(callbackQuery, otherState);
    expect(wrong.headers.get('location')).toBe('/logi-sisse/?viga=tara');
    const failure = t.db.prepare("SELECT new_value FROM audit_log WHERE action = 'login.tara_failure' ORDER BY id DESC").pluck().get() as string;
    expect(failure).toMatch(/state/i);
    expect(setCookies(wrong).get(SESSION_COOKIE) ?? '').toBe('');
    const missing = await callback(callbackQuery, null);
    expect(missing.headers.get('location')).toBe('/logi-sisse/?viga=tara_seanss');
  });

  it('refuses an unknown personal code without creating an account', async () => {
    const users = t.db.prepare('SELECT count(*) FROM app_user').pluck().get();
    oidc.next = { sub: 'EE60001019906', acr: 'high' };
    const { callbackQuery, taraCookie } = await runFlow();
    const res = await callback(callbackQuery, taraCookie);
    expect(res.headers.get('location')).toBe('/logi-sisse/?viga=tara_tundmatu');
    expect(t.db.prepare('SELECT count(*) FROM app_user').pluck().get()).toBe(users);
  });

  it('refuses an authentication below the substantial level', async () => {
    oidc.next = { sub: LINKED, acr: 'low' };
    const { callbackQuery, taraCookie } = await runFlow();
    const res = await callback(callbackQuery, taraCookie);
    expect(res.headers.get('location')).toBe('/logi-sisse/?viga=tara');
    const failure = t.db.prepare("SELECT new_value FROM audit_log WHERE action = 'login.tara_failure' ORDER BY id DESC").pluck().get() as string;
    expect(failure).toMatch(/acr \\"low\\"/);
  });

  it('refuses a disabled account', async () => {
    t.db.prepare("UPDATE app_user SET disabled_at = '2026-01-01' WHERE personal_code = ?").run(LINKED);
    try {
      oidc.next = { sub: LINKED, acr: 'high' };
      const { callbackQuery, taraCookie } = await runFlow();
      expect((await callback(callbackQuery, taraCookie)).headers.get('location')).toBe('/logi-sisse/?viga=konto_suletud');
    } finally {
      t.db.prepare('UPDATE app_user SET disabled_at = NULL WHERE personal_code = ?').run(LINKED);
    }
  });
});

describe('TARA not configured', () => {
  it('answers 404 and providers says tara: false', async () => {
    const plain = createTestContext();
    expect((await plain.request('/api/auth/tara/start')).status).toBe(404);
    expect(await (await plain.request('/api/auth/providers')).json()).toEqual({ password: true, tara: false });
  });
});
