// Reporting-period snapshots: every municipality's progress frozen (immutable rows; the triggers
// in 004_tracker.sql refuse UPDATE and DELETE). They feed the trend in each KOV's progress.
import { recordAudit } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { conflict } from '../lib/errors.ts';
import type { ProgressTotals } from '../contracts/progress.ts';
import type { Snapshot, SnapshotData, SnapshotSummary } from '../contracts/reports.ts';
import { progressOfAll } from '../tracker/aggregate.ts';
import { getScope } from '../tracker/scope.ts';
import { median, present } from './stats.ts';

/**
 * Freezes every municipality's progress for `period`; 409 if the period exists.
 * `totals` replaces the current progress (the demo seeder passes states rebuilt from its history).
 */
export function createSnapshot(
  db: Db,
  input: { period: string; actorId: number | null; totals?: Map<string, ProgressTotals>; createdAt?: string; ip?: string | null },
): SnapshotSummary {
  return inTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM progress_snapshot WHERE period = ?').get(input.period)) {
      throw conflict(`Perioodi ${input.period} hetkeseis on juba salvestatud; hetkeseisu ei saa muuta.`);
    }
    const id = Number(
      db
        .prepare(`INSERT INTO progress_snapshot (period, created_by, created_at) VALUES (?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`)
        .run(input.period, input.actorId, input.createdAt ?? null).lastInsertRowid,
    );
    const insert = db.prepare('INSERT INTO progress_snapshot_row (snapshot_id, ehak, data) VALUES (?, ?, ?)');
    for (const [ehak, totals] of input.totals ?? progressOfAll(db)) {
      const { byModule: _omit, ...rest } = totals;
      const data: SnapshotData = { ...rest, approach: getScope(db, ehak).approach };
      insert.run(id, ehak, JSON.stringify(data));
    }
    recordAudit(db, { actorId: input.actorId, action: 'progress_snapshot.create', entity: 'progress_snapshot', entityId: id, newValue: { period: input.period }, ip: input.ip ?? null });
    return listSnapshots(db).find((s) => s.id === id)!;
  });
}

export function listSnapshots(db: Db): SnapshotSummary[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.period, s.created_at, s.created_by, u.name,
              (SELECT count(*) FROM progress_snapshot_row r WHERE r.snapshot_id = s.id) AS kov_count,
              (SELECT json_group_array(json_extract(r.data, '$.implementedShare')) FROM progress_snapshot_row r WHERE r.snapshot_id = s.id) AS shares
       FROM progress_snapshot s LEFT JOIN app_user u ON u.id = s.created_by ORDER BY s.period`,
    )
    .all() as Array<{ id: number; period: string; created_at: string; created_by: number | null; name: string | null; kov_count: number; shares: string }>;
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    createdAt: r.created_at,
    createdBy: r.created_by != null ? { id: r.created_by, name: r.name ?? '' } : null,
    kovCount: r.kov_count,
    medianImplementedShare: median(present(JSON.parse(r.shares) as Array<number | null>)),
  }));
}

/** One snapshot with every municipality's frozen data, or null. */
export function getSnapshot(db: Db, period: string): Snapshot | null {
  const summary = listSnapshots(db).find((s) => s.period === period);
  if (!summary) return null;
  const rows = db
    .prepare(
      `SELECT r.ehak, k.name, r.data FROM progress_snapshot_row r JOIN kov k ON k.ehak = r.ehak
       WHERE r.snapshot_id = ? ORDER BY k.name COLLATE NOCASE`,
    )
    .all(summary.id) as Array<{ ehak: string; name: string; data: string }>;
  return { ...summary, rows: rows.map((r) => ({ ehak: r.ehak, name: r.name, data: JSON.parse(r.data) as SnapshotData })) };
}
