import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../tests/helpers/app.ts';
import { seedDemo } from './index.ts';

describe('demo accounts', () => {
  it('creates one account per role with a password printed once and stored only as a hash', async () => {
    const t = createTestContext();
    const lines: string[] = [];
    await seedDemo(t.db, (l) => lines.push(l));
    const roles = t.db.prepare('SELECT role FROM app_user ORDER BY role').pluck().all();
    expect(new Set(roles)).toEqual(new Set(['admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor']));
    expect(roles.filter((r) => r === 'reviewer')).toHaveLength(2);
    const password = lines.find((l) => l.includes('ühine parool'))!.split(': ')[1]!;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const dump = JSON.stringify(t.db.prepare('SELECT * FROM app_user').all());
    expect(dump).not.toContain(password);
    expect(t.db.prepare("SELECT count(*) FROM app_user WHERE password_hash LIKE '$argon2id$%'").pluck().get()).toBe(7);
    const auditor = t.db.prepare("SELECT access_expires_on FROM app_user WHERE role = 'auditor'").pluck().get() as string;
    expect(auditor > new Date().toISOString().slice(0, 10)).toBe(true);
    const res = await t.request('/api/auth/login', { method: 'POST', json: { email: 'specialist@demo.turvarada.ee', password } });
    expect(res.status).toBe(200);
    expect((await res.json()).kovs).toEqual(['0141', '0198', '0296']);
  });
});
