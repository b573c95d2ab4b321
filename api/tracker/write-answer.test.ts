// A status write answers with the new record (the tracker page replaces the edited row with it).
// These tests hold that answer to what a fresh read returns, across statuses, due dates around
// today, centrally delivered measures, evidence and first writes, so no shortcut in the write path can drift.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { organisationObjectId } from '../objects/store.ts';
import { deliverCentrally } from '../solutions/test-delivery.ts';
import { addUrlEvidence } from './evidence.ts';
import { STATUSES } from './model.ts';
import { insertTestCatalog } from './test-catalog.ts';

const KOV = '0141';
const MEASURES = ['ISMS.1.M1', 'ISMS.1.M2', 'OPS.1.1.2.M1', 'OPS.1.1.2.M2', 'OPS.1.1.2.M3'];
let t: TestContext;
let specialist: string;

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  specialist = signInAs(t.db, 'specialist', [KOV]).token;
  // Two measures delivered centrally, one of them with evidence already attached.
  deliverCentrally(t.db, { measureId: 'ISMS.1.M1', provider: 'RIT', note: 'Keskne varundus', kovs: [KOV] });
  deliverCentrally(t.db, { measureId: 'OPS.1.1.2.M2', provider: 'ELVL', kovs: [KOV, '0198'] });
  addUrlEvidence(t.db, { ehak: KOV, edition: '2024', objectId: organisationObjectId(t.db, KOV)!, measureId: 'ISMS.1.M1' }, { url: 'https://example.ee/kord.pdf' }, { id: null });
});
afterEach(() => {
  vi.useRealTimers();
});

const read = async (measureId: string) => (await t.request(`/api/kovs/${KOV}/measures/${measureId}`, { as: specialist })).json() as Promise<Record<string, unknown>>;
const put = (measureId: string, json: unknown) => t.request(`/api/kovs/${KOV}/measures/${measureId}`, { method: 'PUT', json, as: specialist });

const text = fc.option(fc.constantFrom('Tehtud', '  Mari Maasikas  ', '', 'Vajab eelarvet'), { nil: undefined });
const date = fc.option(fc.constantFrom('2026-11-21', '2026-11-22', '2026-11-23', '2030-01-01'), { nil: undefined });
const change = fc.record({
  measureId: fc.constantFrom(...MEASURES),
  status: fc.constantFrom(...STATUSES),
  description: text,
  justification: text,
  responsible: text,
  dueDate: fc.option(date, { nil: null }),
  acceptedBy: text,
  acceptedAt: date,
});

describe('the answer to a status write', () => {
  it('is exactly what a read right after the write returns', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
    let written = 0;
    await fc.assert(
      fc.asyncProperty(change, async ({ measureId, ...fields }) => {
        const { version } = await read(measureId);
        const res = await put(measureId, { ...fields, version });
        // Invalid combinations (e.g. an accepted risk without a date) are refused and change nothing.
        if (res.status === 400) return;
        expect(res.status).toBe(200);
        written++;
        expect(await res.json()).toEqual(await read(measureId));
      }),
      { numRuns: 300, seed: 20261122 },
    );
    expect(written).toBeGreaterThan(100);
  });

  it('names the writer and starts at version 1 on a first write; an unchanged write changes nothing', async () => {
    const first = await put('OPS.1.1.2.M3', { status: 'partial', responsible: 'IT-juht', version: 0 });
    const record = await first.json();
    expect(record).toMatchObject({ version: 1, status: 'partial', updatedBy: { name: expect.stringMatching(/^Test specialist/) } });
    expect(record).toEqual(await read('OPS.1.1.2.M3'));
    const again = await put('OPS.1.1.2.M3', { status: 'partial', version: 1 });
    expect(await again.json()).toEqual(record);
  });

  it('turns a centrally delivered measure back into the own status, and back again', async () => {
    // Not assessed + shared service counts as implemented; any own status overrides it.
    expect(await read('ISMS.1.M1')).toMatchObject({ status: 'not_assessed', effectiveStatus: 'implemented' });
    const own = await (await put('ISMS.1.M1', { status: 'not_implemented', dueDate: '2020-01-01', version: 0 })).json();
    expect(own).toMatchObject({ effectiveStatus: 'not_implemented', overdue: true, sharedService: { provider: 'RIT' }, evidence: [{ url: 'https://example.ee/kord.pdf' }] });
    const back = await (await put('ISMS.1.M1', { status: 'not_assessed', version: 1 })).json();
    expect(back).toMatchObject({ effectiveStatus: 'implemented', overdue: false });
    expect(back).toEqual(await read('ISMS.1.M1'));
  });
});
