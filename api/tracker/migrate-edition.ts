// Moves every municipality's tracker data from one catalogue edition to the next (issue 3).
// Carried measures (same id in both editions): status rows, their full history and evidence are
// COPIED to the new edition with the same versions, so history stays queryable there and the old
// edition's rows remain as the record of what was. Removed measures keep their rows in the old
// edition and are listed. New measures start not assessed (no row). Scopes switch to the new edition.
import { recordAudit } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { DEFAULT_APPROACH, DEFAULT_PROFILE } from './scope.ts';

export class EditionMigrationError extends Error {}

export interface MigrationReport {
  from: string;
  to: string;
  at: string;
  carried: number;
  new: number;
  removed: number;
  classChanges: Array<{ measureId: string; from: string; to: string }>;
  newMeasures: string[];
  removedMeasures: string[];
  statusesCopied: number;
  historyCopied: number;
  evidenceCopied: number;
  /** Carried statuses not copied because the municipality already has a record in the new edition. */
  statusesAlreadyInTarget: number;
  /** Statuses on removed measures: kept in the old edition, listed here. */
  statusesOnRemoved: Array<{ ehak: string; measureId: string; status: string }>;
  sharedServicesMoved: number;
  scopesSwitched: number;
  /** Municipalities whose profile name does not exist in the new edition (their scope is then empty). */
  missingProfiles: Array<{ ehak: string; profileName: string }>;
}

const count = (db: Db, sql: string, params: Record<string, string>) => (db.prepare(sql).pluck().get(params) as number) ?? 0;

export function migrateEdition(db: Db, from: string, to: string, actorId: number | null = null): MigrationReport {
  if (from === to) throw new EditionMigrationError('lähte- ja sihtväljaanne on sama');
  const p = { from, to };
  for (const e of [from, to]) {
    if (!count(db, 'SELECT count(*) FROM catalog_measure WHERE edition = @e', { e })) {
      throw new EditionMigrationError(`väljaannet ${e} pole andmebaasis (impordi see enne: npm run cli -- catalog import --file … --edition ${e})`);
    }
  }
  return inTransaction(db, () => {
    const ids = (sql: string) => db.prepare(sql).pluck().all(p) as string[];
    const ORDER = 'ORDER BY sort_key, id';
    const newMeasures = ids(`SELECT id FROM catalog_measure b WHERE edition = @to AND NOT EXISTS (SELECT 1 FROM catalog_measure a WHERE a.edition = @from AND a.id = b.id) ${ORDER}`);
    const removedMeasures = ids(`SELECT id FROM catalog_measure a WHERE edition = @from AND NOT EXISTS (SELECT 1 FROM catalog_measure b WHERE b.edition = @to AND b.id = a.id) ${ORDER}`);
    const carried = count(db, 'SELECT count(*) FROM catalog_measure a JOIN catalog_measure b ON b.edition = @to AND b.id = a.id WHERE a.edition = @from', p);
    const classChanges = db
      .prepare(
        `SELECT a.id AS measureId, a.class AS "from", b.class AS "to" FROM catalog_measure a
         JOIN catalog_measure b ON b.edition = @to AND b.id = a.id WHERE a.edition = @from AND a.class <> b.class ORDER BY b.sort_key, b.id`,
      )
      .all(p) as MigrationReport['classChanges'];

    // The (municipality, measure) pairs to copy: carried, and no record yet in the target edition.
    db.exec('DROP TABLE IF EXISTS temp.migrating; CREATE TEMP TABLE migrating (ehak TEXT NOT NULL, measure_id TEXT NOT NULL, PRIMARY KEY (ehak, measure_id)) WITHOUT ROWID');
    db.prepare(
      `INSERT INTO temp.migrating SELECT s.ehak, s.measure_id FROM measure_status s
       WHERE s.edition = @from AND EXISTS (SELECT 1 FROM catalog_measure b WHERE b.edition = @to AND b.id = s.measure_id)
         AND NOT EXISTS (SELECT 1 FROM measure_status t WHERE t.ehak = s.ehak AND t.edition = @to AND t.measure_id = s.measure_id)`,
    ).run(p);
    const statusesAlreadyInTarget = count(
      db,
      `SELECT count(*) FROM measure_status s JOIN measure_status t ON t.ehak = s.ehak AND t.edition = @to AND t.measure_id = s.measure_id WHERE s.edition = @from`,
      p,
    );
    const IN_MIGRATING = `(x.ehak, x.measure_id) IN (SELECT ehak, measure_id FROM temp.migrating)`;
    const statusesCopied = db
      .prepare(
        `INSERT INTO measure_status (ehak, edition, measure_id, status, description, justification, responsible, due_date, accepted_by, accepted_at, version, updated_by, updated_at)
         SELECT ehak, @to, measure_id, status, description, justification, responsible, due_date, accepted_by, accepted_at, version, updated_by, updated_at
         FROM measure_status x WHERE x.edition = @from AND ${IN_MIGRATING}`,
      )
      .run(p).changes;
    const historyCopied = db
      .prepare(
        `INSERT INTO measure_status_history (ehak, edition, measure_id, version, old, new, changed_by, changed_at)
         SELECT ehak, @to, measure_id, version, old, new, changed_by, changed_at
         FROM measure_status_history x WHERE x.edition = @from AND ${IN_MIGRATING} ORDER BY x.id`,
      )
      .run(p).changes;
    const evidenceCopied = db
      .prepare(
        `INSERT INTO measure_evidence (ehak, edition, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, added_at)
         SELECT ehak, @to, measure_id, kind, url, file_name, storage_key, sha256, size, content_type, added_by, added_at
         FROM measure_evidence x WHERE x.edition = @from AND ${IN_MIGRATING} ORDER BY x.id`,
      )
      .run(p).changes;
    db.exec('DROP TABLE temp.migrating');

    const statusesOnRemoved = db
      .prepare(
        `SELECT s.ehak, s.measure_id AS measureId, s.status FROM measure_status s
         WHERE s.edition = @from AND NOT EXISTS (SELECT 1 FROM catalog_measure b WHERE b.edition = @to AND b.id = s.measure_id)
         ORDER BY s.ehak, s.measure_id`,
      )
      .all(p) as MigrationReport['statusesOnRemoved'];

    const sharedServicesMoved = db
      .prepare(
        `UPDATE shared_service SET edition = @to WHERE edition = @from
           AND EXISTS (SELECT 1 FROM catalog_measure b WHERE b.edition = @to AND b.id = shared_service.measure_id)
           AND NOT EXISTS (SELECT 1 FROM shared_service t WHERE t.edition = @to AND t.measure_id = shared_service.measure_id AND t.provider = shared_service.provider)`,
      )
      .run(p).changes;

    // Every municipality still on the old edition, or on the defaults, now works to the new one.
    const inserted = db
      .prepare(
        `INSERT INTO kov_scope (ehak, edition, profile_name, approach, updated_by)
         SELECT ehak, @to, '${DEFAULT_PROFILE}', '${DEFAULT_APPROACH}', @actor FROM kov WHERE ehak NOT IN (SELECT ehak FROM kov_scope)`,
      )
      .run({ ...p, actor: actorId }).changes;
    const updated = db
      .prepare(`UPDATE kov_scope SET edition = @to, updated_by = @actor, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE edition = @from`)
      .run({ ...p, actor: actorId }).changes;
    const missingProfiles = db
      .prepare(
        `SELECT s.ehak, s.profile_name AS profileName FROM kov_scope s
         WHERE s.edition = @to AND NOT EXISTS (SELECT 1 FROM catalog_profile c WHERE c.edition = @to AND c.name = s.profile_name) ORDER BY s.ehak`,
      )
      .all(p) as MigrationReport['missingProfiles'];

    const report: MigrationReport = {
      from,
      to,
      at: new Date().toISOString(),
      carried,
      new: newMeasures.length,
      removed: removedMeasures.length,
      classChanges,
      newMeasures,
      removedMeasures,
      statusesCopied,
      historyCopied,
      evidenceCopied,
      statusesAlreadyInTarget,
      statusesOnRemoved,
      sharedServicesMoved,
      scopesSwitched: inserted + updated,
      missingProfiles,
    };
    const id = db.prepare('INSERT INTO edition_migration (from_edition, to_edition, at, report) VALUES (?, ?, ?, ?)').run(from, to, report.at, JSON.stringify(report)).lastInsertRowid;
    recordAudit(db, {
      actorId,
      action: 'catalog.migrate',
      entity: 'edition_migration',
      entityId: Number(id),
      newValue: { from, to, carried, new: report.new, removed: report.removed, classChanges: classChanges.length, statusesCopied },
    });
    return report;
  });
}

/** The report as lines for the terminal (Estonian). */
export function formatMigrationReport(r: MigrationReport): string[] {
  const lines = [
    `E-ITS ${r.from} → ${r.to}`,
    `  üle kantud meetmeid: ${r.carried}`,
    `  uusi meetmeid: ${r.new} (alustavad olekuga „hindamata”)`,
    `  eemaldatud meetmeid: ${r.removed}${r.removedMeasures.length ? ` (${r.removedMeasures.join(', ')})` : ''}`,
    `  klassi muutusi: ${r.classChanges.length}`,
    ...r.classChanges.map((c) => `    ${c.measureId}: ${c.from} → ${c.to}`),
    `  kopeeritud olekuid: ${r.statusesCopied}, ajaloo kirjeid: ${r.historyCopied}, tõendeid: ${r.evidenceCopied}`,
  ];
  if (r.statusesAlreadyInTarget) lines.push(`  sihtväljaandes juba olemas (jäeti alles): ${r.statusesAlreadyInTarget}`);
  if (r.statusesOnRemoved.length) {
    lines.push(`  olekud eemaldatud meetmetel (jäävad väljaandesse ${r.from}): ${r.statusesOnRemoved.length}`);
    for (const s of r.statusesOnRemoved.slice(0, 50)) lines.push(`    ${s.ehak} ${s.measureId}: ${s.status}`);
  }
  lines.push(`  keskseid teenuseid üle viidud: ${r.sharedServicesMoved}`, `  omavalitsuste ulatus viidud väljaandele ${r.to}: ${r.scopesSwitched}`);
  if (r.missingProfiles.length) lines.push(`  HOIATUS: profiil puudub väljaandes ${r.to}: ${r.missingProfiles.map((m) => `${m.ehak} (${m.profileName})`).join(', ')}`);
  return lines;
}
