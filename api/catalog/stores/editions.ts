// The catalogue's editions (table catalog_edition): which exist, where their data came from, and the
// summary the editions list shows. The one module that runs SQL on catalog_edition.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** An edition with its counts; `profiles` is a JSON array of the profile names, sorted. */
export interface EditionSummaryRow {
  edition: string;
  title: string;
  moduleCount: number;
  measureCount: number;
  profiles: string;
}

const SUMMARIES = prepared<[], EditionSummaryRow>(
  `SELECT e.id AS edition, e.title,
     (SELECT count(*) FROM catalog_module m WHERE m.edition = e.id) AS moduleCount,
     (SELECT count(*) FROM catalog_measure x WHERE x.edition = e.id) AS measureCount,
     (SELECT json_group_array(name) FROM (SELECT name FROM catalog_profile p WHERE p.edition = e.id ORDER BY name)) AS profiles
   FROM catalog_edition e ORDER BY e.id DESC`,
);
const LATEST = prepared<[], { id: string | null }>('SELECT max(id) AS id FROM catalog_edition');
const SOURCES = prepared<[string], { sources: string }>('SELECT sources FROM catalog_edition WHERE id = ?');
const INSERT = prepared<[string, string, string, string], unknown>('INSERT INTO catalog_edition (id, title, imported_at, sources) VALUES (?, ?, ?, ?)');
const SET_SOURCES = prepared<[string, string], unknown>('UPDATE catalog_edition SET sources = ? WHERE id = ?');

/** Every edition, newest first. */
export const editionSummaryRows = (db: Db): EditionSummaryRow[] => SUMMARIES(db).all();

/** The newest edition loaded (the highest id), or null when the catalogue is empty. */
export const latestEditionId = (db: Db): string | null => LATEST(db).get()?.id ?? null;

/** The files the edition was imported from; undefined when there is no such edition. */
export function editionSources(db: Db, edition: string): string[] | undefined {
  const row = SOURCES(db).get(edition);
  return row && (JSON.parse(row.sources) as string[]);
}

export const editionExists = (db: Db, edition: string): boolean => SOURCES(db).get(edition) !== undefined;

export const insertEdition = (db: Db, edition: string, title: string, importedAt: string, sources: readonly string[]): void =>
  void INSERT(db).run(edition, title, importedAt, JSON.stringify(sources));

export const setEditionSources = (db: Db, edition: string, sources: readonly string[]): void => void SET_SOURCES(db).run(JSON.stringify(sources), edition);
