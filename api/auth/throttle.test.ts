import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../tests/helpers/app.ts';
import { createSession } from './sessions.ts';
import { GOOD_PASSWORD, userWithPassword } from './test-helpers.ts';
import { ACCOUNT_THRESHOLD, accountKey, IP_THRESHOLD, ipKey, releaseAttempt, reserveAttempt, retryAfter } from './throttle.ts';

// Counts every argon2 verification the handlers start.
const verified = vi.hoisted(() => ({ calls: 0 }));
vi.mock('./passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./passwords.ts')>();
  return {
    ...real,
    verifyPassword: (phc: string, password: string) => (verified.calls++, real.verifyPassword(phc, password)),
    verifyDummy: (password: string) => (verified.calls++, real.verifyDummy(password)),
  };
});

let t: TestContext;
beforeEach(() => {
  t = createTestContext();
  verified.calls = 0;
});

const login = (email: string, password: string) => t.request('/api/auth/login', { method: 'POST', json: { email, password } });

describe('attempt reservation', () => {
  it('counts a reservation as a failure at once and locks the key when it reaches the threshold', () => {
    const keys = [accountKey('a@b.ee'), ipKey('192.0.2.1')];
    const t0 = 1_000_000;
    for (let i = 0; i < ACCOUNT_THRESHOLD; i++) expect(reserveAttempt(t.db, keys, t0)).toEqual({ keys });
    expect(reserveAttempt(t.db, keys, t0)).toEqual({ retryAfter: 15 });
    // A refused attempt writes nothing: the address has the account's five, not six.
    expect(t.db.prepare('SELECT failures FROM login_throttle WHERE key = ?').pluck().get(ipKey('192.0.2.1'))).toBe(ACCOUNT_THRESHOLD);
    // After the lock one more attempt, which doubles it; a quiet hour forgets everything.
    expect(reserveAttempt(t.db, keys, t0 + 15)).toEqual({ keys });
    expect(retryAfter(t.db, keys, t0 + 15)).toBe(30);
    expect(reserveAttempt(t.db, keys, t0 + 15 + 3600)).toEqual({ keys });
    expect(t.db.prepare('SELECT failures FROM login_throttle WHERE key = ?').pluck().get(accountKey('a@b.ee'))).toBe(1);
  });

  it('a released reservation is no failure: the lock it set goes away', () => {
    const keys = [ipKey('192.0.2.2')];
    let last = reserveAttempt(t.db, keys, 5000);
    for (let i = 1; i < IP_THRESHOLD; i++) last = reserveAttempt(t.db, keys, 5000);
    expect(retryAfter(t.db, keys, 5000)).toBe(15);
    releaseAttempt(t.db, last as { keys: string[] });
    expect(retryAfter(t.db, keys, 5000)).toBe(0);
    expect(t.db.prepare('SELECT failures FROM login_throttle').pluck().get()).toBe(IP_THRESHOLD - 1);
  });
});

describe('password verification behind the reservation', () => {
  it(`150 logins at once in one process: at most ${ACCOUNT_THRESHOLD} verified, the rest 429 unverified`, async () => {
    const u = await userWithPassword(t.db, { role: 'admin' });
    verified.calls = 0;
    const statuses = await Promise.all(Array.from({ length: 150 }, (_, i) => login(u.email, i === 149 ? GOOD_PASSWORD : `vale parool ${i} xx`).then((r) => r.status)));
    expect(verified.calls).toBe(ACCOUNT_THRESHOLD);
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_THRESHOLD);
    expect(statuses.filter((s) => s === 429)).toHaveLength(150 - ACCOUNT_THRESHOLD);
  });

  it('a throttled password change verifies nothing', async () => {
    const u = await userWithPassword(t.db, { role: 'viewer', kovs: ['0141'] });
    const token = createSession(t.db, u.id).token;
    verified.calls = 0;
    const change = (currentPassword: string) => t.request('/api/auth/password', { method: 'POST', as: token, json: { currentPassword, newPassword: 'uus tugev parool 2026!' } });
    for (let i = 0; i < ACCOUNT_THRESHOLD; i++) expect((await change(`vale parool ${i} xx`)).status).toBe(401);
    const res = await change(GOOD_PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(verified.calls).toBe(ACCOUNT_THRESHOLD);
  });

  it('successful sign-ins hand their reservation back: one office address is never locked by them', async () => {
    const u = await userWithPassword(t.db, { role: 'analyst' });
    // app.request has no socket: every request comes from the same address ("unknown").
    for (let i = 0; i < IP_THRESHOLD + 5; i++) expect((await login(u.email, GOOD_PASSWORD)).status).toBe(200);
    expect(retryAfter(t.db, [ipKey('unknown')])).toBe(0);
    // Four failures and then the right password: the account starts clean again.
    for (let i = 0; i < ACCOUNT_THRESHOLD - 1; i++) expect((await login(u.email, `vale parool ${i} xx`)).status).toBe(401);
    expect((await login(u.email, GOOD_PASSWORD)).status).toBe(200);
    expect(t.db.prepare('SELECT count(*) FROM login_throttle WHERE key = ?').pluck().get(accountKey(u.email))).toBe(0);
  });
});
