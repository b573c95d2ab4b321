import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/helpers/app.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { GOOD_PASSWORD, sessionToken, userWithPassword } from './test-helpers.ts';

let t: TestContext;
beforeEach(() => {
  t = createTestContext();
});

async function signIn(email: string, password = GOOD_PASSWORD) {
  const res = await t.request('/api/auth/login', { method: 'POST', json: { email, password } });
  expect(res.status).toBe(200);
  return sessionToken(res)!;
}
const me = (token: string) => t.request('/api/auth/me', { as: token });

describe('sessions', () => {
  it('stores only a hash: a copied session row cannot be used as a token', async () => {
    const u = await userWithPassword(t.db, { role: 'admin' });
    const token = await signIn(u.email);
    const row = t.db.prepare('SELECT id, secret_hash FROM session').get() as { id: string; secret_hash: Buffer };
    expect(token.startsWith(row.id + '.')).toBe(true);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM session').all())).not.toContain(token.split('.')[1]);
    for (const forged of [`${row.id}.${row.secret_hash.toString('hex')}`, `${row.id}.${row.secret_hash.toString('base64url')}`, `${row.id}.`, row.id]) {
      expect((await me(forged)).status).toBe(401);
    }
    expect((await me(token)).status).toBe(200);
  });

  it('lists my sessions marking the current one, and ends one of mine but not someone else’s', async () => {
    const u = await userWithPassword(t.db, { role: 'analyst' });
    const other = await userWithPassword(t.db, { role: 'analyst' });
    const a = await signIn(u.email);
    const b = await signIn(u.email);
    const o = await signIn(other.email);
    const list = (await (await t.request('/api/auth/sessions', { as: a })).json()) as Array<{ id: string; current: boolean }>;
    expect(list).toHaveLength(2);
    expect(list.find((s) => s.current)!.id).toBe(a.split('.')[0]);
    const foreign = await t.request(`/api/auth/sessions/${o.split('.')[0]}`, { method: 'DELETE', as: a });
    expect(foreign.status).toBe(404);
    expect((await me(o)).status).toBe(200);
    expect((await t.request(`/api/auth/sessions/${b.split('.')[0]}`, { method: 'DELETE', as: a })).status).toBe(204);
    expect((await me(b)).status).toBe(401);
    expect((await me(a)).status).toBe(200);
  });

  it('logout ends this session; logout-all ends every one of mine and only mine', async () => {
    const u = await userWithPassword(t.db, { role: 'admin' });
    const other = await userWithPassword(t.db, { role: 'admin' });
    const [a, b, c] = [await signIn(u.email), await signIn(u.email), await signIn(u.email)];
    const o = await signIn(other.email);
    const out = await t.request('/api/auth/logout', { method: 'POST', as: a });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((h) => h.startsWith(SESSION_COOKIE))).toMatch(/Max-Age=0/);
    expect((await me(a)).status).toBe(401);
    const all = await t.request('/api/auth/logout-all', { method: 'POST', as: b });
    expect(await all.json()).toEqual({ ended: 2 });
    expect((await me(b)).status).toBe(401);
    expect((await me(c)).status).toBe(401);
    expect((await me(o)).status).toBe(200);
    expect(t.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'logout%' ORDER BY id").pluck().all()).toEqual(['logout', 'logout.all']);
  });

  it('changing the password ends every session and starts a new one', async () => {
    const u = await userWithPassword(t.db, { role: 'specialist', kovs: ['0141'] });
    const a = await signIn(u.email);
    const b = await signIn(u.email);
    const wrong = await t.request('/api/auth/password', { method: 'POST', as: a, json: { currentPassword: 'ei ole see parool', newPassword: 'uus tugev parool 2026!' } });
    expect(wrong.status).toBe(401);
    const weak = await t.request('/api/auth/password', { method: 'POST', as: a, json: { currentPassword: GOOD_PASSWORD, newPassword: 'parool123456' } });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.details[0].path).toBe('newPassword');
    const ok = await t.request('/api/auth/password', { method: 'POST', as: a, json: { currentPassword: GOOD_PASSWORD, newPassword: 'uus tugev parool 2026!' } });
    expect(ok.status).toBe(200);
    const fresh = sessionToken(ok)!;
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    expect((await me(fresh)).status).toBe(200);
    expect((await t.request('/api/auth/login', { method: 'POST', json: { email: u.email, password: GOOD_PASSWORD } })).status).toBe(401);
    expect((await t.request('/api/auth/login', { method: 'POST', json: { email: u.email, password: 'uus tugev parool 2026!' } })).status).toBe(200);
  });

  it('answers me and sessions with 401 when signed out', async () => {
    for (const path of ['/api/auth/me', '/api/auth/sessions']) expect((await t.request(path)).status).toBe(401);
    expect((await t.request('/api/auth/logout-all', { method: 'POST' })).status).toBe(401);
    expect(await (await t.request('/api/auth/providers')).json()).toEqual({ password: true, tara: false });
  });
});
