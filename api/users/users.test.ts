import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';

let t: TestContext;
let admin: { token: string; userId: number };
beforeEach(() => {
  t = createTestContext();
  admin = signInAs(t.db, 'admin');
});

const auditCount = () => t.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const userCount = () => t.db.prepare('SELECT count(*) FROM app_user').pluck().get() as number;

describe('user administration', () => {
  it('only admins manage users', async () => {
    for (const role of ['analyst', 'specialist', 'viewer', 'reviewer', 'auditor'] as const) {
      const { token } = signInAs(t.db, role, role === 'analyst' || role === 'reviewer' ? [] : ['0141'], role === 'auditor' ? { accessExpiresOn: '2099-01-01' } : {});
      expect((await t.request('/api/users', { as: token })).status).toBe(403);
      expect((await t.request('/api/users', { method: 'POST', as: token, json: { email: 'a@b.ee', name: 'A', role: 'admin', kovs: [] } })).status).toBe(403);
    }
    expect((await t.request('/api/users')).status).toBe(401);
  });

  it('refuses invalid role/municipality/expiry combinations and changes nothing', async () => {
    const before = [userCount(), auditCount()];
    const bad = [
      { email: 'not-an-email', name: 'A', role: 'viewer', kovs: ['0141'] },
      { email: 'a@b.ee', name: 'A', role: 'specialist', kovs: [] },
      { email: 'a@b.ee', name: 'A', role: 'specialist', kovs: ['9999'] },
      { email: 'a@b.ee', name: 'A', role: 'analyst', kovs: ['0141'] },
      { email: 'a@b.ee', name: 'A', role: 'auditor', kovs: ['0141'] },
      { email: 'a@b.ee', name: 'A', role: 'auditor', kovs: ['0141', '0198'], expiresOn: '2099-01-01' },
      { email: 'a@b.ee', name: 'A', role: 'auditor', kovs: ['0141'], expiresOn: '2020-01-01' },
      { email: 'a@b.ee', name: 'A', role: 'viewer', kovs: ['0141'], personalCode: 'EE123' },
      { email: 'a@b.ee', name: 'A', role: 'boss', kovs: [] },
    ];
    for (const body of bad) {
      const res = await t.request('/api/users', { method: 'POST', as: admin.token, json: body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBe('validation_failed');
    }
    expect([userCount(), auditCount()]).toEqual(before);
  });

  it('creates, lists, changes and disables a user, all audited', async () => {
    const created = await t.request('/api/users', {
      method: 'POST', as: admin.token,
      json: { email: 'Spets@Vald.ee', name: 'Spetsialist', role: 'specialist', kovs: ['0141', '0198'] },
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: number; email: string; kovs: string[] } };
    expect(user.email).toBe('spets@vald.ee');
    expect(user.kovs).toEqual(['0141', '0198']);
    expect((await t.request('/api/users', { method: 'POST', as: admin.token, json: { email: 'spets@vald.ee', name: 'B', role: 'analyst' } })).status).toBe(409);
    const patched = await t.request(`/api/users/${user.id}`, {
      method: 'PATCH', as: admin.token, json: { kovs: ['0296'], personalCode: 'EE38001085718' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ kovs: ['0296'], personalCode: 'EE38001085718', disabled: false });
    const disabled = await t.request(`/api/users/${user.id}`, { method: 'PATCH', as: admin.token, json: { disabled: true } });
    expect((await disabled.json()).disabled).toBe(true);
    const list = (await (await t.request('/api/users', { as: admin.token })).json()) as Array<{ id: number }>;
    expect(list.map((u) => u.id)).toContain(user.id);
    const actions = t.db.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id').pluck().all(String(user.id));
    expect(actions).toEqual(['user.create', 'invitation.create', 'user.update', 'user.update']);
    const change = t.db.prepare("SELECT old_value, new_value FROM audit_log WHERE action = 'user.update' ORDER BY id LIMIT 1").get() as { old_value: string; new_value: string };
    expect(JSON.parse(change.old_value).kovs).toEqual(['0141', '0198']);
    expect(JSON.parse(change.new_value).kovs).toEqual(['0296']);
  });

  it('sets and unsets the head flag (KOV juht) through the API, audited, for viewers and specialists only', async () => {
    const { userId } = signInAs(t.db, 'viewer', ['0141']);
    const head = () => t.db.prepare('SELECT kov_head FROM app_user WHERE id = ?').pluck().get(userId);
    const headAudits = () => t.db.prepare(`SELECT old_value, new_value FROM audit_log WHERE action = 'user.kov_head' AND entity_id = ? ORDER BY id`).all(String(userId));
    const patch = (json: unknown) => t.request(`/api/users/${userId}`, { method: 'PATCH', as: admin.token, json });
    const on = await patch({ kovHead: true });
    expect(on.status).toBe(200);
    expect(await on.json()).toMatchObject({ id: userId, kovHead: true });
    expect(head()).toBe(1);
    expect(headAudits()).toEqual([{ old_value: '{"head":false}', new_value: '{"head":true}' }]);
    const listed = (await (await t.request('/api/users', { as: admin.token })).json()) as Array<{ id: number; kovHead: boolean }>;
    expect(listed.find((u) => u.id === userId)?.kovHead).toBe(true);
    // Asking an analyst to be a head is a field error, and nothing changes.
    const before = auditCount();
    const bad = await patch({ role: 'analyst', kovs: [], kovHead: true });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details).toEqual([{ path: 'kovHead', message: expect.stringContaining('vaataja või spetsialisti') }]);
    expect([head(), auditCount()]).toEqual([1, before]);
    // A role that cannot be a head clears the flag.
    expect((await patch({ role: 'analyst', kovs: [] })).status).toBe(200);
    expect(head()).toBe(0);
    expect(headAudits()).toHaveLength(2);
    expect((await t.request('/api/users', { method: 'POST', as: admin.token, json: { email: 'juht@vald.ee', name: 'Juht', role: 'specialist', kovs: ['0141'], kovHead: true } })).status).toBe(201);
    expect(t.db.prepare(`SELECT kov_head FROM app_user WHERE email = 'juht@vald.ee'`).pluck().get()).toBe(1);
  });

  it('keeps at least one active admin', async () => {
    const res = await t.request(`/api/users/${admin.userId}`, { method: 'PATCH', as: admin.token, json: { disabled: true } });
    expect(res.status).toBe(409);
    expect((await t.request('/api/auth/me', { as: admin.token })).status).toBe(200);
  });

  it('unknown user is 404, unknown fields 400', async () => {
    expect((await t.request('/api/users/9999', { method: 'PATCH', as: admin.token, json: { disabled: true } })).status).toBe(404);
    expect((await t.request(`/api/users/${admin.userId}`, { method: 'PATCH', as: admin.token, json: { password_hash: 'x' } })).status).toBe(400);
  });
});

describe('GET /api/audit', () => {
  it('is for admin and analyst, filters by municipality and pages by id', async () => {
    const analyst = signInAs(t.db, 'analyst');
    const viewer = signInAs(t.db, 'viewer', ['0141']);
    const insert = t.db.prepare("INSERT INTO audit_log (actor_id, action, entity, kov) VALUES (?, 'measure_status.update', 'measure_status', ?)");
    for (let i = 0; i < 5; i++) insert.run(admin.userId, i % 2 ? '0141' : '0198');
    expect((await t.request('/api/audit', { as: viewer.token })).status).toBe(403);
    const first = (await (await t.request('/api/audit?kov=0141&limit=1', { as: analyst.token })).json()) as { items: Array<{ id: number; kov: string; actor: { id: number } }>; nextBefore: number };
    expect(first.items).toHaveLength(1);
    expect(first.items[0]!.kov).toBe('0141');
    expect(first.items[0]!.actor.id).toBe(admin.userId);
    const second = (await (await t.request(`/api/audit?kov=0141&limit=5&before=${first.nextBefore}`, { as: admin.token })).json()) as { items: unknown[]; nextBefore: null };
    expect(second.items).toHaveLength(1);
    expect(second.nextBefore).toBeNull();
    expect((await t.request('/api/audit?kov=abc', { as: admin.token })).status).toBe(400);
  });

  it('the log is append-only', () => {
    t.db.prepare("INSERT INTO audit_log (action, entity) VALUES ('x', 'y')").run();
    expect(() => t.db.prepare('UPDATE audit_log SET action = ?').run('z')).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});
