// Templates and their versions (tables template and template_version), one aggregate: the rows, the
// list with its filters, the facts the authorisation rules decide on (api/auth/rules.ts) and the
// writes of the workflow. The one module that runs SQL on these two tables.
import type { TemplateFacts } from '../../auth/rules.ts';
import type { Category, Status } from '../../contracts/templates.ts';
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A row of template_version; `measures` is a JSON array of measure ids. */
export interface VersionRow {
  template_id: number;
  n: number;
  title: string;
  summary: string;
  category: Category;
  measures: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  status: Status;
  submitted_by: number;
  submitted_at: string;
  decided_at: string | null;
  approved_at: string | null;
}

/** A row of template. */
export interface TemplateRow {
  id: number;
  category: Category;
  current_version: number | null;
  created_by: number;
  created_at: string;
}

/** A list row: the version the list shows, with the template's current and latest version numbers. */
export interface TemplateListRow extends VersionRow {
  t_category: Category;
  current_version: number | null;
  latest: number;
}

/** The list's filters; null means no filter. `awaiting` is a reviewer's id: open versions they have no vote on. */
export interface TemplateListParams {
  status: Status | null;
  category: string | null;
  measure: string | null;
  awaiting: number | null;
}

export type NewVersionRow = Omit<VersionRow, 'status' | 'submitted_at' | 'decided_at' | 'approved_at'>;

const FACTS = prepared<[number], TemplateFacts>(
  `SELECT t.created_by AS createdBy, (SELECT v.submitted_by FROM template_version v WHERE v.template_id = t.id ORDER BY v.n DESC LIMIT 1) AS latestSubmittedBy
   FROM template t WHERE t.id = ?`,
);
const TEMPLATE = prepared<[number], TemplateRow>('SELECT * FROM template WHERE id = ?');
const VERSION = prepared<[number, number], VersionRow>('SELECT * FROM template_version WHERE template_id = ? AND n = ?');
const LATEST = prepared<[number], VersionRow>('SELECT * FROM template_version WHERE template_id = ? ORDER BY n DESC LIMIT 1');
const VERSIONS = prepared<[number], VersionRow>('SELECT * FROM template_version WHERE template_id = ? ORDER BY n');

const LIST_WHERE = `WHERE (@status IS NULL OR v.status = @status)
    AND (@category IS NULL OR t.category = @category)
    AND (@measure IS NULL OR EXISTS (SELECT 1 FROM json_each(v.measures) WHERE value = @measure))
    AND (@awaiting IS NULL OR (v.status IN ('submitted', 'in_review') AND v.submitted_by <> @awaiting
      AND NOT EXISTS (SELECT 1 FROM template_review r WHERE r.template_id = v.template_id AND r.n = v.n AND r.reviewer_id = @awaiting)))`;
const list = (join: string) =>
  prepared<[TemplateListParams], TemplateListRow>(
    `SELECT v.*, t.category AS t_category, t.current_version,
            (SELECT max(n) FROM template_version WHERE template_id = t.id) AS latest
     FROM template t JOIN template_version v ON v.template_id = t.id AND ${join}
     ${LIST_WHERE}
     ORDER BY coalesce(v.approved_at, v.submitted_at) DESC, t.id DESC`,
  );
const LIST_LATEST = list('v.n = (SELECT max(n) FROM template_version WHERE template_id = t.id)');
const LIST_CURRENT = list('v.n = t.current_version');

const INSERT_TEMPLATE = prepared<[Category, number], unknown>('INSERT INTO template (category, created_by) VALUES (?, ?)');
const INSERT_VERSION = prepared<[NewVersionRow], unknown>(
  `INSERT INTO template_version (template_id, n, title, summary, category, measures, file_name, content_type, size, sha256, storage_key, submitted_by)
   VALUES (@template_id, @n, @title, @summary, @category, @measures, @file_name, @content_type, @size, @sha256, @storage_key, @submitted_by)`,
);
const SET_STATUS = prepared<[Status, string | null, string | null, number, number], unknown>(
  'UPDATE template_version SET status = ?, decided_at = ?, approved_at = ? WHERE template_id = ? AND n = ?',
);
const SET_CATEGORY = prepared<[Category, number], unknown>('UPDATE template SET category = ? WHERE id = ?');
const SET_CURRENT = prepared<[number, number], unknown>('UPDATE template SET current_version = ? WHERE id = ?');

/** Who submitted the template and its latest version; null when there is no such template. */
export const templateFactsRow = (db: Db, id: number): TemplateFacts | null => FACTS(db).get(id) ?? null;

export const templateRow = (db: Db, id: number): TemplateRow | undefined => TEMPLATE(db).get(id);

export const versionRow = (db: Db, id: number, n: number): VersionRow | undefined => VERSION(db).get(id, n);

/** The newest version; every template has at least one. */
export const latestVersionRow = (db: Db, id: number): VersionRow => LATEST(db).get(id)!;

/** Every version of the template, oldest first. */
export const versionRows = (db: Db, id: number): VersionRow[] => VERSIONS(db).all(id);

/** For status 'approved' each template's current approved version, otherwise its latest (filtered by its status when given). */
export function templateListRows(db: Db, p: TemplateListParams): TemplateListRow[] {
  if (p.status === 'approved') return LIST_CURRENT(db).all({ ...p, status: null });
  return LIST_LATEST(db).all(p);
}

/** A new template; its id. */
export const insertTemplate = (db: Db, category: Category, createdBy: number): number => Number(INSERT_TEMPLATE(db).run(category, createdBy).lastInsertRowid);

export const insertVersionRow = (db: Db, row: NewVersionRow): void => void INSERT_VERSION(db).run(row);

export const setVersionStatus = (db: Db, id: number, n: number, status: Status, decidedAt: string | null, approvedAt: string | null): void =>
  void SET_STATUS(db).run(status, decidedAt, approvedAt, id, n);

export const setTemplateCategory = (db: Db, id: number, category: Category): void => void SET_CATEGORY(db).run(category, id);

export const setCurrentVersion = (db: Db, id: number, n: number): void => void SET_CURRENT(db).run(n, id);
