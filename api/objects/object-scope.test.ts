// The scope rules per target object on the shipped catalogue (E-ITS 2024, KOV profile): the numbers
// issue 18 states, through the API.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogIndex } from '../catalog/seed.ts';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';

const KOV = '0141';
let t: TestContext;
let as: string;

beforeAll(() => {
  t = createTestContext();
  seedCatalogIndex(t.db);
  as = signInAs(t.db, 'specialist', [KOV]).token;
}, 120_000);

interface Obj { id: number; version: number; type: string; measureCount: number; needMeasureCount: number }
interface Measure { measureId: string; class: string; cia: string; reason: string; priority: string | null }
const objects = async () => (await (await t.request(`/api/kovs/${KOV}/objects`, { as })).json()) as Obj[];
const measuresOf = async (id: number) => (await (await t.request(`/api/kovs/${KOV}/objects/${id}/measures`, { as })).json()) as Measure[];
const patch = async (id: number, json: object) => {
  const o = (await objects()).find((x) => x.id === id)!;
  const res = await t.request(`/api/kovs/${KOV}/objects/${id}`, { method: 'PATCH', as, json: { version: o.version, ...json } });
  expect(res.status).toBe(200);
  await totalsMatchList();
};
const setApproach = async (approach: string) => {
  expect((await t.request(`/api/kovs/${KOV}/scope`, { method: 'PUT', as, json: { approach } })).status).toBe(200);
  await totalsMatchList();
};
/** The invariant at every step: progress counts exactly the object × measure rows the list returns, per object too. */
async function totalsMatchList(): Promise<void> {
  const rows = (await (await t.request(`/api/kovs/${KOV}/measures?limit=10000`, { as })).json()) as Array<{ objectId: number }>;
  const p = (await (await t.request(`/api/kovs/${KOV}/progress`, { as })).json()) as { total: number; byObject: Array<{ objectId: number; total: number }> };
  expect(p.total).toBe(rows.length);
  for (const o of p.byObject) expect(o.total, `object ${o.objectId}`).toBe(rows.filter((r) => r.objectId === o.objectId).length);
  const objs = await objects();
  expect(objs.reduce((n, o) => n + o.measureCount, 0)).toBe(rows.length);
}

describe('measures per target object (standardturve, KOV profile)', () => {
  it('an IT system modelling SYS.2.1 takes its basic and standard measures, and the high ones its need calls for', async () => {
    const res = await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as, json: { name: 'Töökohaarvutid', type: 'it_system', count: 40, modules: ['SYS.2.1'] } });
    const { id } = (await res.json()) as Obj;
    const count = (ms: Measure[], cls: string) => ms.filter((m) => m.class === cls).length;
    let ms = await measuresOf(id);
    expect([count(ms, 'basic'), count(ms, 'standard'), count(ms, 'high')]).toEqual([6, 17, 0]);
    await totalsMatchList();

    await patch(id, { protectionNeed: { confidentiality: 'high' }, justification: 'Isikuandmed' });
    ms = await measuresOf(id);
    expect(count(ms, 'high')).toBe(8);
    // The KOV's progress counts the organisation object's 809 rows and the system's 6 + 17 + 8.
    expect(((await (await t.request(`/api/kovs/${KOV}/progress`, { as })).json()) as { total: number }).total).toBe(809 + 31);
    expect(ms.filter((m) => m.class === 'high').every((m) => m.cia.includes('C') && m.reason === 'need')).toBe(true);

    await patch(id, { protectionNeed: { confidentiality: 'normal', availability: 'high' }, justification: 'Tööpäeval vaja' });
    ms = await measuresOf(id);
    expect(count(ms, 'high')).toBe(7);
    expect((await objects()).find((o) => o.id === id)).toMatchObject({ measureCount: 30, needMeasureCount: 7 });
  });

  it('the organisation object at very high in all three takes all 986 profile measures and the 8 not classified yet', async () => {
    const org = (await objects()).find((o) => o.type === 'organisation')!;
    expect(org.measureCount).toBe(809);
    await patch(org.id, { protectionNeed: { confidentiality: 'very_high', integrity: 'very_high', availability: 'very_high' }, justification: 'Kogu asutus' });
    const ms = await measuresOf(org.id);
    expect(ms).toHaveLength(986 + 8);
    expect(ms.filter((m) => m.priority === null).map((m) => m.measureId)).toEqual(['ORP.4.M10', 'DER.3.2.M7', 'SYS.3.1.M12', 'SYS.3.1.M13', 'SYS.3.1.M14', 'SYS.3.1.M17', 'SYS.3.2.1.M11', 'SYS.3.2.1.M36']);
  });

  it('põhiturve takes basic measures only; tuumikuturve the organisation, the critical objects and what they depend on', async () => {
    let org = (await objects()).find((o) => o.type === 'organisation')!;
    await patch(org.id, { protectionNeed: { confidentiality: 'normal', integrity: 'normal', availability: 'normal' }, justification: 'Tavaline' });
    await setApproach('basic');
    org = (await objects()).find((o) => o.type === 'organisation')!;
    expect(org.measureCount).toBe(463);
    await setApproach('core');
    // The organisation object is always in play, with the former core: the profile's P1 modules.
    expect((await objects()).find((o) => o.type === 'organisation')!.measureCount).toBe(148);
    const pcs = (await objects()).find((o) => o.type === 'it_system')!;
    expect(pcs.measureCount).toBe(0);
    const app = (await (await t.request(`/api/kovs/${KOV}/objects`, { method: 'POST', as, json: { name: 'Dokumendihaldus', type: 'application', critical: true, dependsOn: [pcs.id], modules: ['APP.1.1'] } })).json()) as Obj;
    await totalsMatchList();
    const now = await objects();
    expect(now.find((o) => o.id === pcs.id)!.measureCount).toBeGreaterThan(0);
    expect(now.find((o) => o.id === app.id)!.measureCount).toBeGreaterThan(0);
    expect(now.find((o) => o.type === 'organisation')!.measureCount).toBe(148);
    await setApproach('standard');
  });
});
