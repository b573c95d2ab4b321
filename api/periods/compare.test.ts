import { beforeEach, describe, expect, it } from 'vitest';
import { KovPeriodSchema, PeriodCompareSchema, PeriodReportSchema } from '../contracts/periods.ts';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';

const KOV = '0141';
const OTHER = '0198';
let t: TestContext;
let analyst: string;
let specialist: string;
let viewer: string;

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  analyst = signInAs(t.db, 'analyst').token;
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
  viewer = signInAs(t.db, 'viewer', [KOV]).token;
});

const post = (path: string, as: string, json: unknown = {}) => t.request(`/api${path}`, { method: 'POST', json, as });
const get = (path: string, as = analyst) => t.request(`/api${path}`, { as });
const open = async (name: string) => ((await (await post('/reporting-periods', analyst, { name, deadline: '2099-12-31' })).json()) as { id: number }).id;
const submit = async (id: number) => expect((await post(`/kovs/${KOV}/reporting-periods/${id}/submit`, specialist)).status).toBe(200);
let versions = new Map<string, number>();
const setStatus = async (measureId: string, status: string) => {
  const res = await t.request(`/api/kovs/${KOV}/measures/${measureId}`, { method: 'PUT', json: { status, version: versions.get(measureId) ?? 0 }, as: specialist });
  expect(res.status).toBe(200);
  versions.set(measureId, ((await res.json()) as { version: number }).version);
};
beforeEach(() => (versions = new Map()));

describe('comparing a period', () => {
  it('with now: frozen figures beside today’s engine figures, the difference, state and lateness apart', async () => {
    const id = await open('2026');
    await setStatus('ISMS.1.M1', 'implemented');
    await submit(id);
    await setStatus('ISMS.1.M2', 'implemented');
    const res = await get(`/reporting-periods/${id}/compare?with=now`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(PeriodCompareSchema.parse(body)).toEqual(body);
    expect(body.kovs).toHaveLength(79);
    expect(body.with).toMatchObject({ kind: 'now', id: null });
    const own = body.kovs.find((k: { ehak: string }) => k.ehak === KOV);
    const progress = await (await get(`/kovs/${KOV}/progress`)).json();
    expect(own).toMatchObject({ state: 'submitted', late: false, otherState: null, otherLate: null });
    expect(own.figures).toMatchObject({ implemented: 1, total: progress.total });
    expect(own.other).toMatchObject({ implemented: 2, implementedShare: progress.implementedShare, classShare: { basic: progress.byClass.basic.share } });
    expect(own.difference.implemented).toBe(-1);
    expect(own.difference.implementedShare).toBeCloseTo(own.figures.implementedShare - progress.implementedShare, 12);
    // Not submitted: no frozen figures, so no difference; today's side is still there.
    const other = body.kovs.find((k: { ehak: string }) => k.ehak === OTHER);
    expect(other).toMatchObject({ state: 'not_started', figures: null, difference: null, other: expect.objectContaining({ implemented: 0 }) });
    expect(body.summary).toMatchObject({ compared: 1, improved: 0, declined: 1, unchanged: 0 });
    expect(body.summary.implementedShare.other).toBe(progress.implementedShare);
  });

  it('with another period: both sides frozen, the other state given', async () => {
    const first = await open('2025');
    await setStatus('ISMS.1.M1', 'implemented');
    await submit(first);
    const second = await open('2026');
    await setStatus('ISMS.1.M2', 'implemented');
    await submit(second);
    await setStatus('OPS.1.1.2.M1', 'implemented');
    const body = await (await get(`/reporting-periods/${second}/compare?with=${first}`)).json();
    expect(body.with).toEqual({ kind: 'period', id: first, name: '2025' });
    const own = body.kovs.find((k: { ehak: string }) => k.ehak === KOV);
    expect(own).toMatchObject({ state: 'submitted', otherState: 'submitted', otherLate: false });
    expect([own.figures.implemented, own.other.implemented, own.difference.implemented]).toEqual([2, 1, 1]);
    expect(body.summary).toMatchObject({ compared: 1, improved: 1, declined: 0 });
  });

  it('answers 400 for a bad `with`, 404 for an unknown period on either side, 403 without reports.read', async () => {
    const id = await open('2026');
    expect((await get(`/reporting-periods/${id}/compare?with=eile`)).status).toBe(400);
    expect((await get(`/reporting-periods/${id}/compare`)).status).toBe(400);
    expect((await get(`/reporting-periods/${id}/compare?with=999`)).status).toBe(404);
    expect((await get(`/reporting-periods/999/compare?with=now`)).status).toBe(404);
    expect((await get(`/reporting-periods/${id}/compare?with=now`, specialist)).status).toBe(403);
  });
});

describe('the period report as JSON', () => {
  it('gives the same rows as the period, as a download, for reports.read only', async () => {
    const id = await open('2026 I');
    await setStatus('ISMS.1.M1', 'implemented');
    await submit(id);
    const res = await get(`/reporting-periods/${id}/report.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/aruandeperiood-2026-i-\d{4}-\d{2}-\d{2}\.json/);
    const body = await res.json();
    expect(PeriodReportSchema.parse(body)).toEqual(body);
    const period = await (await get(`/reporting-periods/${id}`)).json();
    expect(body.kovs).toEqual(period.kovs);
    expect(body.period).toEqual({ id, name: '2026 I', deadline: '2099-12-31', openedAt: period.openedAt, closedAt: null });
    expect((await get(`/reporting-periods/${id}/report.json`, specialist)).status).toBe(403);
  });
});

describe("the municipality's view of one period (council page)", () => {
  it('gives the row of a period that is not the newest open one, to the municipality’s own users only', async () => {
    const first = await open('2025');
    await setStatus('ISMS.1.M1', 'implemented');
    await submit(first);
    await open('2026');
    const res = await get(`/kovs/${KOV}/reporting-periods/${first}`, viewer);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(KovPeriodSchema.parse(body)).toEqual(body);
    const period = await (await get(`/reporting-periods/${first}`)).json();
    expect(body.period).toMatchObject({ id: first, name: '2025' });
    expect(body.kov).toEqual(period.kovs.find((k: { ehak: string }) => k.ehak === KOV));
    expect(body.history.map((h: { to: string }) => h.to)).toEqual(['submitted']);
    expect(body.can).toEqual({ submit: false, confirm: false, conclude: false, reopen: false });
    expect((await get(`/kovs/${OTHER}/reporting-periods/${first}`, viewer)).status).toBe(404);
    expect((await get(`/kovs/${KOV}/reporting-periods/999`, viewer)).status).toBe(404);
  });
});
