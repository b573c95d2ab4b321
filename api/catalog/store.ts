// The catalogue's content (tables catalog_group, catalog_module, catalog_measure, catalog_threat):
// the reads of the catalogue API and the tracker's reference, and the importers' upsert. The one
// module that runs SQL on these tables; editions and profiles have their stores in stores/.
import type { Db } from '../db/database.ts';
import { prepareCached, prepared } from '../db/statements.ts';
import type { MeasureClass, Priority } from './ids.ts';

/** A measure of catalog_measure with its module's title and group (catalog_module). */
export interface MeasureFactsRow {
  edition: string;
  measureId: string;
  title: string;
  moduleId: string;
  moduleTitle: string;
  groupId: string;
  class: MeasureClass;
  /** The catalogue's responsible role, e.g. 'Infoturbejuht'. */
  role: string;
  link: string | null;
  sortKey: string;
  /** The protection needs a high measure answers: '', 'C', 'CI', … 'CIA'. */
  cia: string;
}

/** A top-level row of catalog_group. */
export interface GroupRow {
  edition: string;
  id: string;
  title: string;
}

/** A module with its measures counted per class (null: no measure of the class). */
export interface ModuleSummaryRow extends Record<MeasureClass, number | null> {
  id: string;
  title: string;
  group: string;
  subgroup: string | null;
  measureCount: number;
}

/** A measure for the list; `threats` is a JSON array, `priority` the one in the asked profile. */
export interface MeasureListRow {
  id: string;
  module: string;
  title: string;
  class: MeasureClass;
  responsible: string;
  lifecycle: string;
  cia: string;
  threats: string;
  priority: Priority | null;
}

/** A measure with its module's title; `threats` and `coResponsible` are JSON arrays. */
export interface MeasureDetailRow extends Omit<MeasureListRow, 'priority'> {
  edition: string;
  moduleTitle: string;
  coResponsible: string;
  link: string | null;
  description: string | null;
}

export interface MeasureFilterParams {
  edition: string;
  module: string | null;
  class: MeasureClass | null;
  profile: string | null;
  priority: Priority | null;
}

const FACTS = prepared<[string], MeasureFactsRow>(
  `SELECT m.edition, m.id AS measureId, m.title, m.module_id AS moduleId, md.title AS moduleTitle, md.group_id AS groupId,
          m.class, m.responsible AS role, m.link, m.sort_key AS sortKey, m.cia
   FROM catalog_measure m JOIN catalog_module md ON md.edition = m.edition AND md.id = m.module_id
   WHERE m.edition = ? ORDER BY m.sort_key, m.id`,
);
const TOP_GROUPS = prepared<[], GroupRow>('SELECT edition, id, title FROM catalog_group WHERE parent_id IS NULL ORDER BY sort_key');
const MODULE = prepared<[string, string], { one: number }>('SELECT 1 AS one FROM catalog_module WHERE edition = ? AND id = ?');
const MEASURE = prepared<[string, string], { one: number }>('SELECT 1 AS one FROM catalog_measure WHERE edition = ? AND id = ?');
const MEASURE_COUNT = prepared<[string], { n: number }>('SELECT count(*) AS n FROM catalog_measure WHERE edition = ?');
const MEASURE_IDS = prepared<[string], { id: string }>('SELECT id FROM catalog_measure WHERE edition = ?');
const MODULES = prepared<[string], ModuleSummaryRow>(
  `SELECT m.id, m.title, m.group_id AS "group", m.subgroup_id AS subgroup, count(x.id) AS measureCount,
     sum(x.class = 'basic') AS basic, sum(x.class = 'standard') AS standard, sum(x.class = 'high') AS high
   FROM catalog_module m LEFT JOIN catalog_measure x ON x.edition = m.edition AND x.module_id = m.id
   WHERE m.edition = ? GROUP BY m.id ORDER BY m.sort_key`,
);
const DETAIL = prepared<[string, string], MeasureDetailRow>(
  `SELECT x.edition, x.id, x.module_id AS module, m.title AS moduleTitle, x.title, x.class, x.responsible, x.co_responsible AS coResponsible,
     x.lifecycle, x.cia, x.threats, x.link, x.description
   FROM catalog_measure x JOIN catalog_module m ON m.edition = x.edition AND m.id = x.module_id
   WHERE x.edition = ? AND x.id = ?`,
);

/** Every measure of an edition with its facts, in catalogue order (sort key, then id). */
export const measureFactsOf = (db: Db, edition: string): MeasureFactsRow[] => FACTS(db).all(edition);

/** Top-level module groups of every edition, in sort-key order. */
export const topGroups = (db: Db): GroupRow[] => TOP_GROUPS(db).all();

export const moduleExists = (db: Db, edition: string, id: string): boolean => MODULE(db).get(edition, id) !== undefined;

export const measureExists = (db: Db, edition: string, id: string): boolean => MEASURE(db).get(edition, id) !== undefined;

export const measureCount = (db: Db, edition: string): number => MEASURE_COUNT(db).get(edition)!.n;

/** The ids of an edition's measures (no particular order). */
export const measureIdsOf = (db: Db, edition: string): string[] => MEASURE_IDS(db).all(edition).map((r) => r.id);

/** An edition's modules in catalogue order, with their measures counted per class. */
export const moduleSummaryRows = (db: Db, edition: string): ModuleSummaryRow[] => MODULES(db).all(edition);

/** An edition's measures in catalogue order, narrowed by the non-null filters. */
export function measureListRows(db: Db, f: MeasureFilterParams): MeasureListRow[] {
  const where = ['x.edition = @edition'];
  if (f.module) where.push('x.module_id = @module');
  if (f.class) where.push('x.class = @class');
  if (f.priority) where.push('pm.priority = @priority');
  const sql = `SELECT x.id, x.module_id AS module, x.title, x.class, x.responsible, x.lifecycle, x.cia, x.threats, pm.priority
     FROM catalog_measure x
     LEFT JOIN catalog_profile p ON p.edition = x.edition AND p.name = @profile
     LEFT JOIN catalog_profile_measure pm ON pm.profile_id = p.id AND pm.measure_id = x.id
     WHERE ${where.join(' AND ')} ORDER BY x.sort_key`;
  return prepareCached<[MeasureFilterParams], MeasureListRow>(db, sql).all(f);
}

export const measureDetailRow = (db: Db, edition: string, id: string): MeasureDetailRow | undefined => DETAIL(db).get(edition, id);

/** The tables an import writes row by row. */
export type ContentTable = 'catalog_group' | 'catalog_module' | 'catalog_measure' | 'catalog_threat';

/** A row to import: `undefined` means "the source does not know" (the stored value stays). */
export type ImportRow = Record<string, string | null | undefined>;

// The importers' statements have their own cache, not prepareCached's shared one: an import's many
// UPDATE shapes (one per set of changed columns) must not use up the room the request paths need.
const importStatements = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();
function importStatement(db: Db, sql: string) {
  let cache = importStatements.get(db);
  if (!cache) importStatements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/**
 * Inserts the row, or updates only the columns whose new value is defined and different (of
 * `fillOnly`, only those stored as null). This is what makes a re-import a no-op and lets
 * complementary files be imported in any order.
 */
export function upsertContent(
  db: Db,
  table: ContentTable,
  keys: readonly string[],
  row: ImportRow,
  defaults: ImportRow,
  fillOnly: readonly string[] = [],
): 'inserted' | 'updated' | 'unchanged' {
  const where = keys.map((k) => `${k} = @${k}`).join(' AND ');
  const keyParams = Object.fromEntries(keys.map((k) => [k, row[k]]));
  const existing = importStatement(db, `SELECT * FROM ${table} WHERE ${where}`).get(keyParams) as Record<string, unknown> | undefined;
  if (!existing) {
    const full: ImportRow = { ...defaults };
    for (const [k, v] of Object.entries(row)) if (v !== undefined) full[k] = v;
    const cols = Object.keys(full);
    importStatement(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(full);
    return 'inserted';
  }
  const changed = Object.entries(row).filter(
    ([k, v]) => v !== undefined && !keys.includes(k) && existing[k] !== v && !(fillOnly.includes(k) && existing[k] !== null),
  );
  if (!changed.length) return 'unchanged';
  importStatement(db, `UPDATE ${table} SET ${changed.map(([k]) => `${k} = @${k}`).join(', ')} WHERE ${where}`).run({
    ...keyParams,
    ...Object.fromEntries(changed),
  });
  return 'updated';
}
