// Reporting-period snapshots (tables progress_snapshot and progress_snapshot_row): the one module
// that runs SQL on them. Rows are immutable once written (triggers in 004_tracker.sql).
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

/** A row of progress_snapshot. */
export interface SnapshotRow {
  id: number;
  period: string;
  created_at: string;
  created_by: number | null;
}

/** A row of progress_snapshot_row; data is the JSON of one municipality's SnapshotData. */
export interface SnapshotKovRow {
  snapshot_id: number;
  ehak: string;
  data: string;
}

/** A snapshot with its row count and every municipality's implemented share (a JSON array). */
export type SnapshotSummaryRow = SnapshotRow & { kov_count: number; shares: string };

const BY_PERIOD = prepared<[string], SnapshotRow>('SELECT * FROM progress_snapshot WHERE period = ?');
const INSERT = prepared<[string, number | null, string | null], unknown>(
  `INSERT INTO progress_snapshot (period, created_by, created_at) VALUES (?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
);
const INSERT_ROW = prepared<[number, string, string], unknown>('INSERT INTO progress_snapshot_row (snapshot_id, ehak, data) VALUES (?, ?, ?)');
const SUMMARIES = prepared<[], SnapshotSummaryRow>(
  `SELECT s.*, (SELECT count(*) FROM progress_snapshot_row r WHERE r.snapshot_id = s.id) AS kov_count,
          (SELECT json_group_array(json_extract(r.data, '$.implementedShare')) FROM progress_snapshot_row r WHERE r.snapshot_id = s.id) AS shares
   FROM progress_snapshot s ORDER BY s.period`,
);
const ROWS = prepared<[number], SnapshotKovRow>('SELECT * FROM progress_snapshot_row WHERE snapshot_id = ?');
const TREND = prepared<[string], { period: string; share: number | null }>(
  `SELECT s.period, json_extract(r.data, '$.implementedShare') AS share
   FROM progress_snapshot_row r JOIN progress_snapshot s ON s.id = r.snapshot_id WHERE r.ehak = ? ORDER BY s.period`,
);
const ANY = prepared<[], { one: number }>('SELECT 1 AS one FROM progress_snapshot LIMIT 1');

export const snapshotByPeriod = (db: Db, period: string): SnapshotRow | undefined => BY_PERIOD(db).get(period);

/** Writes a snapshot and its rows; returns its id. `createdAt` null: now. */
export function insertSnapshot(db: Db, period: string, createdBy: number | null, createdAt: string | null, rows: Iterable<[ehak: string, data: string]>): number {
  const id = Number(INSERT(db).run(period, createdBy, createdAt).lastInsertRowid);
  for (const [ehak, data] of rows) INSERT_ROW(db).run(id, ehak, data);
  return id;
}

/** Every snapshot, oldest period first, with its municipality count and implemented shares. */
export const snapshotSummaries = (db: Db): SnapshotSummaryRow[] => SUMMARIES(db).all();

export const snapshotRows = (db: Db, snapshotId: number): SnapshotKovRow[] => ROWS(db).all(snapshotId);

/** One municipality's implemented share in every snapshot, oldest period first. */
export const shareTrend = (db: Db, ehak: string) => TREND(db).all(ehak);

export const hasSnapshots = (db: Db): boolean => ANY(db).get() !== undefined;
