// Migration 022, statuses per object (issue 18), on a database built by migrations 001–017 with tracker data: every
// status, history row and evidence row is kept and lands on its municipality's organisation
// object, and every progress number (one municipality's, all of them, the overview) is what the
// same statuses counted before the migration.
import { describe, expect, it } from 'vitest';
import { seedKovs } from '../../scripts/seed/kov.ts';
import { getOverview } from '../reports/overview.ts';
import { entryKey } from '../tracker/engine.ts';
import { getProgress, progressOfAll, type StatusFact } from '../tracker/progress.ts';
import { listMeasures } from '../tracker/records.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';
import type { Db } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { databaseAtSchema } from './test-schema.ts';

const KOVS = ['0141', '0198', '0296'];
const STATUSES = ['implemented', 'partial', 'not_applicable', 'implemented', 'not_implemented'] as const;
const MEASURES = ['ISMS.1.M1', 'ISMS.1.M2', 'OPS.1.1.2.M1', 'OPS.1.1.2.M2', 'OPS.1.1.2.M3'];
const TODAY = '2026-06-30';

/** A database at schema 017 with the test catalogue, statuses with two versions of history each, evidence and a shared service. */
function databaseAt017(): Db {
  const db = databaseAtSchema(17);
  seedKovs(db);
  insertTestCatalog(db);
  const status = db.prepare(`INSERT INTO measure_status (ehak, edition, measure_id, status, justification, due_date, version, updated_at)
    VALUES (?, '2024', ?, ?, ?, ?, 2, '2026-03-01T10:00:00.000Z')`);
  const history = db.prepare(`INSERT INTO measure_status_history (ehak, edition, measure_id, version, old, new, changed_at)
    VALUES (?, '2024', ?, ?, ?, ?, '2026-03-01T10:00:00.000Z')`);
  const evidence = db.prepare(`INSERT INTO measure_evidence (ehak, edition, measure_id, kind, url, description, removed_at) VALUES (?, '2024', ?, 'url', ?, ?, ?)`);
  KOVS.forEach((ehak, k) => {
    MEASURES.slice(0, 3 + k).forEach((id, i) => {
      const s = STATUSES[(i + k) % STATUSES.length]!;
      status.run(ehak, id, s, s === 'not_applicable' ? 'Ei puuduta meid' : null, s === 'partial' ? '2026-01-15' : null);
      history.run(ehak, id, 1, null, JSON.stringify({ status: 'partial' }));
      history.run(ehak, id, 2, JSON.stringify({ status: 'partial' }), JSON.stringify({ status: s }));
    });
    evidence.run(ehak, 'ISMS.1.M1', `https://example.ee/${ehak}.pdf`, 'Kord', null);
    evidence.run(ehak, 'ISMS.1.M1', `https://example.ee/${ehak}-vana.pdf`, null, '2026-02-01T00:00:00.000Z');
  });
  const service = Number(db.prepare(`INSERT INTO shared_service (edition, measure_id, provider) VALUES ('2024', 'OPS.1.1.2.M2', 'ELVL')`).run().lastInsertRowid);
  db.prepare('INSERT INTO shared_service_kov (service_id, ehak) VALUES (?, ?)').run(service, '0141');
  return db;
}

const dump = (db: Db, table: string, columns: string) => db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${columns.split(',')[0]}, ehak, measure_id`).all();
const organisation = (db: Db, ehak: string) => db.prepare("SELECT id FROM target_object WHERE ehak = ? AND type = 'organisation'").pluck().get(ehak) as number;

describe('migration 022: statuses per target object', () => {
  it('keeps every status, history row and evidence row, on the organisation object, and every number', () => {
    const db = databaseAt017();
    const statusCols = 'ehak, edition, measure_id, status, description, justification, responsible, due_date, accepted_by, accepted_at, version, updated_by, updated_at';
    const historyCols = 'id, ehak, edition, measure_id, version, old, new, changed_by, changed_at';
    const evidenceCols = 'id, ehak, edition, measure_id, kind, url, description, removed_at, removed_by, added_at';
    const before = { status: dump(db, 'measure_status', statusCols), history: dump(db, 'measure_status_history', historyCols), evidence: dump(db, 'measure_evidence', evidenceCols) };
    // The numbers the same statuses gave before: counted from the old rows (no object column yet).
    const old = db.prepare('SELECT ehak, edition, measure_id, status FROM measure_status').all() as Array<{ ehak: string; edition: string; measure_id: string; status: StatusFact[3] }>;
    const facts = old.map((r): StatusFact => [r.ehak, r.edition, entryKey(organisation(db, r.ehak), r.measure_id), r.status]);
    const totalsBefore = progressOfAll(db, { facts, shared: (ehak, id) => ehak === '0141' && id === 'OPS.1.1.2.M2' });

    // Every later migration runs too; the one that moves statuses onto objects is 022.
    expect(migrate(db)).toEqual({ from: 17, to: loadMigrations().length });

    expect(dump(db, 'measure_status', statusCols)).toEqual(before.status);
    expect(dump(db, 'measure_status_history', historyCols)).toEqual(before.history);
    expect(dump(db, 'measure_evidence', evidenceCols)).toEqual(before.evidence);
    for (const table of ['measure_status', 'measure_status_history', 'measure_evidence']) {
      const misplaced = db.prepare(`SELECT count(*) FROM ${table} t JOIN target_object o ON o.id = t.object_id WHERE o.ehak <> t.ehak OR o.type <> 'organisation'`).pluck().get();
      expect(misplaced, table).toBe(0);
    }
    // History stays append-only.
    expect(() => db.prepare('DELETE FROM measure_status_history').run()).toThrow(/append-only/);

    const totalsAfter = progressOfAll(db);
    expect([...totalsAfter.entries()]).toEqual([...totalsBefore.entries()]);
    const overview = getOverview(db);
    for (const row of overview.rows) expect(row.implemented, row.ehak).toBe(totalsBefore.get(row.ehak)!.implemented);
    for (const ehak of KOVS) {
      const p = getProgress(db, ehak, TODAY)!;
      expect({ total: p.total, implemented: p.implemented, byStatus: p.byStatus }).toEqual({ total: totalsBefore.get(ehak)!.total, implemented: totalsBefore.get(ehak)!.implemented, byStatus: totalsBefore.get(ehak)!.byStatus });
      expect(p.total).toBe(listMeasures(db, ehak, {}, TODAY).length);
      expect(p.byObject).toEqual([expect.objectContaining({ objectId: organisation(db, ehak), total: p.total, implemented: p.implemented })]);
    }
    // Spot check against the raw rows: 0141 implemented ISMS.1.M1 itself, and ELVL delivers OPS.1.1.2.M2.
    expect(totalsAfter.get('0141')!.implemented).toBe(2);
  });
});
