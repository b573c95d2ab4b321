// Moves every municipality's tracker data from one catalogue edition to the next (issue 3).
// Carried measures (same id in both editions): status rows, their full history and evidence are
// COPIED to the new edition with the same versions, so history stays queryable there and the old
// edition's rows remain as the record of what was. Removed measures keep their rows in the old
// edition and are listed. New measures start not assessed (no row). Scopes switch to the new edition.
import { recordAudit } from '../audit/record.ts';
import { measureCount, measureFactsOf } from '../catalog/store.ts';
import { profileExists } from '../catalog/stores/profiles.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { moveModelsToEdition } from '../solutions/write.ts';
import { kovList } from './reference.ts';
import { DEFAULT_APPROACH, DEFAULT_PROFILE } from './scope-rule.ts';
import { copyEvidenceToEdition } from './stores/evidence.ts';
import { insertMigration } from './stores/migration.ts';
import { allScopeRows, insertScope, switchScopeEdition } from './stores/scope.ts';
import { copyStatusesToEdition, statusesOfEdition } from './stores/status.ts';

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
  /** Solution models moved to the new edition (every module and measure they name exists there). */
  solutionModelsMoved: number;
  /** Models left in the old edition because a module or measure they name is not in the new one. */
  solutionModelsLeft: string[];
  scopesSwitched: number;
  /** Municipalities whose profile name does not exist in the new edition (their scope is then empty). */
  missingProfiles: Array<{ ehak: string; profileName: string }>;
}

export function migrateEdition(db: Db, from: string, to: string, actorId: number | null = null): MigrationReport {
  if (from === to) throw new EditionMigrationError('lähte- ja sihtväljaanne on sama');
  for (const e of [from, to]) {
    if (!measureCount(db, e)) {
      throw new EditionMigrationError(`väljaannet ${e} pole andmebaasis (impordi see enne: npm run cli -- catalog import --file … --edition ${e})`);
    }
  }
  return inTransaction(db, () => {
    // Both editions' measures in catalogue order (sort key, then id).
    const before = measureFactsOf(db, from);
    const after = measureFactsOf(db, to);
    const beforeById = new Map(before.map((m) => [m.measureId, m]));
    const afterIds = new Set(after.map((m) => m.measureId));
    const carried = new Set(before.filter((m) => afterIds.has(m.measureId)).map((m) => m.measureId));
    const newMeasures = after.filter((m) => !beforeById.has(m.measureId)).map((m) => m.measureId);
    const removedMeasures = before.filter((m) => !afterIds.has(m.measureId)).map((m) => m.measureId);
    const classChanges = after.flatMap((m) => {
      const old = beforeById.get(m.measureId);
      return old && old.class !== m.class ? [{ measureId: m.measureId, from: old.class, to: m.class }] : [];
    });

    // Records on carried measures with no record yet in the target edition: copied with history and evidence.
    const copied = copyStatusesToEdition(db, from, to, carried);
    const evidenceCopied = copyEvidenceToEdition(db, from, to, copied.pairs);
    const statusesOnRemoved = statusesOfEdition(db, from)
      .filter((s) => !afterIds.has(s.measure_id))
      .map((s) => ({ ehak: s.ehak, measureId: s.measure_id, status: s.status }));

    const models = moveModelsToEdition(db, from, to, actorId);

    // Every municipality still on the old edition, or on the defaults, now works to the new one.
    const saved = new Set(allScopeRows(db).map((r) => r.ehak));
    const unsaved = kovList(db).filter((k) => !saved.has(k.ehak));
    for (const k of unsaved) insertScope(db, { ehak: k.ehak, edition: to, profile: DEFAULT_PROFILE, approach: DEFAULT_APPROACH, actor: actorId });
    const updated = switchScopeEdition(db, from, to, actorId);
    const missingProfiles = allScopeRows(db)
      .filter((r) => r.edition === to && !profileExists(db, to, r.profile_name))
      .map((r) => ({ ehak: r.ehak, profileName: r.profile_name }))
      .sort((a, b) => (a.ehak < b.ehak ? -1 : 1));

    const report: MigrationReport = {
      from,
      to,
      at: new Date().toISOString(),
      carried: carried.size,
      new: newMeasures.length,
      removed: removedMeasures.length,
      classChanges,
      newMeasures,
      removedMeasures,
      statusesCopied: copied.statuses,
      historyCopied: copied.history,
      evidenceCopied,
      statusesAlreadyInTarget: copied.alreadyInTarget,
      statusesOnRemoved,
      solutionModelsMoved: models.moved,
      solutionModelsLeft: models.left,
      scopesSwitched: unsaved.length + updated,
      missingProfiles,
    };
    const id = insertMigration(db, { from_edition: from, to_edition: to, at: report.at, report: JSON.stringify(report) });
    recordAudit(db, {
      actorId,
      action: 'catalog.migrate',
      entity: 'edition_migration',
      entityId: id,
      newValue: { from, to, carried: carried.size, new: report.new, removed: report.removed, classChanges: classChanges.length, statusesCopied: copied.statuses },
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
  lines.push(`  standardlahenduste mudeleid üle viidud: ${r.solutionModelsMoved}`);
  if (r.solutionModelsLeft.length) lines.push(`  HOIATUS: jäid väljaandesse ${r.from} (moodul või meede puudub uues): ${r.solutionModelsLeft.join(', ')}`);
  lines.push(`  omavalitsuste ulatus viidud väljaandele ${r.to}: ${r.scopesSwitched}`);
  if (r.missingProfiles.length) lines.push(`  HOIATUS: profiil puudub väljaandes ${r.to}: ${r.missingProfiles.map((m) => `${m.ehak} (${m.profileName})`).join(', ')}`);
  return lines;
}
