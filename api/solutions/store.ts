// Solution models, their modules, statements, municipalities and history (tables solution_model,
// solution_model_module, solution_statement, solution_model_kov, solution_model_history) and the
// adoption link on target_object: the one module that runs SQL on them.
import type { NeedLevel, ObjectType } from '../contracts/objects.ts';
import type { Responsibility } from '../contracts/solutions.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

export interface SolutionModelRow {
  id: number;
  name: string;
  type: Exclude<ObjectType, 'organisation'>;
  provider: string;
  description: string | null;
  kb_slug: string | null;
  edition: string;
  need_c: NeedLevel;
  need_i: NeedLevel;
  need_a: NeedLevel;
  draft: 0 | 1;
  version: number;
  updated_by: number | null;
  updated_at: string;
}
export type ModelFields = Omit<SolutionModelRow, 'id' | 'version' | 'updated_at'>;

export interface StatementRow {
  model_id: number;
  measure_id: string;
  responsibility: Responsibility;
  status: string;
  note: string | null;
  evidence_url: string | null;
}

/** A provider-implemented statement with its model's edition and provider. */
export interface ProvidedRow {
  model_id: number;
  edition: string;
  measure_id: string;
  provider: string;
  note: string | null;
}

/** A row of solution_model_kov: the model is delivered to the municipality's organisation as a whole. */
export interface ModelKovRow {
  model_id: number;
  ehak: string;
}

export interface ModelHistoryRow {
  model_id: number;
  version: number;
  summary: string;
  changed_by: number | null;
  changed_at: string;
}

const ALL = prepared<[], SolutionModelRow>('SELECT * FROM solution_model ORDER BY name COLLATE NOCASE, id');
const ONE = prepared<[number], SolutionModelRow>('SELECT * FROM solution_model WHERE id = ?');
const BY_NAME = prepared<[string], { id: number }>('SELECT id FROM solution_model WHERE name = ? COLLATE NOCASE');
const INSERT = prepared<[ModelFields], unknown>(
  `INSERT INTO solution_model (name, type, provider, description, kb_slug, edition, need_c, need_i, need_a, draft, updated_by)
   VALUES (@name, @type, @provider, @description, @kb_slug, @edition, @need_c, @need_i, @need_a, @draft, @updated_by)`,
);
const UPDATE = prepared<[ModelFields & { id: number; version: number }], unknown>(
  `UPDATE solution_model SET name = @name, provider = @provider, description = @description, kb_slug = @kb_slug,
     need_c = @need_c, need_i = @need_i, need_a = @need_a, draft = @draft, updated_by = @updated_by,
     version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
   WHERE id = @id AND version = @version`,
);
const SET_EDITION = prepared<[string, number | null, number], unknown>(
  `UPDATE solution_model SET edition = ?, updated_by = ?, version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
);
const MODULES = prepared<[], { model_id: number; module_id: string }>('SELECT model_id, module_id FROM solution_model_module ORDER BY model_id, module_id');
const CLEAR_MODULES = prepared<[number], unknown>('DELETE FROM solution_model_module WHERE model_id = ?');
const ADD_MODULE = prepared<[number, string], unknown>('INSERT INTO solution_model_module (model_id, module_id) VALUES (?, ?)');
const STATEMENTS = prepared<[], StatementRow>('SELECT * FROM solution_statement ORDER BY model_id, measure_id');
const CLEAR_STATEMENTS = prepared<[number], unknown>('DELETE FROM solution_statement WHERE model_id = ?');
const ADD_STATEMENT = prepared<[StatementRow], unknown>(
  `INSERT INTO solution_statement (model_id, measure_id, responsibility, status, note, evidence_url)
   VALUES (@model_id, @measure_id, @responsibility, @status, @note, @evidence_url)`,
);
const ADOPTERS = prepared<[], { model_id: number; n: number }>(
  'SELECT solution_model_id AS model_id, count(*) AS n FROM target_object WHERE solution_model_id IS NOT NULL GROUP BY solution_model_id',
);
const ADOPT = prepared<[number, number], unknown>('UPDATE target_object SET solution_model_id = ? WHERE id = ?');
const OBJECT_MODELS = prepared<[string], { id: number; solution_model_id: number }>(
  'SELECT id, solution_model_id FROM target_object WHERE ehak = ? AND solution_model_id IS NOT NULL',
);
const PROVIDED = prepared<[], ProvidedRow>(
  `SELECT s.model_id, m.edition, s.measure_id, m.provider, s.note FROM solution_statement s JOIN solution_model m ON m.id = s.model_id
   WHERE s.responsibility = 'provider' AND s.status = 'implemented' ORDER BY s.model_id, s.measure_id`,
);
const MODEL_KOVS = prepared<[], ModelKovRow>('SELECT model_id, ehak FROM solution_model_kov ORDER BY model_id, ehak');
const CLEAR_KOVS = prepared<[number], unknown>('DELETE FROM solution_model_kov WHERE model_id = ?');
const ADD_KOV = prepared<[number, string], unknown>('INSERT INTO solution_model_kov (model_id, ehak) VALUES (?, ?)');
const ADOPTIONS = prepared<[], { id: number; ehak: string; solution_model_id: number }>(
  'SELECT id, ehak, solution_model_id FROM target_object WHERE solution_model_id IS NOT NULL',
);
const HISTORY = prepared<[{ model_id: number; version: number; summary: string; snapshot: string; changed_by: number | null }], unknown>(
  'INSERT INTO solution_model_history (model_id, version, summary, snapshot, changed_by) VALUES (@model_id, @version, @summary, @snapshot, @changed_by)',
);
const SNAPSHOTS_OF = prepared<[number], ModelHistoryRow & { snapshot: string }>(
  'SELECT model_id, version, summary, snapshot, changed_by, changed_at FROM solution_model_history WHERE model_id = ? ORDER BY version',
);
const HISTORY_OF = prepared<[number], ModelHistoryRow>(
  'SELECT model_id, version, summary, changed_by, changed_at FROM solution_model_history WHERE model_id = ? ORDER BY version DESC',
);

export const modelRows = (db: Db): SolutionModelRow[] => ALL(db).all();
export const modelRow = (db: Db, id: number): SolutionModelRow | undefined => ONE(db).get(id);
export const modelIdByName = (db: Db, name: string): number | undefined => BY_NAME(db).get(name)?.id;
export const insertModel = (db: Db, f: ModelFields): number => Number(INSERT(db).run(f).lastInsertRowid);
/** Optimistic update: false when the version moved on meanwhile. */
export const updateModel = (db: Db, id: number, version: number, f: ModelFields): boolean => UPDATE(db).run({ ...f, id, version }).changes === 1;
/** A new version of the model in another catalogue edition (the edition migration). */
export const setModelEdition = (db: Db, id: number, edition: string, actorId: number | null): void => void SET_EDITION(db).run(edition, actorId, id);
export const moduleRows = (db: Db) => MODULES(db).all();
export function replaceModules(db: Db, id: number, modules: readonly string[]): void {
  CLEAR_MODULES(db).run(id);
  for (const m of modules) ADD_MODULE(db).run(id, m);
}
export const statementRows = (db: Db): StatementRow[] => STATEMENTS(db).all();
export function replaceStatements(db: Db, id: number, rows: readonly Omit<StatementRow, 'model_id'>[]): void {
  CLEAR_STATEMENTS(db).run(id);
  for (const r of rows) ADD_STATEMENT(db).run({ ...r, model_id: id });
}
/** Model id → how many objects adopt it. */
export const adopterCounts = (db: Db): Map<number, number> => new Map(ADOPTERS(db).all().map((r) => [r.model_id, r.n]));
export const setObjectModel = (db: Db, objectId: number, modelId: number): void => void ADOPT(db).run(modelId, objectId);
/** Object id → the model it adopts, for the municipality's adopting objects. */
export const objectModels = (db: Db, ehak: string): Map<number, number> => new Map(OBJECT_MODELS(db).all(ehak).map((r) => [r.id, r.solution_model_id]));
/** Every measure a model's provider states as implemented (it counts where the model is delivered). */
export const providerImplemented = (db: Db): ProvidedRow[] => PROVIDED(db).all();
/** Every municipality whose organisation as a whole receives a model. */
export const allModelKovs = (db: Db): ModelKovRow[] => MODEL_KOVS(db).all();
export function replaceModelKovs(db: Db, id: number, kovs: readonly string[]): void {
  CLEAR_KOVS(db).run(id);
  for (const ehak of kovs) ADD_KOV(db).run(id, ehak);
}
/** Every adopting object with its municipality and model. */
export const allAdoptions = (db: Db) => ADOPTIONS(db).all();
export const insertModelHistory = (db: Db, row: { model_id: number; version: number; summary: string; snapshot: string; changed_by: number | null }): void => void HISTORY(db).run(row);
export const modelHistory = (db: Db, id: number): ModelHistoryRow[] => HISTORY_OF(db).all(id);
/** Every version of a model with the model as the API answered it then (JSON), oldest first. */
export const modelSnapshots = (db: Db, id: number) => SNAPSHOTS_OF(db).all(id);
