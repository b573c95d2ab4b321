// A small catalogue for fast tracker tests (the full-scale tests use the shipped index):
// edition 2024, groups ISMS and OPS, three modules, nine measures, profile KOV.
import type { Db } from '../db/database.ts';

export const TEST_MEASURES = [
  { id: 'ISMS.1.M1', module: 'ISMS.1', class: 'basic', priority: 'P1' },
  { id: 'ISMS.1.M2', module: 'ISMS.1', class: 'standard', priority: 'P1' },
  { id: 'ISMS.1.M3', module: 'ISMS.1', class: 'high', priority: 'P2' },
  { id: 'OPS.1.1.2.M1', module: 'OPS.1.1.2', class: 'basic', priority: 'P2' },
  { id: 'OPS.1.1.2.M2', module: 'OPS.1.1.2', class: 'standard', priority: 'P2' },
  { id: 'OPS.1.1.2.M3', module: 'OPS.1.1.2', class: 'basic', priority: 'P3' },
  { id: 'OPS.1.2.2.M1', module: 'OPS.1.2.2', class: 'basic', priority: null },
  { id: 'OPS.1.2.2.M2', module: 'OPS.1.2.2', class: 'standard', priority: null },
  { id: 'OPS.1.2.2.M3', module: 'OPS.1.2.2', class: 'high', priority: null },
] as const;

/** Inserts the test catalogue as `edition` (default 2024). */
export function insertTestCatalog(db: Db, edition = '2024'): void {
  db.prepare(`INSERT INTO catalog_edition (id, title, imported_at) VALUES (?, ?, '2026-01-01T00:00:00Z')`).run(edition, `E-ITS ${edition}`);
  const group = db.prepare(`INSERT INTO catalog_group (edition, id, parent_id, title, kind, sort_key) VALUES (?, ?, ?, ?, ?, ?)`);
  group.run(edition, 'ISMS', null, 'Turbehaldus', 'process', '01');
  group.run(edition, 'OPS', null, 'Käitus', 'process', '04');
  const mod = db.prepare(`INSERT INTO catalog_module (edition, id, group_id, title, sort_key) VALUES (?, ?, ?, ?, ?)`);
  mod.run(edition, 'ISMS.1', 'ISMS', 'Turbehaldus', '01.1');
  mod.run(edition, 'OPS.1.1.2', 'OPS', 'Nõuetekohane IT-haldus', '04.1.1.2');
  mod.run(edition, 'OPS.1.2.2', 'OPS', 'Arhiveerimine', '04.1.2.2');
  const measure = db.prepare(
    `INSERT INTO catalog_measure (edition, id, module_id, title, class, responsible, sort_key) VALUES (?, ?, ?, ?, ?, 'Infoturbejuht', ?)`,
  );
  const profileId = Number(db.prepare(`INSERT INTO catalog_profile (edition, name) VALUES (?, 'KOV')`).run(edition).lastInsertRowid);
  const pm = db.prepare(`INSERT INTO catalog_profile_measure (profile_id, edition, measure_id, priority) VALUES (?, ?, ?, ?)`);
  TEST_MEASURES.forEach((m, i) => {
    measure.run(edition, m.id, m.module, `Meede ${m.id}`, m.class, String(i).padStart(3, '0'));
    if (m.priority) pm.run(profileId, edition, m.id, m.priority);
  });
}
