// Writes of the structure analysis: create, change (optimistic, by version) and delete a target
// object. Each write checks the references (dependencies in the same municipality, no cycles,
// modules of the catalogue), changes the rows and records an audit entry in one transaction.
import { recordAudit, type Actor } from '../audit/record.ts';
import { moduleExists } from '../catalog/store.ts';
import { NEED_DIMENSIONS, type TargetObject, type TargetObjectCreate, type TargetObjectPatch } from '../contracts/objects.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { holdsAssessments } from '../risks/store.ts';
import { settingsOf } from '../tracker/reference.ts';
import { objectHasEvidence } from '../tracker/stores/evidence.ts';
import { objectHasStatuses } from '../tracker/stores/status.ts';
import { wouldCycle } from './need.ts';
import { dependencyMap, objectOf } from './read.ts';
import { deleteObject, insertObject, objectIdByName, objectRow, objectRows, replaceDependencies, replaceModules, updateObject, type ObjectFields, type TargetObjectRow } from './store.ts';

type FieldError = { path: string; message: string };
const invalid = (details: FieldError[]) => new ApiError(400, 'validation_failed', 'Sisendis on vigu.', details);
const DIM_COLUMN = { confidentiality: 'c', integrity: 'i', availability: 'a' } as const;

/** The row fields after applying `body` over `base` (a new object starts from the defaults). */
function merged(base: ObjectFields, body: Partial<TargetObjectCreate>, actorId: number | null): ObjectFields {
  const f: ObjectFields = { ...base, updated_by: actorId };
  if (body.name !== undefined) f.name = body.name;
  if (body.description !== undefined) f.description = body.description || null;
  if (body.count !== undefined) f.item_count = body.count;
  if (body.critical !== undefined) f.critical = body.critical ? 1 : 0;
  if (body.justification !== undefined) f.justification = body.justification || null;
  for (const dim of NEED_DIMENSIONS) {
    const col = DIM_COLUMN[dim];
    const level = body.protectionNeed?.[dim];
    if (level !== undefined) f[`need_${col}`] = level;
    const spread = body.distribution?.[dim];
    if (spread !== undefined) f[`distributed_${col}`] = spread ? 1 : 0;
  }
  return f;
}

const needKey = (f: ObjectFields) => `${f.need_c}${f.need_i}${f.need_a}${f.distributed_c}${f.distributed_i}${f.distributed_a}`;

/** Field errors of a write: name taken, unknown or cyclic dependencies, unknown modules, a need without its reason. */
function check(db: Db, ehak: string, id: number | null, before: ObjectFields | null, f: ObjectFields, body: Partial<TargetObjectCreate>): FieldError[] {
  const errors: FieldError[] = [];
  const sameName = objectIdByName(db, ehak, f.name);
  if (sameName !== undefined && sameName !== id) errors.push({ path: 'name', message: 'Selle nimega objekt on juba olemas.' });
  if (body.dependsOn) {
    const rows = objectRows(db, ehak);
    const known = new Set(rows.map((r) => r.id));
    const graph = dependencyMap(db, ehak, rows);
    body.dependsOn.forEach((dep, i) => {
      if (!known.has(dep)) errors.push({ path: `dependsOn.${i}`, message: 'Sellist objekti selles omavalitsuses ei ole.' });
      else if (id !== null && wouldCycle(graph, id, dep)) errors.push({ path: `dependsOn.${i}`, message: 'Sõltuvus tekitaks ringi: see objekt sõltub juba (kaudselt) sellest objektist.' });
    });
  }
  if (body.modules) {
    const edition = settingsOf(db, ehak)?.edition ?? '2024';
    body.modules.forEach((m, i) => {
      if (!moduleExists(db, edition, m)) errors.push({ path: `modules.${i}`, message: `Moodulit ${m} kataloogis ei ole.` });
    });
  }
  // A protection need above normal, and any change of it, is justified (E-ITS structure analysis).
  const raised = f.need_c !== 'normal' || f.need_i !== 'normal' || f.need_a !== 'normal' || f.distributed_c + f.distributed_i + f.distributed_a > 0;
  const changed = before === null ? raised : needKey(before) !== needKey(f);
  if (changed && !(body.justification ?? '').trim()) errors.push({ path: 'justification', message: 'Kaitsetarbe muutmisel kirjuta põhjendus.' });
  return errors;
}

const fieldsOf = (r: TargetObjectRow): ObjectFields => {
  const { id: _id, version: _v, created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
};

export function createObject(db: Db, ehak: string, body: TargetObjectCreate, actor: Actor): TargetObject {
  return inTransaction(db, () => {
    const base: ObjectFields = {
      ehak, type: body.type, name: body.name, description: null, item_count: 1, critical: 0,
      need_c: 'normal', need_i: 'normal', need_a: 'normal', distributed_c: 0, distributed_i: 0, distributed_a: 0,
      justification: null, updated_by: actor.id,
    };
    const f = merged(base, body, actor.id);
    const errors = check(db, ehak, null, null, f, body);
    if (errors.length) throw invalid(errors);
    const id = insertObject(db, f);
    if (body.dependsOn) replaceDependencies(db, id, [...new Set(body.dependsOn)]);
    if (body.modules) replaceModules(db, id, [...new Set(body.modules)]);
    const created = objectOf(db, ehak, id)!;
    recordAudit(db, { actorId: actor.id, action: 'object.create', entity: 'target_object', entityId: id, kov: ehak, newValue: created, ip: actor.ip });
    return created;
  });
}

export function patchObject(db: Db, ehak: string, id: number, body: TargetObjectPatch, actor: Actor): TargetObject {
  return inTransaction(db, () => {
    const row = objectRow(db, ehak, id);
    if (!row) throw notFound('Objekti ei leitud.');
    const old = objectOf(db, ehak, id)!;
    if (row.version !== body.version) {
      throw new ApiError(409, 'version_conflict', 'Keegi muutis seda objekti vahepeal. Vaata tema muudatust ja proovi uuesti.', { current: old });
    }
    const before = fieldsOf(row);
    const f = merged(before, body, actor.id);
    const errors = check(db, ehak, id, before, f, body);
    if (errors.length) throw invalid(errors);
    updateObject(db, id, body.version, f);
    if (body.dependsOn) replaceDependencies(db, id, [...new Set(body.dependsOn)]);
    if (body.modules) replaceModules(db, id, [...new Set(body.modules)]);
    const next = objectOf(db, ehak, id)!;
    recordAudit(db, { actorId: actor.id, action: 'object.update', entity: 'target_object', entityId: id, kov: ehak, oldValue: old, newValue: next, ip: actor.ip });
    return next;
  });
}

export function removeObject(db: Db, ehak: string, id: number, actor: Actor): void {
  inTransaction(db, () => {
    const old = objectOf(db, ehak, id);
    if (!old) throw notFound('Objekti ei leitud.');
    if (old.type === 'organisation') throw new ApiError(409, 'conflict', 'Organisatsiooni objekti ei saa kustutada: iga omavalitsusel on see üks.');
    // Its statuses, their history, evidence and risk decisions are the municipality's record of work: never dropped with the object.
    if (objectHasStatuses(db, id) || objectHasEvidence(db, id)) {
      throw new ApiError(409, 'conflict', 'Objektil on meetmete olekuid või tõendeid: seda ei saa kustutada. Eemalda objektilt moodulid, kui seda enam ei kasutata.');
    }
    if (holdsAssessments(db, id)) throw new ApiError(409, 'conflict', 'Objektil on riskianalüüsi otsuseid, mis peavad alles jääma: seda objekti ei saa kustutada.');
    deleteObject(db, ehak, id);
    recordAudit(db, { actorId: actor.id, action: 'object.delete', entity: 'target_object', entityId: id, kov: ehak, oldValue: old, ip: actor.ip });
  });
}
