import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase } from '../db/database.ts';
import { sessionCookie } from './session-middleware.ts';
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

// Validated sessions are cached in memory (session-cache.ts); none of these may ever be served stale.
describe('session cache', () => {
  it('sees a change of role, municipalities, disabling or a deleted session on the very next check', () => {
    const { token, userId } = signInAs(t.db, 'specialist', ['0141']);
    expect(validateSessionToken(t.db, token)!.user).toMatchObject({ role: 'specialist', kovs: ['0141'] });
    t.db.prepare("INSERT INTO user_kov (user_id, ehak) VALUES (?, '0198')").run(userId);
    expect(validateSessionToken(t.db, token)!.user.kovs).toEqual(['0141', '0198']);
    t.db.prepare("DELETE FROM user_kov WHERE user_id = ? AND ehak = '0141'").run(userId);
    expect(validateSessionToken(t.db, token)!.user.kovs).toEqual(['0198']);
    t.db.prepare("UPDATE app_user SET role = 'viewer' WHERE id = ?").run(userId);
    expect(validateSessionToken(t.db, token)!.user.role).toBe('viewer');
    t.db.prepare("UPDATE app_user SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(userId);
    expect(validateSessionToken(t.db, token)).toBeNull();

    const other = signInAs(t.db, 'admin').token;
    expect(validateSessionToken(t.db, other)).not.toBeNull();
    t.db.prepare('DELETE FROM session WHERE id = ?').run(other.split('.')[0]);
    expect(validateSessionToken(t.db, other)).toBeNull();
  });

  it('sees a change committed by another connection (the CLI, an operator with sqlite3)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'turvarada-session-')), 'db.sqlite');
    const server = openDatabase(path);
    const cli = openDatabase(path);
    const { token, userId } = signInAs(server, 'analyst');
    expect(validateSessionToken(server, token)!.user.role).toBe('analyst');
    cli.prepare("UPDATE app_user SET access_expires_on = '2000-01-01' WHERE id = ?").run(userId);
    expect(validateSessionToken(server, token)).toBeNull();
    server.close();
    cli.close();
  });

  it('keeps nothing it read inside a transaction that was rolled back', () => {
    const { token, userId } = signInAs(t.db, 'specialist', ['0141']);
    const role = t.db.prepare('UPDATE app_user SET role = ? WHERE id = ?');
    expect(() =>
      inTransaction(t.db, () => {
        role.run('viewer', userId);
        expect(validateSessionToken(t.db, token)!.user.role).toBe('viewer');
        throw new Error('cancelled');
      }),
    ).toThrow('cancelled');
    // auth_epoch counts up, so the next change brings back the number seen inside the rolled-back
    // transaction: what was read there must not have been kept under it.
    t.db.prepare("UPDATE app_user SET name = 'Uus nimi' WHERE id = ?").run(userId);
    expect(validateSessionToken(t.db, token)!.user).toMatchObject({ role: 'specialist', name: 'Uus nimi' });
  });

  it('hands out user objects a handler cannot use to change what the next request sees', () => {
    const { token } = signInAs(t.db, 'specialist', ['0141']);
    const first = validateSessionToken(t.db, token)!.user;
    first.role = 'admin';
    expect(() => first.kovs.push('0198')).toThrow(TypeError);
    expect(validateSessionToken(t.db, token)!.user).toMatchObject({ role: 'specialist', kovs: ['0141'] });
  });
});

describe('session cookie', () => {
  it('is found among other cookies, and a look-alike name is not taken for it', () => {
    expect(sessionCookie('theme=dark; turvarada_session=abc.def; lang=et')).toBe('abc.def');
    expect(sessionCookie('turvarada_session=abc.def')).toBe('abc.def');
    expect(sessionCookie('old_turvarada_session=abc.def')).toBeUndefined();
    expect(sessionCookie('turvarada_session=')).toBeUndefined();
    expect(sessionCookie(undefined)).toBeUndefined();
  });
});

describe('OpenAPI', () => {
  it('documents the accounts endpoints', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of ['/api/auth/login', '/api/auth/logout', '/api/auth/logout-all', '/api/auth/me', '/api/auth/sessions', '/api/auth/sessions/{id}', '/api/auth/password', '/api/auth/invitations/lookup', '/api/auth/invitations/password', '/api/auth/providers', '/api/auth/tara/start', '/api/auth/tara/callback', '/api/users', '/api/users/{id}', '/api/users/{id}/invitation', '/api/audit', '/api/kovs/{ehak}']) {
      expect(Object.keys(doc.paths).map((p) => p.replace(/^(?!\/api)/, '/api'))).toContain(path);
    }
  });
});
