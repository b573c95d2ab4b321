// Recording, correcting and cancelling actual costs: VAT warnings (saved anyway), the version check
// (409, nothing written), cancelled costs out of every sum, history rows and audit, bad input 4xx.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { smallPlan } from './test-plan.ts';

let t: TestContext;
let analyst: string;
let planId: number;
const cost = (over: Record<string, unknown> = {}) => ({ initiative: 'TEENUS', date: '2024-05-15', account: '55', net: 1000, vat: 220, supplier: 'Tarnija OÜ', documentNumber: 'A-1', ...over });
const base = () => `/api/budget/plans/${planId}/actuals`;
const post = (body: unknown, as = analyst) => t.request(base(), { method: 'POST', json: body, as });
const patch = (id: number, body: unknown, as = analyst) => t.request(`${base()}/${id}`, { method: 'PATCH', json: body, as });
const cancel = (id: number, body: unknown, as = analyst) => t.request(`${base()}/${id}/cancel`, { method: 'POST', json: body, as });
const stored = (id: number) => t.db.prepare('SELECT net_cents, vat_cents, version, status, cancel_reason FROM budget_actual WHERE id = ?').get(id);
const historyCount = () => t.db.prepare('SELECT count(*) FROM budget_actual_history').pluck().get() as number;
const audits = (action: string) => t.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

beforeEach(async () => {
  t = createTestContext();
  analyst = signInAs(t.db, 'analyst').token;
  planId = (await (await t.request('/api/budget/plans', { method: 'POST', json: smallPlan(), as: analyst })).json()).id;
});

describe('VAT warning', () => {
  it('warns (and saves) when the VAT does not match the rate in force on the date', async () => {
    const wrong = await post(cost({ vat: 240 })); // 24 % on a May 2024 cost: 22 % was in force
    expect(wrong.status).toBe(201);
    const body = await wrong.json();
    expect(body).toMatchObject({ version: 1, warnings: [{ code: 'vat_rate_mismatch', expectedVat: 220, expectedPercent: 22 }] });
    expect(body.warnings[0].message).toContain('15.05.2024 kehtinud määrale 22 % (oodatud 220,00 €)');
    expect(stored(body.id)).toMatchObject({ net_cents: 100000, vat_cents: 24000 });
    for (const [over, warns] of [
      [{ date: '2023-12-31', vat: 200 }, 0], // 20 % until the end of 2023
      [{ date: '2024-01-01', vat: 200 }, 1],
      [{ vat: 220.01 }, 0], // a cent of per-line rounding is tolerated
      [{ vat: 220.02 }, 1],
      [{ account: '50', vat: 0 }, 0], // personnel costs carry no VAT
      [{ account: '50', vat: 220 }, 1],
    ] as const) {
      const r = await (await post(cost(over))).json();
      expect({ over, n: r.warnings.length }).toEqual({ over, n: warns });
    }
  });
});

describe('correcting a cost', () => {
  it('corrects with the version, writes history and audit, and refuses a stale version with 409', async () => {
    const { id } = await (await post(cost({ vat: 240 }))).json();
    const res = await patch(id, { version: 1, vat: '220,00' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ actual: { id, version: 2, vat: 220, gross: 1220, status: 'active' }, warnings: [] });
    expect(stored(id)).toMatchObject({ vat_cents: 22000, version: 2 });
    // Someone still holding version 1 is refused, with the current entry, and nothing moves.
    const stale = await patch(id, { version: 1, net: 5 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: 'version_conflict', details: { current: { version: 2, net: 1000 } } });
    expect(stored(id)).toMatchObject({ net_cents: 100000, vat_cents: 22000, version: 2 });
    const history = await (await t.request(`/api/budget/plans/${planId}/actual-history?actual=${id}`, { as: analyst })).json();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ version: 2, action: 'correct', changedBy: { name: expect.stringContaining('analyst') }, changes: [{ field: 'vat', old: 240, new: 220 }] });
    expect(history[1]).toMatchObject({ version: 1, action: 'create' });
    expect(history[1].changes).toContainEqual({ field: 'net', old: null, new: 1000 });
    expect(audits('budget_actual.correct')).toBe(1);
    expect(historyCount()).toBe(2);
  });

  it('refuses bad corrections with 4xx in the one error shape and changes nothing', async () => {
    const { id } = await (await post(cost())).json();
    const other = (await (await t.request('/api/budget/plans', { method: 'POST', json: smallPlan(), as: analyst })).json()).id;
    for (const [res, status] of [
      [await patch(id, { version: 1, net: '1,234' }), 400],
      [await patch(id, { version: 1, date: '2024-02-30' }), 400],
      [await patch(id, { version: 1, account: '99' }), 400],
      [await patch(id, { version: 1, initiative: 'XYZ' }), 400],
      [await patch(id, { version: 1, supplier: ' ' }), 400],
      [await patch(id, { net: 5 }), 400], // no version
      [await patch(id, { version: 1, hacked: true }), 400],
      [await t.request(`${base()}/${id}`, { method: 'PATCH', body: '{', headers: { 'content-type': 'application/json' }, as: analyst }), 400],
      [await t.request(`/api/budget/plans/${other}/actuals/${id}`, { method: 'PATCH', json: { version: 1, net: 5 }, as: analyst }), 404],
      [await patch(id, { version: 1, net: 5 }, signInAs(t.db, 'viewer', ['0141']).token), 403],
      [await t.request(`${base()}/${id}`, { method: 'PATCH', json: { version: 1, net: 5 } }), 401],
    ] as const) {
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(stored(id)).toEqual({ net_cents: 100000, vat_cents: 22000, version: 1, status: 'active', cancel_reason: null });
    expect(historyCount()).toBe(1);
    expect(audits('budget_actual.correct')).toBe(0);
  });
});

describe('cancelling a cost', () => {
  it('keeps the row with its reason, leaves the sums, and cannot be corrected or cancelled again', async () => {
    const keep = (await (await post(cost({ net: 100, vat: 22 }))).json()).id;
    const { id } = await (await post(cost({ documentNumber: 'A-2' }))).json();
    expect((await cancel(id, { version: 1, reason: ' ' })).status).toBe(400);
    expect((await cancel(id, { version: 2, reason: 'Vale arve' })).status).toBe(409);
    expect((await cancel(id, { version: 1, reason: 'Vale arve' }, signInAs(t.db, 'specialist', ['0141']).token)).status).toBe(403);
    expect(stored(id)).toMatchObject({ status: 'active', version: 1 });
    const res = await cancel(id, { version: 1, reason: 'Vale arve' });
    expect(res.status).toBe(200);
    expect((await res.json()).actual).toMatchObject({ id, status: 'cancelled', cancelReason: 'Vale arve', version: 2 });
    expect(stored(id)).toMatchObject({ status: 'cancelled', cancel_reason: 'Vale arve', version: 2, net_cents: 100000 });
    const list = await (await t.request(base(), { as: analyst })).json();
    expect(list.map((a: { id: number; status: string }) => [a.id, a.status])).toEqual([[keep, 'active'], [id, 'cancelled']]);
    const ex = await (await t.request(`/api/budget/plans/${planId}/execution`, { as: analyst })).json();
    expect(ex.totals.actual).toEqual({ net: 100, vat: 22, gross: 122 });
    const report = await (await t.request(`/api/budget/plans/${planId}/ministry-report`, { as: analyst })).json();
    expect(report.total.actual).toEqual({ net: 100, vat: 22, gross: 122 });
    const again = await cancel(id, { version: 2, reason: 'Uuesti' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('actual_cancelled');
    expect((await patch(id, { version: 2, net: 1 })).status).toBe(409);
    const history = await (await t.request(`/api/budget/plans/${planId}/actual-history`, { as: analyst })).json();
    expect(history[0]).toMatchObject({ actualId: id, action: 'cancel', reason: 'Vale arve', changes: [{ field: 'status', old: 'active', new: 'cancelled' }] });
    expect(audits('budget_actual.cancel')).toBe(1);
    expect(() => t.db.prepare('DELETE FROM budget_actual WHERE id = ?').run(id)).toThrow(/cancelled, not deleted/);
    expect(() => t.db.prepare('DELETE FROM budget_actual_history').run()).toThrow(/append-only/);
  });
});
