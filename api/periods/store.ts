// Reporting periods (tables reporting_period, reporting_period_kov, reporting_period_history): the one
// module that runs SQL on them. History rows are append-only (triggers in 017_reporting_periods.sql).
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

/** A row of reporting_period. */
export interface PeriodRow {
  id: number;
  name: string;
  deadline: string;
  opened_at: string;
  opened_by: number | null;
  closed_at: string | null;
  snapshot_id: number | null;
}

/** A stored state: a municipality without a row has not submitted (not_started / in_progress, derived). */
export type StoredState = 'in_progress' | 'submitted' | 'confirmed' | 'audited';

/** A row of reporting_period_kov; figures is the JSON of PeriodFigures. */
export interface PeriodKovRow {
  period_id: number;
  ehak: string;
  state: StoredState;
  figures: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  confirmed_at: string | null;
  confirmed_by: number | null;
  audited_at: string | null;
  audited_by: number | null;
  conclusion: 'accurate' | 'accurate_with_remarks' | 'inaccurate' | null;
  remarks: string | null;
}

/** A row of reporting_period_history. */
export interface PeriodHistoryRow {
  id: number;
  period_id: number;
  ehak: string;
  from_state: string;
  to_state: string;
  reason: string | null;
  changed_by: number | null;
  changed_at: string;
}

const ALL = prepared<[], PeriodRow>('SELECT * FROM reporting_period ORDER BY opened_at DESC, id DESC');
const ONE = prepared<[number], PeriodRow>('SELECT * FROM reporting_period WHERE id = ?');
const BY_NAME = prepared<[string], { id: number }>('SELECT id FROM reporting_period WHERE name = ?');
const NEWEST_OPEN = prepared<[], PeriodRow>('SELECT * FROM reporting_period WHERE closed_at IS NULL ORDER BY opened_at DESC, id DESC LIMIT 1');
const INSERT = prepared<[string, string, number | null], unknown>('INSERT INTO reporting_period (name, deadline, opened_by) VALUES (?, ?, ?)');
const INSERT_CLOSED = prepared<[string, string, string, number | null, string, number], unknown>(
  'INSERT INTO reporting_period (name, deadline, opened_at, opened_by, closed_at, snapshot_id) VALUES (?, ?, ?, ?, ?, ?)',
);
const KOV_ROWS = prepared<[number], PeriodKovRow>('SELECT * FROM reporting_period_kov WHERE period_id = ?');
const KOV_ROW = prepared<[number, string], PeriodKovRow>('SELECT * FROM reporting_period_kov WHERE period_id = ? AND ehak = ?');
const UPSERT_KOV = prepared<[PeriodKovRow], unknown>(
  `INSERT INTO reporting_period_kov (period_id, ehak, state, figures, submitted_at, submitted_by, confirmed_at, confirmed_by, audited_at, audited_by, conclusion, remarks)
   VALUES (@period_id, @ehak, @state, @figures, @submitted_at, @submitted_by, @confirmed_at, @confirmed_by, @audited_at, @audited_by, @conclusion, @remarks)
   ON CONFLICT (period_id, ehak) DO UPDATE SET state = excluded.state, figures = excluded.figures, submitted_at = excluded.submitted_at,
     submitted_by = excluded.submitted_by, confirmed_at = excluded.confirmed_at, confirmed_by = excluded.confirmed_by,
     audited_at = excluded.audited_at, audited_by = excluded.audited_by, conclusion = excluded.conclusion, remarks = excluded.remarks`,
);
const INSERT_HISTORY = prepared<[number, string, string, string, string | null, number | null, string | null], unknown>(
  `INSERT INTO reporting_period_history (period_id, ehak, from_state, to_state, reason, changed_by, changed_at)
   VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
);
const HISTORY = prepared<[number, string], PeriodHistoryRow>('SELECT * FROM reporting_period_history WHERE period_id = ? AND ehak = ? ORDER BY id');
const TREND = prepared<[string], { period: string; share: number | null }>(
  `SELECT p.name AS period, json_extract(k.figures, '$.implementedShare') AS share
   FROM reporting_period_kov k JOIN reporting_period p ON p.id = k.period_id
   WHERE k.ehak = ? AND k.figures IS NOT NULL AND (p.closed_at IS NOT NULL OR k.state IN ('confirmed', 'audited'))
   ORDER BY p.opened_at, p.id`,
);
const NOW = prepared<[], { now: string }>(`SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now`);

export const periodRows = (db: Db): PeriodRow[] => ALL(db).all();
export const periodRow = (db: Db, id: number): PeriodRow | undefined => ONE(db).get(id);
export const periodNameTaken = (db: Db, name: string): boolean => BY_NAME(db).get(name) !== undefined;
export const newestOpenPeriod = (db: Db): PeriodRow | undefined => NEWEST_OPEN(db).get();
export const insertPeriod = (db: Db, name: string, deadline: string, openedBy: number | null): number => Number(INSERT(db).run(name, deadline, openedBy).lastInsertRowid);
export const periodKovRows = (db: Db, periodId: number): PeriodKovRow[] => KOV_ROWS(db).all(periodId);
export const periodKovRow = (db: Db, periodId: number, ehak: string): PeriodKovRow | undefined => KOV_ROW(db).get(periodId, ehak);
export const upsertPeriodKov = (db: Db, row: PeriodKovRow): void => void UPSERT_KOV(db).run(row);
/** Appends a history row; `at` null: now. */
export const insertPeriodHistory = (db: Db, periodId: number, ehak: string, from: string, to: string, reason: string | null, by: number | null, at: string | null = null): void =>
  void INSERT_HISTORY(db).run(periodId, ehak, from, to, reason, by, at);
/** A period opened and closed at `at`, made from a snapshot. */
export const insertClosedPeriod = (db: Db, name: string, deadline: string, at: string, openedBy: number | null, snapshotId: number): number =>
  Number(INSERT_CLOSED(db).run(name, deadline, at, openedBy, at, snapshotId).lastInsertRowid);
export const periodHistory = (db: Db, periodId: number, ehak: string): PeriodHistoryRow[] => HISTORY(db).all(periodId, ehak);
/**
 * One municipality's implemented share in every period that counts for the trend, oldest first: a
 * closed period (the snapshots became those) or one where its head has confirmed the frozen figures.
 */
export const periodShareTrend = (db: Db, ehak: string) => TREND(db).all(ehak);
/** The database's clock in the form the tables keep (one moment for a row and its history). */
export const dbNow = (db: Db): string => NOW(db).get()!.now;
