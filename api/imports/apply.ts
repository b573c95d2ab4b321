// Applying an import and undoing it: all or nothing in one transaction, every status write through
// the tracker's one write path (writeStatus: record + history row "imporditud failist …") and one
// audit entry for the whole import. Apply answers 422 while a row is refused and 409 when a record
// moved since the preview; undo answers 409 when a later change touched any of its records.
import { recordAudit, type Actor } from '../audit/record.ts';
import type { ImportFields, ImportResult, ImportRow } from '../contracts/imports.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { createObject } from '../objects/write.ts';
import { objectIdByName, objectRows } from '../objects/store.ts';
import { measureInScope } from '../tracker/records.ts';
import { settingsOf } from '../tracker/reference.ts';
import { currentRow, mergeFields, writeStatus } from '../tracker/status-write.ts';
import type { PreviewData } from './preview.ts';
import { importRow, markApplied, markUndone } from './store.ts';
import { pushTo } from '../lib/group.ts';

/** What undo needs of each record an apply wrote: its object, the version it got and the fields before. */
interface Written {
  objectId: number;
  measureId: string;
  edition: string;
  version: number;
  before: ImportFields | null;
}

const moved = (measureId: string) =>
  new ApiError(409, 'version_conflict', `Meetme ${measureId} seisu on pärast eelvaadet muudetud. Laadi fail uuesti, et näha praegust seisu.`, { measureId });

/**
 * Writes the rows' new fields on one target object (a measure outside the object's scope refuses the
 * whole import: the caller's transaction rolls back). Each write is recorded with its object, so undo
 * addresses the same record.
 */
export function applyImportRows(db: Db, ehak: string, objectId: number, rows: ImportRow[], actor: Actor, note: string): Written[] {
  const edition = settingsOf(db, ehak)!.edition;
  return rows.map((r) => {
    if (!measureInScope(db, ehak, r.measureId, objectId)) {
      throw new ApiError(422, 'rows_refused', 'Faili ei saa rakendada: rida on vigane.', [{ line: r.line, measureId: r.measureId, reason: `Meede ${r.measureId} ei kuulu objekti ulatusse.` }]);
    }
    const old = currentRow(db, ehak, edition, objectId, r.measureId);
    if ((old?.version ?? 0) !== r.version) throw moved(r.measureId);
    // A sheet names people, not accounts: the owner account and the risk review date stay as they are.
    const next = { ...r.after!, ownerUserId: old?.ownerUserId ?? null, reviewDate: old?.reviewDate ?? null };
    const version = writeStatus(db, ehak, edition, objectId, r.measureId, old, next, actor, { action: 'measure_status.import', audit: false, note });
    return { objectId, measureId: r.measureId, edition, version, before: r.before };
  });
}

function load(db: Db, ehak: string, id: number) {
  const row = importRow(db, ehak, id);
  if (!row) throw notFound('Importi ei leitud.');
  return { row, preview: JSON.parse(row.preview) as PreviewData };
}

export function applyImport(db: Db, ehak: string, id: number, actor: Actor): ImportResult {
  return inTransaction(db, () => {
    const { row, preview } = load(db, ehak, id);
    if (row.state !== 'preview') throw new ApiError(409, 'already_applied', 'See import on juba rakendatud.');
    const refused = preview.rows.filter((r) => r.outcome === 'refused');
    if (refused.length) {
      throw new ApiError(422, 'rows_refused', `Faili ei saa rakendada: ${refused.length} rida on vigased.`, refused.map((r) => ({ line: r.line, measureId: r.measureId, reason: r.reason })));
    }
    for (const o of preview.objectsToCreate) {
      if (objectIdByName(db, ehak, o.name) === undefined) createObject(db, ehak, { name: o.name, type: o.type, modules: o.modules }, actor);
    }
    const organisation = objectRows(db, ehak).find((o) => o.type === 'organisation')!.id;
    const byObject = new Map<number, ImportRow[]>();
    for (const r of preview.rows.filter((x) => x.outcome === 'new' || x.outcome === 'changed')) {
      const objectId = r.objectName ? (objectIdByName(db, ehak, r.objectName) ?? organisation) : organisation;
      pushTo(byObject, objectId, r);
    }
    const note = `imporditud failist ${row.file_name}`;
    const written = [...byObject].flatMap(([objectId, rows]) => applyImportRows(db, ehak, objectId, rows, actor, note));
    markApplied(db, id, JSON.stringify(written), actor.id);
    recordAudit(db, {
      actorId: actor.id, action: 'import.apply', entity: 'status_import', entityId: id, kov: ehak,
      newValue: { fileName: row.file_name, format: row.format, summary: preview.summary, written: written.length, objectsCreated: preview.objectsToCreate.map((o) => o.name) },
      ip: actor.ip ?? null,
    });
    return { id, state: 'applied', written: written.length };
  });
}

/** Restores the fields every record had before the import, while nobody has changed them since. */
export function undoImport(db: Db, ehak: string, id: number, actor: Actor): ImportResult {
  return inTransaction(db, () => {
    const { row } = load(db, ehak, id);
    if (row.state !== 'applied') throw new ApiError(409, 'not_applied', 'Tagasi saab võtta ainult rakendatud importi.');
    const written = JSON.parse(row.applied ?? '[]') as Written[];
    const note = `failist ${row.file_name} imporditu tagasivõtmine`;
    for (const w of written) {
      const old = currentRow(db, ehak, w.edition, w.objectId, w.measureId);
      if ((old?.version ?? 0) !== w.version) {
        throw new ApiError(409, 'changed_since', `Meetme ${w.measureId} seisu on pärast importi muudetud, importi ei saa enam tervikuna tagasi võtta.`, { measureId: w.measureId });
      }
      const before = w.before ?? mergeFields(null, { status: 'not_assessed' });
      writeStatus(db, ehak, w.edition, w.objectId, w.measureId, old, { ...before, ownerUserId: old?.ownerUserId ?? null, reviewDate: old?.reviewDate ?? null }, actor, { action: 'measure_status.import_undo', audit: false, note });
    }
    markUndone(db, id, actor.id);
    recordAudit(db, { actorId: actor.id, action: 'import.undo', entity: 'status_import', entityId: id, kov: ehak, newValue: { fileName: row.file_name, restored: written.length }, ip: actor.ip ?? null });
    return { id, state: 'undone', written: written.length };
  });
}
