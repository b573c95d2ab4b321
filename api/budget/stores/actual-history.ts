// The one owner of budget_actual_history: who changed a cost entry, when, and its fields before and
// after (JSON, amounts in cents). Append-only (triggers in migration 014).
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

export type ActualAction = 'create' | 'correct' | 'cancel';

export interface NewActualHistoryRow {
  actualId: number;
  version: number;
  action: ActualAction;
  old: string | null;
  new: string;
  reason: string | null;
  changedBy: number | null;
}

/** A history row with the changer's name (app_user is read, not written, here). */
export interface ActualHistoryRow {
  actualId: number;
  version: number;
  action: ActualAction;
  old: string | null;
  new: string;
  reason: string | null;
  changedAt: string;
  changedById: number | null;
  changedByName: string | null;
}

const INSERT = prepared<[number, number, string, string | null, string, string | null, number | null]>(
  'INSERT INTO budget_actual_history (actual_id, version, action, old, new, reason, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const LIST = prepared<[number, number | null, number | null], ActualHistoryRow>(
  `SELECT h.actual_id AS actualId, h.version, h.action, h.old, h.new, h.reason, h.changed_at AS changedAt,
          h.changed_by AS changedById, u.name AS changedByName
   FROM budget_actual_history h
   JOIN budget_actual a ON a.id = h.actual_id
   LEFT JOIN app_user u ON u.id = h.changed_by
   WHERE a.family_id = ? AND (? IS NULL OR h.actual_id = ?)
   ORDER BY h.id DESC`,
);

export function insertActualHistory(db: Db, r: NewActualHistoryRow): void {
  INSERT(db).run(r.actualId, r.version, r.action, r.old, r.new, r.reason, r.changedBy);
}

/** The family's cost history, newest first; `actualId` narrows it to one entry. */
export function actualHistoryRows(db: Db, familyId: number, actualId: number | null = null): ActualHistoryRow[] {
  return LIST(db).all(familyId, actualId, actualId);
}
