// The one SQL definition of "a municipality's measures with their effective status", shared by the
// measure list, progress, the ELVL overview and snapshots so that every number agrees.
import { SCOPE_CTES } from './scope.ts';

/** Current statuses, or (asOf) each record's state at `@asOf` rebuilt from the history. */
function statusCte(asOf: boolean): string {
  if (!asOf) {
    return `st AS (
      SELECT ehak, edition, measure_id, status, due_date, updated_at FROM measure_status
      WHERE @ehak IS NULL OR ehak = @ehak
    )`;
  }
  return `st AS (
    SELECT ehak, edition, measure_id, status, due_date, updated_at FROM (
      SELECT h.ehak, h.edition, h.measure_id, json_extract(h.new, '$.status') AS status,
             json_extract(h.new, '$.dueDate') AS due_date, h.changed_at AS updated_at,
             row_number() OVER (PARTITION BY h.ehak, h.edition, h.measure_id ORDER BY h.version DESC) AS rn
      FROM measure_status_history h
      WHERE h.changed_at <= @asOf AND (@ehak IS NULL OR h.ehak = @ehak)
    ) WHERE rn = 1
  )`;
}

/**
 * `WITH …, tracked AS (…)` with one row per municipality x measure in scope:
 * ehak, edition, measure_id, module_id, group_id, class, priority, own_status (the municipality's
 * own status, 'not_assessed' when none), provider (shared service or NULL), via_shared (1 when the
 * shared service makes it count as implemented), effective, due_date, updated_at.
 *
 * Effective status: the own status; but a measure delivered by a shared service whose own status
 * is 'not_assessed' counts as 'implemented'. Any other own status overrides the shared service.
 * Parameters: @ehak (or NULL for all), and @asOf when `asOf` is true.
 */
export function trackedSql(options: { asOf?: boolean } = {}): string {
  return `WITH ${SCOPE_CTES},
${statusCte(options.asOf === true)},
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
  FROM in_scope i
  JOIN catalog_module md ON md.edition = i.edition AND md.id = i.module_id
  LEFT JOIN st ON st.ehak = i.ehak AND st.edition = i.edition AND st.measure_id = i.measure_id
  LEFT JOIN shared sh ON sh.ehak = i.ehak AND sh.edition = i.edition AND sh.measure_id = i.measure_id
)`;
}
