// The one owner of budget_actual and budget_business_panel: every statement on them is here.
// Amounts are integer cents as stored; actuals.ts turns them into euros and checks them.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

export type ActualStatus = 'active' | 'cancelled';

/** The editable fields of a cost entry, in cents (a correction rewrites them, a version check first). */
export interface ActualFieldsRow {
  initiative: string;
  date: string;
  account: string;
  net: number;
  vat: number;
  supplier: string;
  documentNumber: string;
  description: string;
}

/** A budget_actual row as the list reads it (amounts in cents). */
export interface ActualRow extends ActualFieldsRow {
  id: number;
  attachmentName: string | null;
  createdAt: string;
  version: number;
  status: ActualStatus;
  cancelReason: string | null;
}

/** The amounts of one cost entry, for aggregation (cents). */
export type ActualCentsRow = Pick<ActualFieldsRow, 'initiative' | 'date' | 'account' | 'net' | 'vat'>;

export interface NewActualRow {
  familyId: number;
  initiative: string;
  date: string;
  account: string;
  netCents: number;
  vatCents: number;
  supplier: string;
  documentNumber: string;
  description: string;
  attachmentName: string | null;
  attachmentPath: string | null;
  createdBy: number | null;
}

export function businessPanelDate(db: Db, familyId: number, code: string): string | null {
  const row = db.prepare<[number, string], { d: string }>('SELECT panel_date AS d FROM budget_business_panel WHERE family_id = ? AND initiative_code = ?').get(familyId, code);
  return row?.d ?? null;
}

export function businessPanelRows(db: Db, familyId: number): Array<{ code: string; date: string }> {
  return db.prepare<[number], { code: string; date: string }>('SELECT initiative_code AS code, panel_date AS date FROM budget_business_panel WHERE family_id = ?').all(familyId);
}

export function upsertBusinessPanel(db: Db, familyId: number, code: string, date: string): void {
  db.prepare(
    `INSERT INTO budget_business_panel (family_id, initiative_code, panel_date) VALUES (?, ?, ?)
     ON CONFLICT (family_id, initiative_code) DO UPDATE SET panel_date = excluded.panel_date`,
  ).run(familyId, code, date);
}

export function insertActualRow(db: Db, a: NewActualRow): number {
  return Number(
    db
      .prepare(
        `INSERT INTO budget_actual (family_id, initiative_code, date, account, net_cents, vat_cents, supplier, document_number, description, attachment_name, attachment_path, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.familyId, a.initiative, a.date, a.account, a.netCents, a.vatCents, a.supplier, a.documentNumber, a.description, a.attachmentName, a.attachmentPath, a.createdBy)
      .lastInsertRowid,
  );
}

export function actualRows(db: Db, familyId: number, from: string, to: string): ActualRow[] {
  return db
    .prepare<[number, string, string], ActualRow>(
      `SELECT id, initiative_code AS initiative, date, account, net_cents AS net, vat_cents AS vat, supplier, document_number AS documentNumber,
              description, attachment_name AS attachmentName, created_at AS createdAt
              , version, status, cancel_reason AS cancelReason
       FROM budget_actual WHERE family_id = ? AND date >= ? AND date <= ? ORDER BY date, id`,
    )
    .all(familyId, from, to);
}

export function actualCentsRows(db: Db, familyId: number): ActualCentsRow[] {
  return db
    .prepare<[number], ActualCentsRow>(`SELECT initiative_code AS initiative, date, account, net_cents AS net, vat_cents AS vat FROM budget_actual
     WHERE family_id = ? AND status = 'active' ORDER BY date, id`)
    .all(familyId);
}

/** The attachment of one cost entry of the family, if any. */
export function actualAttachment(db: Db, familyId: number, actualId: number): { name: string | null; path: string | null } | undefined {
  return db
    .prepare<[number, number], { name: string | null; path: string | null }>('SELECT attachment_name AS name, attachment_path AS path FROM budget_actual WHERE id = ? AND family_id = ?')
    .get(actualId, familyId);
}


/** One entry with its version and status: the row a correction or cancellation starts from. */
export type ActualCurrentRow = ActualRow;

const ONE = prepared<[number, number], ActualRow>(
  `SELECT id, initiative_code AS initiative, date, account, net_cents AS net, vat_cents AS vat, supplier, document_number AS documentNumber,
          description, attachment_name AS attachmentName, created_at AS createdAt, version, status, cancel_reason AS cancelReason
   FROM budget_actual WHERE id = ? AND family_id = ?`,
);
const CORRECT = prepared<[string, string, string, number, number, string, string, string, number | null, number, number]>(
  `UPDATE budget_actual SET initiative_code = ?, date = ?, account = ?, net_cents = ?, vat_cents = ?, supplier = ?, document_number = ?, description = ?,
          updated_by = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1
   WHERE id = ? AND version = ? AND status = 'active'`,
);
const CANCEL = prepared<[string, number | null, number, number]>(
  `UPDATE budget_actual SET status = 'cancelled', cancel_reason = ?, updated_by = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1
   WHERE id = ? AND version = ? AND status = 'active'`,
);

/** One cost entry of the family with its version and status, or undefined. */
export function actualRow(db: Db, familyId: number, id: number): ActualCurrentRow | undefined {
  return ONE(db).get(id, familyId);
}

/** Rewrites the fields of an active entry at `version`; false when it moved on or is cancelled (nothing written). */
export function correctActualRow(db: Db, id: number, version: number, f: ActualFieldsRow, by: number | null): boolean {
  return CORRECT(db).run(f.initiative, f.date, f.account, f.net, f.vat, f.supplier, f.documentNumber, f.description, by, id, version).changes === 1;
}

/** Marks an active entry at `version` cancelled with a reason; false when it moved on or is already cancelled. */
export function cancelActualRow(db: Db, id: number, version: number, reason: string, by: number | null): boolean {
  return CANCEL(db).run(reason, by, id, version).changes === 1;
}
