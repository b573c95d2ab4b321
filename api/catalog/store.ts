// Reads of the E-ITS catalogue that the tracker's reference needs (measure facts, profiles, module
// groups), typed by their rows. The catalogue's importers and read API still run their own SQL
// (eslint.config.js lists them as not yet converted); when they move here, this becomes the one
// owner of the catalog_* tables.
import type { MeasureClass, Priority } from '../contracts/tracker.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

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
}

/** A row of catalog_profile_measure. */
export interface ProfileMeasureRow {
  measureId: string;
  priority: Priority;
}

/** A top-level row of catalog_group. */
export interface GroupRow {
  edition: string;
  id: string;
  title: string;
}

const FACTS = prepared<[string], MeasureFactsRow>(
  `SELECT m.edition, m.id AS measureId, m.title, m.module_id AS moduleId, md.title AS moduleTitle, md.group_id AS groupId,
          m.class, m.responsible AS role, m.link, m.sort_key AS sortKey
   FROM catalog_measure m JOIN catalog_module md ON md.edition = m.edition AND md.id = m.module_id
   WHERE m.edition = ? ORDER BY m.sort_key, m.id`,
);
const PROFILE = prepared<[string, string], { id: number }>('SELECT id FROM catalog_profile WHERE edition = ? AND name = ?');
const PROFILE_MEASURES = prepared<[number], ProfileMeasureRow>('SELECT measure_id AS measureId, priority FROM catalog_profile_measure WHERE profile_id = ?');
const TOP_GROUPS = prepared<[], GroupRow>('SELECT edition, id, title FROM catalog_group WHERE parent_id IS NULL ORDER BY sort_key');
const MODULE = prepared<[string, string], { one: number }>('SELECT 1 AS one FROM catalog_module WHERE edition = ? AND id = ?');
const MEASURE = prepared<[string, string], { one: number }>('SELECT 1 AS one FROM catalog_measure WHERE edition = ? AND id = ?');
const MEASURE_COUNT = prepared<[string], { n: number }>('SELECT count(*) AS n FROM catalog_measure WHERE edition = ?');

/** Every measure of an edition with its facts, in catalogue order (sort key, then id). */
export const measureFactsOf = (db: Db, edition: string): MeasureFactsRow[] => FACTS(db).all(edition);

/** A profile's measures with their priorities; null when the edition has no profile of that name. */
export function profileMeasures(db: Db, edition: string, name: string): ProfileMeasureRow[] | null {
  const profile = PROFILE(db).get(edition, name);
  return profile ? PROFILE_MEASURES(db).all(profile.id) : null;
}

export const profileExists = (db: Db, edition: string, name: string): boolean => PROFILE(db).get(edition, name) !== undefined;

/** Top-level module groups of every edition, in sort-key order. */
export const topGroups = (db: Db): GroupRow[] => TOP_GROUPS(db).all();

export const moduleExists = (db: Db, edition: string, id: string): boolean => MODULE(db).get(edition, id) !== undefined;

export const measureExists = (db: Db, edition: string, id: string): boolean => MEASURE(db).get(edition, id) !== undefined;

export const measureCount = (db: Db, edition: string): number => MEASURE_COUNT(db).get(edition)!.n;
