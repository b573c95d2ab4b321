import { beforeEach, describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../config.ts';
import { createTestContext, type TestContext } from '../../tests/helpers/app.ts';
import { GOOD_PASSWORD, sessionToken, userWithPassword } from './test-helpers.ts';
import { SESSION_COOKIE } from './sessions.ts';

let t: TestContext;
beforeEach(() => {
  t = createTestContext();
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.request('/api/auth/login', { method: 'POST', json: { email, password }, headers });

describe('POST /api/auth/login', () => {
  it('signs in with a HttpOnly SameSite=Lax cookie and answers me', async () => {
    const u = await userWithPassword(t.db, { role: 'specialist', kovs: ['0141', '0198'], email: 'Mari@Test.ee' });
    const res = await login('  mari@test.EE ', GOOD_PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: u.id, email: 'mari@test.ee', name: 'Test Kasutaja', role: 'specialist', kovs: ['0141', '0198'], accessExpiresOn: null });
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith(SESSION_COOKIE))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const me = await t.request('/api/auth/me', { as: sessionToken(res)! });
    expect((await me.json()).id).toBe(u.id);
    const audit = t.db.prepare("SELECT actor_id FROM audit_log WHERE action = 'login.success'").pluck().all();
    expect(audit).toEqual([u.id]);
  });

  it('sets Secure when the public origin is https', async () => {
    t = createTestContext({ publicOrigin: 'https://turvarada.example' });
    const u = await userWithPassword(t.db, { role: 'admin' });
    const res = await login(u.email, GOOD_PASSWORD);
    expect(res.headers.getSetCookie().find((h) => h.startsWith(SESSION_COOKIE))).toMatch(/Secure/);
  });

  it('answers unknown user and wrong password with the same 401 and similar timing', async () => {
    const u = await userWithPassword(t.db, { role: 'admin' });
    const time = async (email: string) => {
      const started = performance.now();
      const res = await login(email, 'vale parool mis ei sobi');
      return { ms: performance.now() - started, status: res.status, body: await res.json() };
    };
    await time('soojendus@test.ee');
    const wrong = await time(u.email);
    const unknown = await time('keegi@test.ee');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    // Both verify an argon2id hash; an unknown account must not answer in a fraction of the time.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 4);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'login.failure'").pluck().get()).toBe(3);
  });

  it('throttles an account after 5 failures with 429 and Retry-After, even for the right password', async () => {
    const u = await userWithPassword(t.db, { role: 'admin' });
    for (let i = 0; i < 5; i++) expect((await login(u.email, `vale parool ${i} xx`)).status).toBe(401);
    const res = await login(u.email, GOOD_PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe('too_many_attempts');
    // The delay grows: push the lock into the past and fail once more.
    t.db.prepare('UPDATE login_throttle SET locked_until = 0').run();
    expect((await login(u.email, 'veel üks vale parool')).status).toBe(401);
    const again = await login(u.email, GOOD_PASSWORD);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(15);
  });

  it('throttles one address that tries many accounts', async () => {
    const env = { incoming: { socket: { remoteAddress: '192.0.2.7' } } };
    const from = (email: string, password: string) =>
      t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }, env);
    for (let i = 0; i < 20; i++) expect((await from(`kasutaja${i}@test.ee`, 'vale parool siin')).status).toBe(401);
    expect((await from('uus@test.ee', 'vale parool siin')).status).toBe(429);
    // Another address is not affected.
    const u = await userWithPassword(t.db, { role: 'admin' });
    expect((await login(u.email, GOOD_PASSWORD)).status).toBe(200);
  });

  it('behind a trusted reverse proxy, throttles and audits each client, not the proxy', async () => {
    const proxied = createTestContext({ trustedProxies: parseTrustedProxies('10.0.0.5') });
    const via = (client: string, email: string, password: string) =>
      proxied.app.request(
        '/api/auth/login',
        { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ email, password }) },
        { incoming: { socket: { remoteAddress: '10.0.0.5' } } },
      );
    for (let i = 0; i < 20; i++) expect((await via('203.0.113.1', `kasutaja${i}@test.ee`, 'vale parool siin')).status).toBe(401);
    expect((await via('203.0.113.1', 'uus@test.ee', 'vale parool siin')).status).toBe(429);
    // Another office behind the same proxy still signs in.
    const u = await userWithPassword(proxied.db, { role: 'admin' });
    expect((await via('198.51.100.20', u.email, GOOD_PASSWORD)).status).toBe(200);
    const ips = proxied.db.prepare("SELECT DISTINCT ip FROM audit_log WHERE action LIKE 'login.%' ORDER BY ip").pluck().all();
    expect(ips).toEqual(['198.51.100.20', '203.0.113.1']);
  });

  it('refuses a login from a foreign Origin (CSRF) and a form post', async () => {
    const u = await userWithPassword(t.db, { role: 'admin' });
    const res = await login(u.email, GOOD_PASSWORD, { origin: 'https://kuri.example' });
    expect(res.status).toBe(403);
    expect(sessionToken(res)).toBeNull();
    const form = await t.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${u.email}&password=${GOOD_PASSWORD}`,
    });
    expect(form.status).toBe(415);
    expect((await login(u.email, GOOD_PASSWORD, { origin: t.config.publicOrigin })).status).toBe(200);
  });

  it('refuses disabled users and expired auditors, and their existing sessions stop working', async () => {
    const disabled = await userWithPassword(t.db, { role: 'viewer', kovs: ['0141'] });
    const auditor = await userWithPassword(t.db, { role: 'auditor', kovs: ['0141'], expiresOn: '2099-01-01' });
    const dTok = sessionToken(await login(disabled.email, GOOD_PASSWORD))!;
    const aTok = sessionToken(await login(auditor.email, GOOD_PASSWORD))!;
    t.db.prepare("UPDATE app_user SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(disabled.id);
    t.db.prepare("UPDATE app_user SET access_expires_on = '2020-01-01' WHERE id = ?").run(auditor.id);
    for (const tok of [dTok, aTok]) expect((await t.request('/api/auth/me', { as: tok })).status).toBe(401);
    for (const u of [disabled, auditor]) {
      const res = await login(u.email, GOOD_PASSWORD);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('account_inactive');
    }
    expect(t.db.prepare('SELECT count(*) FROM session').pluck().get()).toBe(0);
  });

  it('replaces the session the browser already had (no fixation)', async () => {
    const u = await userWithPassword(t.db, { role: 'admin' });
    const first = sessionToken(await login(u.email, GOOD_PASSWORD))!;
    const res = await t.request('/api/auth/login', { method: 'POST', json: { email: u.email, password: GOOD_PASSWORD }, as: first });
    expect(sessionToken(res)).not.toBe(first);
    expect((await t.request('/api/auth/me', { as: first })).status).toBe(401);
  });

  it('rejects a malformed body with the one error shape', async () => {
    const res = await t.request('/api/auth/login', { method: 'POST', json: { email: 'x@y.ee' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('validation_failed');
  });
});
