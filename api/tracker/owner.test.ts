// Owners are people: a measure's owner is an account that can see the municipality; the picker lists
// exactly those; bulk assignment keeps each status; "Minu ülesanded" lists what the user owns.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from './test-catalog.ts';

const KOV = '0141';
const OTHER = '0198';
let t: TestContext;
let specialist: { token: string; userId: number };

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  specialist = signInAs(t.db, 'specialist', [KOV]);
});

const put = (measureId: string, json: unknown, as = specialist.token) => t.request(`/api/kovs/${KOV}/measures/${measureId}`, { method: 'PUT', json, as });
const bulk = (json: unknown, as = specialist.token) => t.request(`/api/kovs/${KOV}/measures`, { method: 'PATCH', json, as });
const row = (measureId: string) =>
  t.db.prepare('SELECT status, owner_user_id, responsible, due_date, version FROM measure_status WHERE ehak = ? AND measure_id = ?').get(KOV, measureId) as
    | { status: string; owner_user_id: number | null; responsible: string | null; due_date: string | null; version: number }
    | undefined;

describe('owner of a measure', () => {
  it('lists the open accounts that can see the municipality as assignable', async () => {
    const viewer = signInAs(t.db, 'viewer', [KOV]);
    const analyst = signInAs(t.db, 'analyst');
    const elsewhere = signInAs(t.db, 'specialist', [OTHER]);
    const reviewer = signInAs(t.db, 'reviewer');
    const closed = signInAs(t.db, 'specialist', [KOV]);
    t.db.prepare("UPDATE app_user SET disabled_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(closed.userId);
    const res = await t.request(`/api/kovs/${KOV}/assignable-users`, { as: specialist.token });
    expect(res.status).toBe(200);
    const ids = ((await res.json()) as Array<{ id: number }>).map((u) => u.id).sort((a, b) => a - b);
    expect(ids).toEqual([specialist.userId, viewer.userId, analyst.userId].sort((a, b) => a - b));
    expect(ids).not.toContain(elsewhere.userId);
    expect(ids).not.toContain(reviewer.userId);
    expect((await t.request(`/api/kovs/${OTHER}/assignable-users`, { as: specialist.token })).status).toBe(404);
  });

  it('sets an owner with history and audit, and answers the owner by name', async () => {
    const viewer = signInAs(t.db, 'viewer', [KOV]);
    const res = await put('ISMS.1.M1', { status: 'partial', ownerUserId: viewer.userId, dueDate: '2026-12-31', version: 0 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ownerUserId: viewer.userId, owner: { id: viewer.userId, name: expect.stringContaining('viewer') } });
    expect(row('ISMS.1.M1')).toMatchObject({ owner_user_id: viewer.userId, version: 1 });
    const history = (await (await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1/history`, { as: specialist.token })).json()) as Array<{ new: { ownerUserId: number } }>;
    expect(history[0]!.new.ownerUserId).toBe(viewer.userId);
    const audit = t.db.prepare("SELECT new_value FROM audit_log WHERE entity = 'measure_status' AND kov = ?").pluck().get(KOV) as string;
    expect(JSON.parse(audit)).toMatchObject({ ownerUserId: viewer.userId });
  });

  it('refuses an owner who cannot see the municipality with a 422 field error and writes nothing', async () => {
    const elsewhere = signInAs(t.db, 'specialist', [OTHER]);
    const res = await put('ISMS.1.M1', { status: 'partial', ownerUserId: elsewhere.userId, version: 0 });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'ownerUserId' }] } });
    expect((await put('ISMS.1.M1', { status: 'partial', ownerUserId: 999999, version: 0 })).status).toBe(422);
    expect(row('ISMS.1.M1')).toBeUndefined();
    expect(t.db.prepare('SELECT count(*) FROM measure_status_history').pluck().get()).toBe(0);
  });

  it('assigns many measures at once without changing their statuses, all or nothing', async () => {
    await put('ISMS.1.M1', { status: 'partial', version: 0 });
    const viewer = signInAs(t.db, 'viewer', [KOV]);
    const res = await bulk({ measureIds: ['ISMS.1.M1', 'ISMS.1.M2'], ownerUserId: viewer.userId, responsible: 'Mari', dueDate: '2026-06-30' });
    expect(res.status).toBe(200);
    expect(row('ISMS.1.M1')).toMatchObject({ status: 'partial', owner_user_id: viewer.userId, responsible: 'Mari', due_date: '2026-06-30', version: 2 });
    expect(row('ISMS.1.M2')).toMatchObject({ status: 'not_assessed', owner_user_id: viewer.userId, version: 1 });
    const elsewhere = signInAs(t.db, 'specialist', [OTHER]);
    expect((await bulk({ measureIds: ['ISMS.1.M2', 'OPS.1.1.2.M1'], ownerUserId: elsewhere.userId })).status).toBe(422);
    expect(row('OPS.1.1.2.M1')).toBeUndefined();
    expect((await bulk({ measureIds: ['ISMS.1.M1'] })).status).toBe(400);
  });
});

describe('GET /api/me/tasks', () => {
  it("lists the user's open measures across municipalities, overdue first, then by due date", async () => {
    const both = signInAs(t.db, 'specialist', [KOV, OTHER]);
    const putAt = (ehak: string, id: string, json: unknown) => t.request(`/api/kovs/${ehak}/measures/${id}`, { method: 'PUT', json, as: both.token });
    await putAt(KOV, 'ISMS.1.M1', { status: 'partial', ownerUserId: both.userId, dueDate: '2099-05-01', version: 0 });
    await putAt(OTHER, 'ISMS.1.M2', { status: 'not_implemented', ownerUserId: both.userId, dueDate: '2020-01-01', version: 0 });
    await putAt(KOV, 'OPS.1.1.2.M1', { status: 'not_assessed', ownerUserId: both.userId, version: 0 });
    await putAt(KOV, 'OPS.1.1.2.M2', { status: 'partial', ownerUserId: both.userId, dueDate: '2099-01-01', version: 0 });
    await putAt(KOV, 'ISMS.1.M2', { status: 'implemented', ownerUserId: both.userId, dueDate: '2020-01-01', version: 0 });
    await putAt(KOV, 'OPS.1.1.2.M3', { status: 'partial', ownerUserId: specialist.userId, dueDate: '2020-01-01', version: 0 });
    const res = await t.request('/api/me/tasks', { as: both.token });
    expect(res.status).toBe(200);
    const tasks = (await res.json()) as Array<{ ehak: string; measureId: string; overdue: boolean; kovName: string; title: string; status: string }>;
    expect(tasks.map((x) => `${x.ehak}/${x.measureId}`)).toEqual([`${OTHER}/ISMS.1.M2`, `${KOV}/OPS.1.1.2.M2`, `${KOV}/ISMS.1.M1`, `${KOV}/OPS.1.1.2.M1`]);
    expect(tasks[0]).toMatchObject({ overdue: true, status: 'not_implemented', title: 'Meede ISMS.1.M2', kovName: expect.any(String) });
    expect(tasks[1]!.overdue).toBe(false);
    expect((await t.request('/api/me/tasks')).status).toBe(401);
  });

  it('leaves out municipalities the user can no longer see', async () => {
    await put('ISMS.1.M1', { status: 'partial', ownerUserId: specialist.userId, version: 0 });
    t.db.prepare('DELETE FROM user_kov WHERE user_id = ?').run(specialist.userId);
    t.db.prepare('INSERT INTO user_kov (user_id, ehak) VALUES (?, ?)').run(specialist.userId, OTHER);
    const tasks = (await (await t.request('/api/me/tasks', { as: specialist.token })).json()) as unknown[];
    expect(tasks).toEqual([]);
  });
});
