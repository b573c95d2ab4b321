// Writes of solution models (admin) and their adoption by a municipality. Each write checks modules and
// measures against the catalogue, changes the rows, appends the model's history (what adopting
// municipalities read) and records an audit entry in one transaction.
import { recordAudit, type Actor } from '../audit/record.ts';
import { measureExists, moduleExists } from '../catalog/store.ts';
import type { TargetObject } from '../contracts/objects.ts';
import type { AdoptSolution, SolutionModel, SolutionModelCreate, SolutionModelPatch } from '../contracts/solutions.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { objectOf } from '../objects/read.ts';
import { createObject } from '../objects/write.ts';
import { kovList } from '../tracker/reference.ts';
import { DEFAULT_EDITION } from '../tracker/scope-rule.ts';
import { listModels, modelOf } from './read.ts';
import { insertModel, insertModelHistory, modelIdByName, modelRow, replaceModelKovs, replaceModules, replaceStatements, setModelEdition, setObjectModel, updateModel, type ModelFields } from './store.ts';

type FieldError = { path: string; message: string };
const invalid = (details: FieldError[]) => new ApiError(400, 'validation_failed', 'Sisendis on vigu.', details);

function check(db: Db, id: number | null, f: ModelFields, body: Partial<SolutionModelCreate>): FieldError[] {
  const errors: FieldError[] = [];
  const same = modelIdByName(db, f.name);
  if (same !== undefined && same !== id) errors.push({ path: 'name', message: 'Selle nimega mudel on juba olemas.' });
  body.modules?.forEach((m, i) => {
    if (!moduleExists(db, f.edition, m)) errors.push({ path: `modules.${i}`, message: `Moodulit ${m} kataloogis ei ole.` });
  });
  if (body.kovs) {
    const known = new Set(kovList(db).map((k) => k.ehak));
    body.kovs.forEach((ehak, i) => {
      if (!known.has(ehak)) errors.push({ path: `kovs.${i}`, message: `Tundmatu EHAK-kood ${ehak}.` });
    });
  }
  const seen = new Set<string>();
  body.statements?.forEach((s, i) => {
    if (!measureExists(db, f.edition, s.measureId)) errors.push({ path: `statements.${i}.measureId`, message: `Meedet ${s.measureId} kataloogis ei ole.` });
    else if (seen.has(s.measureId)) errors.push({ path: `statements.${i}.measureId`, message: `Meede ${s.measureId} on loetelus kaks korda.` });
    seen.add(s.measureId);
  });
  return errors;
}

function merged(base: ModelFields, body: Partial<SolutionModelCreate>, actorId: number | null): ModelFields {
  const f: ModelFields = { ...base, updated_by: actorId };
  if (body.name !== undefined) f.name = body.name;
  if (body.provider !== undefined) f.provider = body.provider;
  if (body.description !== undefined) f.description = body.description || null;
  if (body.kbSlug !== undefined) f.kb_slug = body.kbSlug || null;
  if (body.draft !== undefined) f.draft = body.draft ? 1 : 0;
  if (body.protectionNeed?.confidentiality) f.need_c = body.protectionNeed.confidentiality;
  if (body.protectionNeed?.integrity) f.need_i = body.protectionNeed.integrity;
  if (body.protectionNeed?.availability) f.need_a = body.protectionNeed.availability;
  return f;
}

function saveParts(db: Db, id: number, body: Partial<SolutionModelCreate>): void {
  if (body.modules) replaceModules(db, id, [...new Set(body.modules)]);
  if (body.kovs) replaceModelKovs(db, id, [...new Set(body.kovs)]);
  if (body.statements) {
    replaceStatements(db, id, body.statements.map((s) => ({ measure_id: s.measureId, responsibility: s.responsibility, status: s.status, note: s.note || null, evidence_url: s.evidenceUrl })));
  }
}

function remember(db: Db, model: SolutionModel, summary: string, actor: Actor): void {
  insertModelHistory(db, { model_id: model.id, version: model.version, summary, snapshot: JSON.stringify(model), changed_by: actor.id });
}

export function createModel(db: Db, body: SolutionModelCreate, actor: Actor, edition = DEFAULT_EDITION): SolutionModel {
  return inTransaction(db, () => {
    const base: ModelFields = {
      name: body.name, type: body.type, provider: body.provider, description: null, kb_slug: null, edition,
      need_c: 'normal', need_i: 'normal', need_a: 'normal', draft: 1, updated_by: actor.id,
    };
    const f = merged(base, body, actor.id);
    const errors = check(db, null, f, body);
    if (errors.length) throw invalid(errors);
    const id = insertModel(db, f);
    saveParts(db, id, body);
    const created = modelOf(db, id)!;
    remember(db, created, 'Mudel loodud.', actor);
    recordAudit(db, { actorId: actor.id, action: 'solution_model.create', entity: 'solution_model', entityId: id, newValue: created, ip: actor.ip });
    return created;
  });
}

export function patchModel(db: Db, id: number, body: SolutionModelPatch, actor: Actor): SolutionModel {
  return inTransaction(db, () => {
    const row = modelRow(db, id);
    if (!row) throw notFound('Sellist mudelit ei ole.');
    const old = modelOf(db, id)!;
    if (row.version !== body.version) throw new ApiError(409, 'version_conflict', 'Keegi muutis seda mudelit vahepeal. Vaata tema muudatust ja proovi uuesti.', { current: old });
    const { id: _id, version: _v, updated_at: _u, ...base } = row;
    const f = merged(base, body, actor.id);
    const errors = check(db, id, f, body);
    if (errors.length) throw invalid(errors);
    updateModel(db, id, body.version, f);
    saveParts(db, id, body);
    const next = modelOf(db, id)!;
    remember(db, next, body.summary ?? 'Mudelit muudeti.', actor);
    recordAudit(db, { actorId: actor.id, action: 'solution_model.update', entity: 'solution_model', entityId: id, oldValue: old, newValue: next, ip: actor.ip });
    return next;
  });
}

/** A municipality adopts a model: a new object of the model's type, modules and need, linked to it. */
export function adoptModel(db: Db, ehak: string, body: AdoptSolution, actor: Actor): TargetObject {
  return inTransaction(db, () => {
    const model = modelOf(db, body.solutionModel);
    if (!model) throw invalid([{ path: 'solutionModel', message: 'Sellist standardlahenduse mudelit ei ole.' }]);
    const raised = Object.values(model.protectionNeed).some((l) => l !== 'normal');
    const object = createObject(db, ehak, {
      name: body.name ?? model.name,
      type: model.type as Exclude<TargetObject['type'], 'organisation'>,
      modules: model.modules,
      protectionNeed: model.protectionNeed,
      ...(raised ? { justification: `Standardlahenduse „${model.name}“ vaikimisi kaitsetarve (ELVL-i mudel).` } : {}),
    }, actor);
    setObjectModel(db, object.id, model.id);
    recordAudit(db, { actorId: actor.id, action: 'solution_model.adopt', entity: 'target_object', entityId: object.id, kov: ehak, newValue: { solutionModel: model.id, version: model.version }, ip: actor.ip });
    return objectOf(db, ehak, object.id)!;
  });
}

/**
 * The edition migration (api/tracker/migrate-edition.ts): a model of the old edition moves to the new
 * one, as a new version in its history, when every module and measure it names exists there; any
 * other is left in the old edition (its statements then count nowhere) and named, for ELVL to redo.
 */
export function moveModelsToEdition(db: Db, from: string, to: string, actorId: number | null): { moved: number; left: string[] } {
  let moved = 0;
  const left: string[] = [];
  for (const m of listModels(db).filter((x) => x.edition === from)) {
    const fits = m.modules.every((id) => moduleExists(db, to, id)) && m.statements.every((st) => measureExists(db, to, st.measureId));
    if (!fits) {
      left.push(m.name);
      continue;
    }
    setModelEdition(db, m.id, to, actorId);
    remember(db, modelOf(db, m.id)!, `Viidud E-ITS-i väljaandele ${to}.`, { id: actorId });
    moved++;
  }
  return { moved, left };
}
