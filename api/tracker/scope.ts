// A municipality's scope: which catalogue edition, profile and security approach it works to.
// The measures in scope follow from it (see scopedMeasuresSql):
//   basic    (põhiturve)     the profile's basic measures;
//   standard (standardturve) the profile's basic + standard measures (the default);
//   core     (tuumikuturve)  the profile's basic + standard measures, but only in the modules where
//                            the profile has at least one P1 measure: depth on the core first;
//   plus every measure of the extra modules, filtered by the same class rule (core: basic + standard).
// High (Kõrgmeede) measures are never in scope: none of the three approaches requires them.
import type { Approach } from '../contracts/labels.ts';
import type { Db } from '../db/database.ts';

export { APPROACHES, type Approach } from '../contracts/labels.ts';

export const DEFAULT_EDITION = '2024';
export const DEFAULT_PROFILE = 'KOV';
export const DEFAULT_APPROACH: Approach = 'standard';

export interface KovScope {
  ehak: string;
  edition: string;
  profileName: string;
  approach: Approach;
  extraModules: string[];
  /** True when no scope has been saved and the defaults apply. */
  isDefault: boolean;
  updatedAt: string | null;
}

interface ScopeRow {
  edition: string;
  profile_name: string;
  approach: Approach;
  extra_modules: string;
  updated_at: string;
}

export function getScope(db: Db, ehak: string): KovScope {
  const row = db
    .prepare('SELECT edition, profile_name, approach, extra_modules, updated_at FROM kov_scope WHERE ehak = ?')
    .get(ehak) as ScopeRow | undefined;
  if (!row) {
    return { ehak, edition: DEFAULT_EDITION, profileName: DEFAULT_PROFILE, approach: DEFAULT_APPROACH, extraModules: [], isDefault: true, updatedAt: null };
  }
  return {
    ehak,
    edition: row.edition,
    profileName: row.profile_name,
    approach: row.approach,
    extraModules: JSON.parse(row.extra_modules) as string[],
    isDefault: false,
    updatedAt: row.updated_at,
  };
}

/** Saves a scope (insert or replace). Call inside a transaction; the caller records the audit entry. */
export function saveScope(
  db: Db,
  ehak: string,
  scope: { edition: string; profileName: string; approach: Approach; extraModules: string[] },
  actorId: number | null,
): void {
  db.prepare(
    `INSERT INTO kov_scope (ehak, edition, profile_name, approach, extra_modules, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (ehak) DO UPDATE SET edition = excluded.edition, profile_name = excluded.profile_name,
       approach = excluded.approach, extra_modules = excluded.extra_modules,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(ehak, scope.edition, scope.profileName, scope.approach, JSON.stringify(scope.extraModules), actorId);
}

/** Class filter of an approach, as SQL over `m.class` and the scope's `approach`. */
const CLASS_RULE = `(m.class = 'basic' OR (m.class = 'standard' AND sc.approach IN ('standard', 'core')))`;

/**
 * The CTEs `scope` (one row per municipality, defaults applied) and `in_scope` (one row per
 * municipality x measure in scope: ehak, edition, measure_id, module_id, class, priority).
 * Parameter `@ehak`: one municipality, or NULL for all 79 (overview, snapshots). Single records
 * take their scope from reference-cache.ts, which evaluates this once per municipality.
 */
export const SCOPE_CTES = `
scope_raw AS (
  SELECT k.ehak, COALESCE(s.edition, '${DEFAULT_EDITION}') AS edition,
         COALESCE(s.profile_name, '${DEFAULT_PROFILE}') AS profile_name,
         COALESCE(s.approach, '${DEFAULT_APPROACH}') AS approach,
         COALESCE(s.extra_modules, '[]') AS extra_modules
  FROM kov k LEFT JOIN kov_scope s ON s.ehak = k.ehak
  WHERE @ehak IS NULL OR k.ehak = @ehak
),
scope AS (
  SELECT r.*, p.id AS profile_id
  FROM scope_raw r LEFT JOIN catalog_profile p ON p.edition = r.edition AND p.name = r.profile_name
),
p1_module AS MATERIALIZED (
  SELECT DISTINCT pm.profile_id, m.module_id
  FROM catalog_profile_measure pm JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
  WHERE pm.priority = 'P1' AND pm.profile_id IN (SELECT profile_id FROM scope)
),
in_scope AS (
  SELECT sc.ehak, m.edition, m.id AS measure_id, m.module_id, m.class, pm.priority
  FROM scope sc
  JOIN catalog_profile_measure pm ON pm.profile_id = sc.profile_id
  JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
  WHERE ${CLASS_RULE}
    AND (sc.approach <> 'core' OR EXISTS (SELECT 1 FROM p1_module x WHERE x.profile_id = sc.profile_id AND x.module_id = m.module_id))
  UNION ALL
  -- Extra modules' measures that the profile part above has not already taken. CROSS JOIN keeps
  -- the join order: parse each scope's (usually empty) list once, then look measures up by module.
  SELECT sc.ehak, m.edition, m.id, m.module_id, m.class, pm.priority
  FROM scope sc
  CROSS JOIN json_each(sc.extra_modules) em
  CROSS JOIN catalog_measure m ON m.edition = sc.edition AND m.module_id = em.value
  LEFT JOIN catalog_profile_measure pm ON pm.profile_id = sc.profile_id AND pm.measure_id = m.id
  WHERE ${CLASS_RULE}
    AND (pm.measure_id IS NULL
         OR (sc.approach = 'core' AND NOT EXISTS (SELECT 1 FROM p1_module x WHERE x.profile_id = sc.profile_id AND x.module_id = m.module_id)))
)`;

/** Module ids of an edition that do not exist (for validating extra modules). */
export function unknownModules(db: Db, edition: string, modules: string[]): string[] {
  const stmt = db.prepare('SELECT 1 FROM catalog_module WHERE edition = ? AND id = ?');
  return modules.filter((m) => !stmt.get(edition, m));
}

export function profileExists(db: Db, edition: string, name: string): boolean {
  return db.prepare('SELECT 1 FROM catalog_profile WHERE edition = ? AND name = ?').get(edition, name) !== undefined;
}
