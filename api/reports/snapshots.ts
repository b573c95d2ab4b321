// Reporting-period snapshots: every municipality's progress frozen (immutable rows; the triggers
// in 004_tracker.sql refuse UPDATE and DELETE). They feed the trend in each KOV's progress.
import { recordAudit } from '../audit/record.ts';
import type { ProgressTotals } from '../contracts/progress.ts';
import type { Snapshot, SnapshotData, SnapshotSummary } from '../contracts/reports.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { conflict } from '../lib/errors.ts';
import { closedPeriodFromSnapshot } from '../periods/periods.ts';
import { progressOfAll } from '../tracker/progress.ts';
import { kovList, settingsOf } from '../tracker/reference.ts';
import { peopleOf } from '../users/store.ts';
import { median, present } from './stats.ts';
import { insertSnapshot, snapshotByPeriod, snapshotRows, snapshotSummaries } from './store.ts';

/**
 * Freezes every municipality's progress for `period`; 409 if the period exists.
 * `totals` replaces the current progress (the seeders pass states rebuilt from their history).
 */
export function createSnapshot(
  db: Db,
  input: { period: string; actorId: number | null; totals?: Map<string, ProgressTotals>; createdAt?: string; ip?: string | null },
): SnapshotSummary {
  return inTransaction(db, () => {
    if (snapshotByPeriod(db, input.period)) throw conflict(`Perioodi ${input.period} hetkeseis on juba salvestatud; hetkeseisu ei saa muuta.`);
    const rows: Array<[string, string]> = [];
    const all = input.totals ?? progressOfAll(db);
    for (const [ehak, totals] of all) {
      const { byModule: _omit, ...rest } = totals;
      const data: SnapshotData = { ...rest, approach: settingsOf(db, ehak)!.approach };
      rows.push([ehak, JSON.stringify(data)]);
    }
    const id = insertSnapshot(db, input.period, input.actorId, input.createdAt ?? null, rows);
    // The snapshot is also a reporting period, closed at once (issue 21; as migration 017 did for older ones).
    closedPeriodFromSnapshot(db, { snapshotId: id, name: input.period, at: snapshotByPeriod(db, input.period)!.created_at, by: input.actorId, totals: all });
    recordAudit(db, { actorId: input.actorId, action: 'progress_snapshot.create', entity: 'progress_snapshot', entityId: id, newValue: { period: input.period }, ip: input.ip ?? null });
    return listSnapshots(db).find((s) => s.id === id)!;
  });
}

export function listSnapshots(db: Db): SnapshotSummary[] {
  const rows = snapshotSummaries(db);
  const people = peopleOf(db, rows.map((r) => r.created_by));
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    createdAt: r.created_at,
    createdBy: r.created_by !== null ? people.get(r.created_by)! : null,
    kovCount: r.kov_count,
    medianImplementedShare: median(present(JSON.parse(r.shares) as Array<number | null>)),
  }));
}

/** One snapshot with every municipality's frozen data (by name), or null. */
export function getSnapshot(db: Db, period: string): Snapshot | null {
  const summary = listSnapshots(db).find((s) => s.period === period);
  if (!summary) return null;
  const data = new Map(snapshotRows(db, summary.id).map((r) => [r.ehak, JSON.parse(r.data) as SnapshotData]));
  const rows = kovList(db).flatMap((k) => (data.has(k.ehak) ? [{ ehak: k.ehak, name: k.name, data: data.get(k.ehak)! }] : []));
  return { ...summary, rows };
}
