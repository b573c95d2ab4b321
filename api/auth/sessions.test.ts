import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { SESSION_ABSOLUTE_LIMIT_S, SESSION_IDLE_LIMIT_S, SESSION_LIFETIME_S, validateSessionToken } from './sessions.ts';

let t: TestContext;
beforeEach(() => {
  t = createTestContext();
});
const now = () => Math.floor(Date.now() / 1000);
const shift = (token: string, fields: Partial<Record<'created_at' | 'last_used_at' | 'expires_at', number>>) => {
  const id = token.split('.')[0];
  for (const [k, v] of Object.entries(fields)) t.db.prepare(`UPDATE session SET ${k} = ? WHERE id = ?`).run(v, id);
};

describe('session lifetime', () => {
  it('renews the 30-day expiry once half is used, and re-sends the cookie', async () => {
    const { token } = signInAs(t.db, 'admin');
    const fresh = await t.request('/api/auth/me', { as: token });
    expect(fresh.headers.getSetCookie()).toEqual([]);
    shift(token, { expires_at: now() + SESSION_LIFETIME_S / 2 - 60, last_used_at: now() - 120 });
    const res = await t.request('/api/auth/me', { as: token });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/turvarada_session=/);
    const expires = t.db.prepare('SELECT expires_at FROM session').pluck().get() as number;
    expect(expires).toBeGreaterThan(now() + SESSION_LIFETIME_S - 10);
  });

  it('ends an idle session and a session past the absolute limit, deleting the row', () => {
    const idle = signInAs(t.db, 'admin').token;
    const old = signInAs(t.db, 'admin').token;
    shift(idle, { last_used_at: now() - SESSION_IDLE_LIMIT_S - 1 });
    shift(old, { created_at: now() - SESSION_ABSOLUTE_LIMIT_S - 1, expires_at: now() + 1000 });
    expect(validateSessionToken(t.db, idle)).toBeNull();
    expect(validateSessionToken(t.db, old)).toBeNull();
    expect(t.db.prepare('SELECT count(*) FROM session').pluck().get()).toBe(0);
  });

  it('never renews past the absolute limit', () => {
    const { token } = signInAs(t.db, 'admin');
    const created = now() - SESSION_ABSOLUTE_LIMIT_S + 3600;
    shift(token, { created_at: created, expires_at: now() + 60, last_used_at: now() - 120 });
    const result = validateSessionToken(t.db, token)!;
    expect(result.renewedExpiresAt).toBe(created + SESSION_ABSOLUTE_LIMIT_S);
  });

  it('a wrong secret for a real session id is refused and leaves the session intact', () => {
    const { token } = signInAs(t.db, 'admin');
    const [id, secret] = token.split('.') as [string, string];
    const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
    expect(validateSessionToken(t.db, `${id}.${flipped}`)).toBeNull();
    expect(validateSessionToken(t.db, token)).not.toBeNull();
  });
});

describe('OpenAPI', () => {
  it('documents the accounts endpoints', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of ['/api/auth/login', '/api/auth/logout', '/api/auth/logout-all', '/api/auth/me', '/api/auth/sessions', '/api/auth/sessions/{id}', '/api/auth/password', '/api/auth/invitations/{token}/password', '/api/auth/providers', '/api/auth/tara/start', '/api/auth/tara/callback', '/api/users', '/api/users/{id}', '/api/users/{id}/invitation', '/api/audit', '/api/kovs/{ehak}']) {
      expect(Object.keys(doc.paths).map((p) => p.replace(/^(?!\/api)/, '/api'))).toContain(path);
    }
  });
});
