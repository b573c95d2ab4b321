import type { Db } from '../db/database.ts';
import type { MeasureClass, Priority } from './ids.ts';

/** Read-side of the catalogue, for the API and for other domains (tracker, reports, site). */

export interface EditionSummary {
  edition: string;
  title: string;
  moduleCount: number;
  measureCount: number;
  profiles: string[];
}

export interface ModuleSummary {
  id: string;
  title: string;
  group: string;
  subgroup: string | null;
  measureCount: number;
  byClass: Record<MeasureClass, number>;
}

export interface MeasureSummary {
  id: string;
  module: string;
  title: string;
  class: MeasureClass;
  responsible: string;
  lifecycle: string;
  cia: string;
  threats: string[];
  /** Priority in the requested profile; null without a profile or when not in it. */
  priority: Priority | null;
}

export interface MeasureDetail extends Omit<MeasureSummary, 'priority'> {
  edition: string;
  moduleTitle: string;
  coResponsible: string[];
  link: string | null;
  /** RIA's text; null until an official file with descriptions is imported. */
  description: string | null;
  /** Priority per profile of the edition, e.g. {"KOV": "P1"}; absent profiles omitted. */
  profiles: Record<string, Priority>;
}

export interface MeasureFilters {
  module?: string;
  class?: MeasureClass;
  /** Profile name whose priorities annotate the list (e.g. 'KOV'). */
  profile?: string;
  /** Only measures with this priority in `profile` (requires profile). */
  priority?: Priority;
}

export function listEditions(db: Db): EditionSummary[] {
  const rows = db
    .prepare(
      `SELECT e.id AS edition, e.title,
         (SELECT count(*) FROM catalog_module m WHERE m.edition = e.id) AS moduleCount,
         (SELECT count(*) FROM catalog_measure x WHERE x.edition = e.id) AS measureCount,
         (SELECT json_group_array(name) FROM (SELECT name FROM catalog_profile p WHERE p.edition = e.id ORDER BY name)) AS profiles
       FROM catalog_edition e ORDER BY e.id DESC`,
    )
    .all() as Array<Omit<EditionSummary, 'profiles'> & { profiles: string }>;
  return rows.map((r) => ({ ...r, profiles: JSON.parse(r.profiles) as string[] }));
}

export function getEdition(db: Db, edition: string): EditionSummary | undefined {
  return listEditions(db).find((e) => e.edition === edition);
}

export function editionExists(db: Db, edition: string): boolean {
  return db.prepare('SELECT 1 FROM catalog_edition WHERE id = ?').get(edition) !== undefined;
}

export function profileExists(db: Db, edition: string, profile: string): boolean {
  return db.prepare('SELECT 1 FROM catalog_profile WHERE edition = ? AND name = ?').get(edition, profile) !== undefined;
}

export function moduleExists(db: Db, edition: string, id: string): boolean {
  return db.prepare('SELECT 1 FROM catalog_module WHERE edition = ? AND id = ?').get(edition, id) !== undefined;
}

export function listModules(db: Db, edition: string): ModuleSummary[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.title, m.group_id AS "group", m.subgroup_id AS subgroup, count(x.id) AS measureCount,
         sum(x.class = 'basic') AS basic, sum(x.class = 'standard') AS standard, sum(x.class = 'high') AS high
       FROM catalog_module m LEFT JOIN catalog_measure x ON x.edition = m.edition AND x.module_id = m.id
       WHERE m.edition = ? GROUP BY m.id ORDER BY m.sort_key`,
    )
    .all(edition) as Array<Omit<ModuleSummary, 'byClass'> & Record<MeasureClass, number | null>>;
  return rows.map(({ basic, standard, high, ...m }) => ({ ...m, byClass: { basic: basic ?? 0, standard: standard ?? 0, high: high ?? 0 } }));
}

export function getModule(db: Db, edition: string, id: string): ModuleSummary | undefined {
  return listModules(db, edition).find((m) => m.id === id);
}

type MeasureRow = Omit<MeasureSummary, 'threats'> & { threats: string };

export function listMeasures(db: Db, edition: string, filters: MeasureFilters = {}): MeasureSummary[] {
  const where = ['x.edition = @edition'];
  if (filters.module) where.push('x.module_id = @module');
  if (filters.class) where.push('x.class = @class');
  if (filters.priority) where.push('pm.priority = @priority');
  const rows = db
    .prepare(
      `SELECT x.id, x.module_id AS module, x.title, x.class, x.responsible, x.lifecycle, x.cia, x.threats, pm.priority
       FROM catalog_measure x
       LEFT JOIN catalog_profile p ON p.edition = x.edition AND p.name = @profile
       LEFT JOIN catalog_profile_measure pm ON pm.profile_id = p.id AND pm.measure_id = x.id
       WHERE ${where.join(' AND ')} ORDER BY x.sort_key`,
    )
    .all({ edition, module: filters.module ?? null, class: filters.class ?? null, profile: filters.profile ?? null, priority: filters.priority ?? null }) as MeasureRow[];
  return rows.map((r) => ({ ...r, threats: JSON.parse(r.threats) as string[], priority: r.priority ?? null }));
}

export function getMeasure(db: Db, edition: string, id: string): MeasureDetail | undefined {
  const row = db
    .prepare(
      `SELECT x.edition, x.id, x.module_id AS module, m.title AS moduleTitle, x.title, x.class, x.responsible, x.co_responsible AS coResponsible,
         x.lifecycle, x.cia, x.threats, x.link, x.description
       FROM catalog_measure x JOIN catalog_module m ON m.edition = x.edition AND m.id = x.module_id
       WHERE x.edition = ? AND x.id = ?`,
    )
    .get(edition, id) as (Omit<MeasureDetail, 'threats' | 'coResponsible' | 'profiles'> & { threats: string; coResponsible: string }) | undefined;
  if (!row) return undefined;
  const profiles = db
    .prepare(
      `SELECT p.name, pm.priority FROM catalog_profile_measure pm JOIN catalog_profile p ON p.id = pm.profile_id
       WHERE pm.edition = ? AND pm.measure_id = ? ORDER BY p.name`,
    )
    .all(edition, id) as Array<{ name: string; priority: Priority }>;
  return {
    ...row,
    threats: JSON.parse(row.threats) as string[],
    coResponsible: JSON.parse(row.coResponsible) as string[],
    profiles: Object.fromEntries(profiles.map((p) => [p.name, p.priority])),
  };
}

/** Measure id → priority for a named profile of an edition (empty when the profile is absent). */
export function profileMeasureIds(db: Db, edition: string, profileName: string): Map<string, Priority> {
  const rows = db
    .prepare(
      `SELECT pm.measure_id AS id, pm.priority FROM catalog_profile_measure pm JOIN catalog_profile p ON p.id = pm.profile_id
       JOIN catalog_measure x ON x.edition = pm.edition AND x.id = pm.measure_id
       WHERE p.edition = ? AND p.name = ? ORDER BY x.sort_key`,
    )
    .all(edition, profileName) as Array<{ id: string; priority: Priority }>;
  return new Map(rows.map((r) => [r.id, r.priority]));
}

export interface Threat {
  id: string;
  title: string;
  description: string | null;
}

export function listThreats(db: Db): Threat[] {
  return db.prepare('SELECT id, title, description FROM catalog_threat ORDER BY sort_key').all() as Threat[];
}
