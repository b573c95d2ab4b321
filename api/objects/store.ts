// Target objects and their dependencies and modules (tables target_object,
// target_object_dependency, target_object_module): the one module that runs SQL on them.
import type { NeedLevel, ObjectType } from '../contracts/objects.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

/** A row of target_object. */
export interface TargetObjectRow {
  id: number;
  ehak: string;
  type: ObjectType;
  name: string;
  description: string | null;
  item_count: number;
  critical: 0 | 1;
  need_c: NeedLevel;
  need_i: NeedLevel;
  need_a: NeedLevel;
  distributed_c: 0 | 1;
  distributed_i: 0 | 1;
  distributed_a: 0 | 1;
  justification: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
}

/** The fields a write sets (id, version and timestamps are the store's). */
export type ObjectFields = Omit<TargetObjectRow, 'id' | 'version' | 'created_at' | 'updated_at'>;

const LIST = prepared<[string], TargetObjectRow>('SELECT * FROM target_object WHERE ehak = ? ORDER BY type = \'organisation\' DESC, name COLLATE NOCASE, id');
const ONE = prepared<[string, number], TargetObjectRow>('SELECT * FROM target_object WHERE ehak = ? AND id = ?');
const ORGANISATION = prepared<[string], { id: number }>("SELECT id FROM target_object WHERE ehak = ? AND type = 'organisation'");
const BY_NAME = prepared<[string, string], { id: number }>('SELECT id FROM target_object WHERE ehak = ? AND name = ? COLLATE NOCASE');
const INSERT = prepared<[ObjectFields], unknown>(
  `INSERT INTO target_object (ehak, type, name, description, item_count, critical, need_c, need_i, need_a,
     distributed_c, distributed_i, distributed_a, justification, updated_by)
   VALUES (@ehak, @type, @name, @description, @item_count, @critical, @need_c, @need_i, @need_a,
     @distributed_c, @distributed_i, @distributed_a, @justification, @updated_by)`,
);
const UPDATE = prepared<[ObjectFields & { id: number; version: number }], unknown>(
  `UPDATE target_object SET name = @name, description = @description, item_count = @item_count, critical = @critical,
     need_c = @need_c, need_i = @need_i, need_a = @need_a, distributed_c = @distributed_c, distributed_i = @distributed_i,
     distributed_a = @distributed_a, justification = @justification, updated_by = @updated_by,
     version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
   WHERE id = @id AND ehak = @ehak AND version = @version`,
);
const DELETE = prepared<[string, number], unknown>('DELETE FROM target_object WHERE ehak = ? AND id = ? AND type <> \'organisation\'');
const DEPS = prepared<[string], { object_id: number; depends_on: number }>(
  'SELECT d.object_id, d.depends_on FROM target_object_dependency d JOIN target_object o ON o.id = d.object_id WHERE o.ehak = ? ORDER BY d.object_id, d.depends_on',
);
const CLEAR_DEPS = prepared<[number], unknown>('DELETE FROM target_object_dependency WHERE object_id = ?');
const ADD_DEP = prepared<[number, number], unknown>('INSERT INTO target_object_dependency (object_id, depends_on) VALUES (?, ?)');
const MODULES = prepared<[string], { object_id: number; module_id: string }>(
  'SELECT m.object_id, m.module_id FROM target_object_module m JOIN target_object o ON o.id = m.object_id WHERE o.ehak = ? ORDER BY m.object_id, m.module_id',
);
const ALL = prepared<[], TargetObjectRow>('SELECT * FROM target_object ORDER BY ehak, type = \'organisation\' DESC, name COLLATE NOCASE, id');
const ALL_DEPS = prepared<[], { object_id: number; depends_on: number }>('SELECT object_id, depends_on FROM target_object_dependency ORDER BY object_id, depends_on');
const ALL_MODULES = prepared<[], { object_id: number; module_id: string }>('SELECT object_id, module_id FROM target_object_module ORDER BY object_id, module_id');
const CLEAR_MODULES = prepared<[number], unknown>('DELETE FROM target_object_module WHERE object_id = ?');
const ADD_MODULE = prepared<[number, string], unknown>('INSERT INTO target_object_module (object_id, module_id) VALUES (?, ?)');

export const objectRows = (db: Db, ehak: string): TargetObjectRow[] => LIST(db).all(ehak);
export const objectRow = (db: Db, ehak: string, id: number): TargetObjectRow | undefined => ONE(db).get(ehak, id);
/** The municipality's organisation object (every municipality has exactly one, migration 011). */
export const organisationObjectId = (db: Db, ehak: string): number | undefined => ORGANISATION(db).get(ehak)?.id;
export const objectIdByName = (db: Db, ehak: string, name: string): number | undefined => BY_NAME(db).get(ehak, name)?.id;

/** Inserts an object; returns its id. */
export const insertObject = (db: Db, fields: ObjectFields): number => Number(INSERT(db).run(fields).lastInsertRowid);

/** Updates an object if it is still at `version`; false when another write came first. */
export const updateObject = (db: Db, id: number, version: number, fields: ObjectFields): boolean =>
  UPDATE(db).run({ ...fields, id, version }).changes === 1;

/** Deletes an object (never the organisation object); its dependencies and modules go with it. */
export const deleteObject = (db: Db, ehak: string, id: number): boolean => DELETE(db).run(ehak, id).changes === 1;

export const dependencyRows = (db: Db, ehak: string) => DEPS(db).all(ehak);
export const moduleRows = (db: Db, ehak: string) => MODULES(db).all(ehak);

/** Every municipality's objects (the tracker's reference loads them all at once), by EHAK code. */
export const allObjectRows = (db: Db): TargetObjectRow[] => ALL(db).all();
export const allDependencyRows = (db: Db) => ALL_DEPS(db).all();
export const allModuleRows = (db: Db) => ALL_MODULES(db).all();

export function replaceDependencies(db: Db, id: number, dependsOn: readonly number[]): void {
  CLEAR_DEPS(db).run(id);
  for (const d of dependsOn) ADD_DEP(db).run(id, d);
}

export function replaceModules(db: Db, id: number, modules: readonly string[]): void {
  CLEAR_MODULES(db).run(id);
  for (const m of modules) ADD_MODULE(db).run(id, m);
}
