// Actual costs and business-panel dates. Both belong to the plan family, so revisions keep them.
import type { ActualCost, ActualWarning } from '../contracts/budget.ts';
import { recordAudit } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, badRequest, notFound } from '../lib/errors.ts';
import { MoneyError, centsToEuros, parseEuros } from './money.ts';
import { isIsoDate } from './periods.ts';
import { ACCOUNTS } from './schema.ts';
import type { StoredPlan } from './store.ts';
import { insertActualHistory } from './stores/actual-history.ts';
import { actualCentsRows, actualRows, businessPanelDate, businessPanelRows, insertActualRow, upsertBusinessPanel, type ActualCentsRow, type ActualFieldsRow, type ActualRow } from './stores/actuals.ts';
import { vatWarnings } from './vat-check.ts';

export interface ActualInput {
  initiative: string;
  date: string;
  account: string;
  /** Euros (JSON number) or cents when `inCents` parsing was done by the caller (CSV). */
  net: number;
  vat: number;
  supplier: string;
  documentNumber: string;
  description?: string;
}

export class ActualInvalidError extends ApiError {}

/** Validates one entry against the plan; returns it in cents. `where` prefixes messages (CSV row). */
export function checkActual(db: Db, plan: StoredPlan, a: ActualInput, where = ''): { netCents: number; vatCents: number } {
  const bad = (m: string) => new ActualInvalidError(400, 'invalid_actual', where + m);
  const ini = plan.computed.initiatives.find((i) => i.code === a.initiative);
  if (!ini) throw bad(`algatust "${a.initiative}" plaanis ei ole`);
  if (!isIsoDate(a.date)) throw bad(`kuupäev "${a.date}" ei ole kehtiv (yyyy-mm-dd)`);
  if (!(ACCOUNTS as readonly string[]).includes(a.account)) throw bad('EA konto peab olema 15, 50 või 55');
  if (!a.supplier?.trim()) throw bad('tarnija on kohustuslik');
  if (!a.documentNumber?.trim()) throw bad('dokumendi number on kohustuslik');
  let netCents: number;
  let vatCents: number;
  try {
    netCents = parseEuros(a.net);
    vatCents = parseEuros(a.vat);
  } catch (err) {
    if (err instanceof MoneyError) throw bad(err.message);
    throw err;
  }
  if (ini.businessPanelRequired) {
    const panel = businessPanelDate(db, plan.familyId, ini.code);
    if (!panel) {
      throw new ApiError(409, 'business_panel_required', `${where}Algatus ${ini.code} peab enne kulude kandmist läbima äripaneeli. Sisesta äripaneeli kuupäev.`);
    }
    if (a.date < panel) throw new ApiError(409, 'before_business_panel', `${where}Algatuse ${ini.code} kulu kuupäev ${a.date} on enne äripaneeli (${panel}).`);
  }
  return { netCents, vatCents };
}

export function businessPanels(db: Db, familyId: number): Record<string, string> {
  return Object.fromEntries(businessPanelRows(db, familyId).map((r) => [r.code, r.date]));
}

export function setBusinessPanel(db: Db, plan: StoredPlan, code: string, date: string, actorId: number | null): void {
  const ini = plan.computed.initiatives.find((i) => i.code === code);
  if (!ini) throw notFound(`Algatust ${code} plaanis ei ole.`);
  if (!isIsoDate(date)) throw badRequest(`Kuupäev "${date}" ei ole kehtiv (yyyy-mm-dd).`);
  inTransaction(db, () => {
    const old = businessPanelDate(db, plan.familyId, code);
    upsertBusinessPanel(db, plan.familyId, code, date);
    recordAudit(db, { actorId, action: 'budget_business_panel.set', entity: 'budget_business_panel', entityId: `${plan.familyId}/${code}`, oldValue: old, newValue: date });
  });
}

/** The fields a history row keeps of an entry (cents), and its status. */
export const historySnapshot = (f: ActualFieldsRow, status: ActualRow['status']) => JSON.stringify({
  initiative: f.initiative, date: f.date, account: f.account, net: f.net, vat: f.vat, supplier: f.supplier, documentNumber: f.documentNumber, description: f.description, status,
});

/**
 * Inserts entries all or nothing (one API entry, or every row of a CSV file; `csvRows` prefixes errors
 * with the file's row). Each gets its history row (version 1) and audit entry, and its VAT warnings.
 */
export function insertActuals(
  db: Db, plan: StoredPlan, entries: ActualInput[], actorId: number | null, attachment?: { name: string; path: string }, csvRows = false,
): Array<{ id: number; warnings: ActualWarning[] }> {
  return inTransaction(db, () =>
    entries.map((a, i) => {
      const { netCents, vatCents } = checkActual(db, plan, a, csvRows ? `rida ${i + 2}: ` : '');
      const fields = { initiative: a.initiative, date: a.date, account: a.account, net: netCents, vat: vatCents, supplier: a.supplier.trim(), documentNumber: a.documentNumber.trim(), description: (a.description ?? '').trim() };
      const id = insertActualRow(db, {
        familyId: plan.familyId,
        initiative: a.initiative,
        date: a.date,
        account: a.account,
        netCents,
        vatCents,
        supplier: a.supplier.trim(),
        documentNumber: a.documentNumber.trim(),
        description: (a.description ?? '').trim(),
        attachmentName: attachment?.name ?? null,
        attachmentPath: attachment?.path ?? null,
        createdBy: actorId,
      });
      insertActualHistory(db, { actualId: id, version: 1, action: 'create', old: null, new: historySnapshot(fields, 'active'), reason: null, changedBy: actorId });
      recordAudit(db, { actorId, action: 'budget_actual.create', entity: 'budget_actual', entityId: id, newValue: { planFamily: plan.familyId, ...a } });
      return { id, warnings: vatWarnings({ date: a.date, account: a.account, netCents, vatCents }) };
    }),
  );
}

/** A stored entry in euros, as the API answers. */
export const actualCost = (r: ActualRow): ActualCost => ({ ...r, gross: centsToEuros(r.net + r.vat), net: centsToEuros(r.net), vat: centsToEuros(r.vat) });

/** Every entry of the family in the range, cancelled ones included (marked): the list shows them, sums skip them. */
export function listActuals(db: Db, familyId: number, range: { from?: string; to?: string } = {}): ActualCost[] {
  return actualRows(db, familyId, range.from ?? '0000-01-01', range.to ?? '9999-12-31').map(actualCost);
}

/** Raw cents rows of the active (not cancelled) entries, for aggregation (execution, ministry report). */
export function actualCents(db: Db, familyId: number): ActualCentsRow[] {
  return actualCentsRows(db, familyId);
}
