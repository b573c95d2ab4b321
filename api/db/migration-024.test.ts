// Migration 024, shared services become solution models (issue 19), on a database with the demo data
// as it was before it (schema 023: the demo's ELVL service for ~20 municipalities, two of which record
// their own status, plus services of another provider and of ELVL for other sets): every service is a
// provider-implemented statement of a model delivered to exactly its municipalities, and every
// municipality's numbers are what the same rows counted before.
import { describe, expect, it } from 'vitest';
import { seedCatalogIndex } from '../catalog/seed.ts';
import { seedDemoAccounts } from '../../scripts/seed/accounts.ts';
import { seedKovs } from '../../scripts/seed/kov.ts';
import { seedObjectsDemo } from '../../scripts/seed/objects-demo.ts';
import type { DeliverCentrally } from '../../scripts/seed/central-demo.ts';
import { SHARED_DEMO_MEASURE, seedTrackerDemo } from '../../scripts/seed/tracker-demo.ts';
import { getOverview } from '../reports/overview.ts';
import { listModels, modelChanges } from '../solutions/read.ts';
import { entryKey } from '../tracker/engine.ts';
import { progressOfAll, type StatusFact } from '../tracker/progress.ts';
import { deliveredOf, kovList, scopeOf } from '../tracker/reference.ts';
import type { Db } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { databaseAtSchema } from './test-schema.ts';

/** The demo's central delivery as it was stored before migration 024. */
const asSharedService: DeliverCentrally = (db, d) => {
  const id = Number(db.prepare('INSERT INTO shared_service (edition, measure_id, provider, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(d.edition, d.measureId, d.provider, d.note, d.actor, d.createdAt).lastInsertRowid);
  for (const ehak of d.kovs) db.prepare('INSERT INTO shared_service_kov (service_id, ehak) VALUES (?, ?)').run(id, ehak);
};

async function demoDatabaseAt023(): Promise<Db> {
  const db = databaseAtSchema(23);
  seedKovs(db);
  seedCatalogIndex(db);
  await seedDemoAccounts(db, () => {});
  seedTrackerDemo(db, () => {}, asSharedService);
  seedObjectsDemo(db, () => {});
  // Another provider with two measures for one set, and ELVL again for a different set.
  const more = (measureId: string, provider: string, kovs: string[], note: string | null) =>
    asSharedService(db, { edition: '2024', measureId, provider, kovs, note: note as string, createdAt: '2026-02-01T10:00:00.000Z', actor: null });
  more('OPS.1.1.4.M1', 'RIT', ['0141', '0198'], 'Riigi IT keskuse haldusvõrk');
  more('OPS.1.1.3.M1', 'RIT', ['0198', '0141'], null);
  more('ISMS.1.M1', 'ELVL', ['0141'], 'ELVL-i infoturbejuhi teenus');
  return db;
}

type Service = { id: number; edition: string; measure_id: string; provider: string; note: string | null; kovs: string };

describe('migration 024: shared services become solution models', () => {
  it('keeps every service as a statement of a model delivered to exactly its municipalities, and every number', async () => {
    const db = await demoDatabaseAt023();
    const services = db.prepare(`SELECT s.*, (SELECT group_concat(ehak, ',' ORDER BY ehak) FROM shared_service_kov k WHERE k.service_id = s.id) AS kovs
      FROM shared_service s ORDER BY s.id`).all() as Service[];
    expect(services).toHaveLength(4);
    const demoKovs = services[0]!.kovs.split(',');
    expect(demoKovs.length).toBeGreaterThanOrEqual(18);

    // What the old rows counted: own statuses per object, the services on the organisation object.
    const delivers = new Set(services.flatMap((s) => s.kovs.split(',').map((ehak) => `${ehak}|${s.measure_id}`)));
    const own = db.prepare('SELECT ehak, edition, object_id, measure_id, status FROM measure_status').all() as Array<{ ehak: string; edition: string; object_id: number; measure_id: string; status: StatusFact[3] }>;
    const facts = own.map((r): StatusFact => [r.ehak, r.edition, entryKey(r.object_id, r.measure_id), r.status]);
    const before = progressOfAll(db, { facts, shared: (ehak, id) => delivers.has(`${ehak}|${id}`) });
    const overridden = demoKovs.filter((ehak) => own.some((r) => r.ehak === ehak && r.measure_id === SHARED_DEMO_MEASURE));
    expect(overridden.length).toBeGreaterThan(0);

    expect(migrate(db)).toEqual({ from: 23, to: loadMigrations().length });

    // Nothing counts differently, for any of the 79.
    const after = progressOfAll(db);
    expect([...after.entries()]).toEqual([...before.entries()]);
    for (const row of getOverview(db).rows) expect(row.implemented, row.ehak).toBe(before.get(row.ehak)!.implemented);
    const viaModel = demoKovs.filter((ehak) => !overridden.includes(ehak)).map((ehak) => after.get(ehak)!.sharedServiceImplemented);
    expect(viaModel.every((n) => n >= 1)).toBe(true);

    // One model per provider × set of municipalities, each service a statement with its note.
    const models = listModels(db).filter((m) => m.type === 'service' && m.name.startsWith('Keskne teenus'));
    const shape = models.map((m) => ({ name: m.name, provider: m.provider, draft: m.draft, kovs: m.kovs.map((k) => k.ehak).sort(), statements: m.statements }));
    const statement = (s: Service) => ({ measureId: s.measure_id, responsibility: 'provider', status: 'implemented', note: s.note, evidenceUrl: null });
    expect(shape).toEqual([
      { name: 'Keskne teenus: ELVL 1', provider: 'ELVL', draft: false, kovs: demoKovs, statements: [statement(services[0]!)] },
      { name: 'Keskne teenus: ELVL 2', provider: 'ELVL', draft: false, kovs: ['0141'], statements: [statement(services[3]!)] },
      { name: 'Keskne teenus: RIT', provider: 'RIT', draft: false, kovs: ['0141', '0198'], statements: [statement(services[2]!), statement(services[1]!)] },
    ]);
    expect(models.find((m) => m.provider === 'RIT')!.modules).toEqual(['OPS.1.1.3', 'OPS.1.1.4']);
    for (const m of models) {
      expect(modelChanges(db, m.id)).toEqual([expect.objectContaining({ version: 1, summary: expect.stringMatching(/^Üle viidud kesksetest teenustest/) })]);
      const snapshot = JSON.parse(db.prepare('SELECT snapshot FROM solution_model_history WHERE model_id = ?').pluck().get(m.id) as string);
      // Exactly the API's answer for version 1 (the API orders the municipalities by name).
      expect({ ...snapshot, kovs: new Set(snapshot.kovs) }).toEqual({ ...m, kovs: new Set(m.kovs) });
    }
    expect(db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'solution_model.migrate'`).pluck().get()).toBe(3);

    // Where each measure lands: the organisation object of exactly the listed municipalities.
    let landedAnywhere = 0;
    for (const k of kovList(db)) {
      const scope = scopeOf(db, k.ehak)!;
      const expected = services.filter((s) => s.kovs.split(',').includes(k.ehak)).map((s) => entryKey(scope.organisationId, s.measure_id)).filter((key) => scope.byKey.has(key));
      expect([...deliveredOf(db, k.ehak).keys()].sort(), k.ehak).toEqual(expected.sort());
      landedAnywhere += expected.length;
    }
    expect(landedAnywhere).toBeGreaterThanOrEqual(demoKovs.length + 3);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'shared_service%'").pluck().get()).toBe(0);
  }, 120_000);

  it('migrates an empty database too', () => {
    const db = databaseAtSchema(0);
    expect(migrate(db).to).toBe(loadMigrations().length);
    expect(db.prepare('SELECT count(*) FROM solution_model').pluck().get()).toBe(0);
  });
});
