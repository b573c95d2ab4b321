// The one owner of budget_actual and budget_business_panel: every statement on them is here.
// Amounts are integer cents as stored; actuals.ts turns them into euros and checks them.
import type { Db } from '../../db/database.ts';

/** A budget_actual row as the list reads it (amounts in cents). */
export interface ActualRow {
  id: number;
  initiative: string;
  date: string;
  account: string;
  net: number;
  vat: number;
  supplier: string;
  documentNumber: string;
  description: string;
  attachmentName: string | null;
  createdAt: string;
}

/** The amounts of one cost entry, for aggregation (cents). */
export interface ActualCentsRow {
  initiative: string;
  date: string;
  account: string;
  net: number;
  vat: number;
}

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
       FROM budget_actual WHERE family_id = ? AND date >= ? AND date <= ? ORDER BY date, id`,
    )
    .all(familyId, from, to);
}

export function actualCentsRows(db: Db, familyId: number): ActualCentsRow[] {
  return db
    .prepare<[number], ActualCentsRow>('SELECT initiative_code AS initiative, date, account, net_cents AS net, vat_cents AS vat FROM budget_actual WHERE family_id = ? ORDER BY date, id')
    .all(familyId);
}

/** The attachment of one cost entry of the family, if any. */
export function actualAttachment(db: Db, familyId: number, actualId: number): { name: string | null; path: string | null } | undefined {
  return db
    .prepare<[number, number], { name: string | null; path: string | null }>('SELECT attachment_name AS name, attachment_path AS path FROM budget_actual WHERE id = ? AND family_id = ?')
    .get(actualId, familyId);
}
