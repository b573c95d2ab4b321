// The one SQL definition of "a municipality's measures with their effective status", shared by the
// measure list, progress, the ELVL overview and snapshots so that every number agrees.
import { SCOPE_CTES } from './scope.ts';

/**
 * `WITH …, tracked AS (…)` with one row per municipality x measure in scope:
 * ehak, edition, measure_id, module_id, group_id, class, priority, own_status (the municipality's
 * own status, 'not_assessed' when none), provider (shared service or NULL), via_shared (1 when the
 * shared service makes it count as implemented), effective, due_date, updated_at.
 *
 * Effective status: the own status; but a measure delivered by a shared service whose own status
 * is 'not_assessed' counts as 'implemented'. Any other own status overrides the shared service.
 * Parameter: @ehak (or NULL for all). model.ts has the same rules in JavaScript for single records.
 */
export function trackedSql(): string {
  return `WITH ${SCOPE_CTES},
shared AS (
  SELECT sk.ehak, s.edition, s.measure_id, MIN(s.provider) AS provider, MIN(s.id) AS service_id
  FROM shared_service s JOIN shared_service_kov sk ON sk.service_id = s.id
  WHERE @ehak IS NULL OR sk.ehak = @ehak
  GROUP BY sk.ehak, s.edition, s.measure_id
),
tracked AS (
  SELECT i.ehak, i.edition, i.measure_id, i.module_id, md.group_id, i.class, i.priority,
         COALESCE(st.status, 'not_assessed') AS own_status, sh.provider, sh.service_id,
         (COALESCE(st.status, 'not_assessed') = 'not_assessed' AND sh.provider IS NOT NULL) AS via_shared,
         CASE WHEN COALESCE(st.status, 'not_assessed') = 'not_assessed' AND sh.provider IS NOT NULL
              THEN 'implemented' ELSE COALESCE(st.status, 'not_assessed') END AS effective,
         st.due_date, st.updated_at
  -- CROSS JOIN: drive from the scope rows and look everything else up by key.
  FROM in_scope i
  CROSS JOIN catalog_module md ON md.edition = i.edition AND md.id = i.module_id
  LEFT JOIN measure_status st ON st.ehak = i.ehak AND st.edition = i.edition AND st.measure_id = i.measure_id
  LEFT JOIN shared sh ON sh.ehak = i.ehak AND sh.edition = i.edition AND sh.measure_id = i.measure_id
)`;
}
