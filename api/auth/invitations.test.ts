import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { sessionToken } from './test-helpers.ts';

let t: TestContext;
let admin: string;
beforeEach(() => {
  t = createTestContext();
  admin = signInAs(t.db, 'admin').token;
});

async function invite(body: Record<string, unknown>) {
  const res = await t.request('/api/users', { method: 'POST', as: admin, json: body });
  expect(res.status).toBe(201);
  return (await res.json()) as { user: { id: number; hasPassword: boolean }; invitation: { link: string; expiresAt: string } };
}
const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
const setPassword = (token: string, password: string) => t.request('/api/auth/invitations/password', { method: 'POST', json: { token, password } });
const lookup = (token: string) => t.request('/api/auth/invitations/lookup', { method: 'POST', json: { token } });

describe('invitations', () => {
  it('an admin-created user sets a password once with the link and is signed in', async () => {
    const { user, invitation } = await invite({ email: 'uus@vald.ee', name: 'Uus Kasutaja', role: 'viewer', kovs: ['0141'] });
    expect(user.hasPassword).toBe(false);
    expect(invitation.link).toMatch(/^http:\/\/127\.0\.0\.1:4321\/seadista-parool\/#token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invitation.link);
    // Only a hash is stored.
    expect(JSON.stringify(t.db.prepare('SELECT * FROM invitation').all())).not.toContain(token);
    expect(await (await lookup(token)).json()).toEqual({ email: 'uus@vald.ee', name: 'Uus Kasutaja' });
    expect((await setPassword(token, 'lühike')).status).toBe(400);
    const ok = await setPassword(token, 'minu oma pikk parool');
    expect(ok.status).toBe(200);
    expect((await t.request('/api/auth/me', { as: sessionToken(ok)! })).status).toBe(200);
    expect((await setPassword(token, 'teine pikk parool siin')).status).toBe(404);
    expect((await lookup(token)).status).toBe(404);
    const login = await t.request('/api/auth/login', { method: 'POST', json: { email: 'uus@vald.ee', password: 'minu oma pikk parool' } });
    expect(login.status).toBe(200);
  });

  it('an expired link does nothing; a new link revokes the old one', async () => {
    const { user, invitation } = await invite({ email: 'aeg@vald.ee', name: 'Aeg', role: 'analyst' });
    t.db.prepare('UPDATE invitation SET created_at = created_at - 73 * 3600, expires_at = expires_at - 73 * 3600').run();
    expect((await setPassword(tokenOf(invitation.link), 'minu oma pikk parool')).status).toBe(404);
    const again = await t.request(`/api/users/${user.id}/invitation`, { method: 'POST', as: admin });
    const second = tokenOf(((await again.json()) as { link: string }).link);
    const third = tokenOf(((await (await t.request(`/api/users/${user.id}/invitation`, { method: 'POST', as: admin })).json()) as { link: string }).link);
    expect((await setPassword(second, 'minu oma pikk parool')).status).toBe(404);
    expect((await setPassword(third, 'minu oma pikk parool')).status).toBe(200);
    expect(t.db.prepare('SELECT password_hash FROM app_user WHERE id = ?').pluck().get(user.id)).toMatch(/^\$argon2id\$/);
  });

  it('refuses common passwords and garbage tokens', async () => {
    const { invitation } = await invite({ email: 'x@vald.ee', name: 'X', role: 'reviewer' });
    for (const weak of ['password1234', 'Parool2026!!', 'aaaaaaaaaaaaaa', 'qwertyuiop12']) {
      expect((await setPassword(tokenOf(invitation.link), weak)).status).toBe(400);
    }
    expect((await setPassword('x'.repeat(43), 'minu oma pikk parool')).status).toBe(404);
  });

  it('takes the token only in the body: the old token-in-path routes are gone', async () => {
    const { invitation } = await invite({ email: 'tee@vald.ee', name: 'Tee', role: 'viewer', kovs: ['0141'] });
    const token = tokenOf(invitation.link);
    expect((await t.request(`/api/auth/invitations/${token}`)).status).toBe(404);
    expect((await t.request(`/api/auth/invitations/${token}/password`, { method: 'POST', json: { password: 'minu oma pikk parool' } })).status).toBe(404);
    // Nothing was used up by them.
    expect((await lookup(token)).status).toBe(200);
    expect((await lookup('')).status).toBe(400);
    expect((await t.request('/api/auth/invitations/password', { method: 'POST', json: { password: 'minu oma pikk parool' } })).status).toBe(400);
  });
});
