// Floors written directly against better-sqlite3, independent of the app's query code:
// the progress aggregate as one grouped query, and the status write as bare statements.
import type { Db } from '../../api/db/database.ts';

/**
 * Implemented / not-applicable / total per municipality x class x module group x priority over the
 * KOV profile's basic+standard measures, those it has not classified included (the default scope).
 * `@ehak` NULL: all municipalities.
 */
export const RAW_PROGRESS_SQL = `
SELECT k.ehak, m.class, md.group_id, pm.priority, COALESCE(s.status, 'not_assessed') AS status, count(*) AS n
FROM kov k
CROSS JOIN catalog_profile p ON p.edition = '2024' AND p.name = 'KOV'
JOIN (SELECT profile_id, edition, measure_id, priority FROM catalog_profile_measure
      UNION ALL SELECT profile_id, edition, measure_id, NULL FROM catalog_profile_unclassified) pm ON pm.profile_id = p.id
JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
JOIN catalog_module md ON md.edition = m.edition AND md.id = m.module_id
LEFT JOIN target_object o ON o.ehak = k.ehak AND o.type = 'organisation'
LEFT JOIN measure_status s ON s.ehak = k.ehak AND s.edition = m.edition AND s.object_id = o.id AND s.measure_id = m.id
WHERE m.class IN ('basic', 'standard') AND (@ehak IS NULL OR k.ehak = @ehak)
GROUP BY k.ehak, m.class, md.group_id, pm.priority, status`;

/** One status change as the app makes it (read, upsert, history row, audit row), in bare SQL. */
export function rawStatusWriter(db: Db, ehak: string, actorId: number) {
  // The organisation object's rows, as the app writes them without ?object=.
  const org = db.prepare("SELECT id FROM target_object WHERE ehak = ? AND type = 'organisation'").pluck().get(ehak) as number;
  const read = db.prepare('SELECT status, description, version FROM measure_status WHERE ehak = ? AND edition = ? AND object_id = ? AND measure_id = ?');
  const upsert = db.prepare(
    `INSERT INTO measure_status (ehak, edition, object_id, measure_id, status, description, version, updated_by, updated_at)
     VALUES (?, '2024', ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (ehak, edition, object_id, measure_id) DO UPDATE SET status = excluded.status, description = excluded.description,
       version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const history = db.prepare(
    `INSERT INTO measure_status_history (ehak, edition, object_id, measure_id, version, old, new, changed_by, changed_at)
     VALUES (?, '2024', ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
  );
  const audit = db.prepare(`INSERT INTO audit_log (actor_id, action, entity, entity_id, kov, old_value, new_value, ip) VALUES (?, 'measure_status.update', 'measure_status', ?, ?, ?, ?, '127.0.0.1')`);
  const tx = db.transaction((measureId: string, status: string, description: string) => {
    const old = read.get(ehak, '2024', org, measureId) as { status: string; description: string | null; version: number } | undefined;
    const version = (old?.version ?? 0) + 1;
    const oldJson = old ? JSON.stringify({ status: old.status, description: old.description }) : null;
    const newJson = JSON.stringify({ status, description });
    upsert.run(ehak, org, measureId, status, description, version, actorId);
    history.run(ehak, org, measureId, version, oldJson, newJson, actorId);
    audit.run(actorId, `2024/${measureId}`, ehak, oldJson, newJson);
  });
  return (measureId: string, status: string, description: string) => tx.immediate(measureId, status, description);
}
