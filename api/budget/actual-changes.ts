// Correcting and cancelling an actual cost, and its history. As in the tracker's status write
// (api/tracker/status-write.ts): the request names the version it read; a stale version answers 409
// with the current entry and writes nothing; the change, its history row and its audit entry are
// written in one transaction. A cost is never deleted: cancelling keeps the row with its reason and
// status 'cancelled', and every sum (execution, ministry report, declaration) leaves it out.
import type { ActualChanged } from '../contracts/budget.ts';
import type { ActualFieldChange, ActualHistoryEntry } from '../contracts/budget-history.ts';
import { recordAudit, type Actor } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { actualCost, checkActual, historySnapshot, type ActualInput } from './actuals.ts';
import { centsToEuros } from './money.ts';
import type { StoredPlan } from './store.ts';
import { actualHistoryRows, insertActualHistory } from './stores/actual-history.ts';
import { actualRow, cancelActualRow, correctActualRow, type ActualFieldsRow, type ActualRow } from './stores/actuals.ts';
import { vatWarnings } from './vat-check.ts';

export type ActualPatch = Partial<ActualInput> & { version: number };

const FIELDS = ['initiative', 'date', 'account', 'net', 'vat', 'supplier', 'documentNumber', 'description'] as const;
const fieldsOf = (r: ActualRow): ActualFieldsRow => Object.fromEntries(FIELDS.map((f) => [f, r[f]])) as unknown as ActualFieldsRow;

/** The entry, or 404; 409 when it is cancelled or `version` is not the stored one (nothing written). */
function current(db: Db, plan: StoredPlan, id: number, version: number): ActualRow {
  const row = actualRow(db, plan.familyId, id);
  if (!row) throw notFound('Kulu ei leitud.');
  if (row.status === 'cancelled') throw new ApiError(409, 'actual_cancelled', 'See kulu on tühistatud; tühistatud kulu ei saa muuta.', { current: actualCost(row) });
  if (row.version !== version) {
    throw new ApiError(409, 'version_conflict', 'Keegi muutis seda kulu vahepeal. Vaata tema muudatust ja proovi uuesti.', { current: actualCost(row) });
  }
  return row;
}

/** Applies a correction: omitted fields keep their values; the merged entry is checked like a new one. */
export function correctActual(db: Db, plan: StoredPlan, id: number, patch: ActualPatch, actor: Actor): ActualChanged {
  return inTransaction(db, () => {
    const old = current(db, plan, id, patch.version);
    const merged: ActualInput = {
      initiative: patch.initiative ?? old.initiative,
      date: patch.date ?? old.date,
      account: patch.account ?? old.account,
      net: patch.net ?? centsToEuros(old.net),
      vat: patch.vat ?? centsToEuros(old.vat),
      supplier: patch.supplier ?? old.supplier,
      documentNumber: patch.documentNumber ?? old.documentNumber,
      description: patch.description ?? old.description,
    };
    const { netCents, vatCents } = checkActual(db, plan, merged);
    const next: ActualFieldsRow = { ...merged, net: netCents, vat: vatCents, supplier: merged.supplier.trim(), documentNumber: merged.documentNumber.trim(), description: (merged.description ?? '').trim() };
    const warnings = vatWarnings({ date: next.date, account: next.account, netCents, vatCents });
    const before = fieldsOf(old);
    if (FIELDS.every((f) => before[f] === next[f])) return { actual: actualCost(old), warnings };
    if (!correctActualRow(db, id, old.version, next, actor.id)) throw new ApiError(409, 'version_conflict', 'Keegi muutis seda kulu vahepeal.');
    insertActualHistory(db, { actualId: id, version: old.version + 1, action: 'correct', old: historySnapshot(before, 'active'), new: historySnapshot(next, 'active'), reason: null, changedBy: actor.id });
    recordAudit(db, { actorId: actor.id, action: 'budget_actual.correct', entity: 'budget_actual', entityId: id, oldValue: before, newValue: { ...next, version: old.version + 1 }, ip: actor.ip ?? null });
    return { actual: actualCost(actualRow(db, plan.familyId, id)!), warnings };
  });
}

/** Cancels an entry with a reason (1–500 characters); it stays listed and leaves every sum. */
export function cancelActual(db: Db, plan: StoredPlan, id: number, body: { version: number; reason: string }, actor: Actor): ActualChanged {
  const reason = body.reason.trim();
  if (!reason || reason.length > 500) {
    throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', [{ path: 'reason', message: 'Tühistamise põhjus on kohustuslik (kuni 500 märki).' }]);
  }
  return inTransaction(db, () => {
    const old = current(db, plan, id, body.version);
    if (!cancelActualRow(db, id, old.version, reason, actor.id)) throw new ApiError(409, 'version_conflict', 'Keegi muutis seda kulu vahepeal.');
    const fields = fieldsOf(old);
    insertActualHistory(db, { actualId: id, version: old.version + 1, action: 'cancel', old: historySnapshot(fields, 'active'), new: historySnapshot(fields, 'cancelled'), reason, changedBy: actor.id });
    recordAudit(db, { actorId: actor.id, action: 'budget_actual.cancel', entity: 'budget_actual', entityId: id, oldValue: { status: 'active', version: old.version }, newValue: { status: 'cancelled', reason, version: old.version + 1 }, ip: actor.ip ?? null });
    return { actual: actualCost(actualRow(db, plan.familyId, id)!), warnings: [] };
  });
}

type Snapshot = Partial<Record<ActualFieldChange['field'], string | number | null>>;
const shown = (field: ActualFieldChange['field'], v: string | number | null | undefined) =>
  v === undefined || v === null ? null : (field === 'net' || field === 'vat') && typeof v === 'number' ? centsToEuros(v) : v;

/** Fields that differ between two snapshots (amounts in euros); a creation lists every field it set. */
export function fieldChanges(oldJson: string | null, newJson: string): ActualFieldChange[] {
  const before: Snapshot = oldJson ? JSON.parse(oldJson) : {};
  const after: Snapshot = JSON.parse(newJson);
  const fields = [...FIELDS, 'status'] as const;
  return fields
    .filter((f) => (before[f] ?? null) !== (after[f] ?? null) && !(oldJson === null && (f === 'status' || after[f] === '')))
    .map((f) => ({ field: f, old: shown(f, before[f]), new: shown(f, after[f]) }));
}

/** The family's cost history, newest first (one entry's when `actualId` is given). */
export function actualHistory(db: Db, plan: StoredPlan, actualId: number | null = null): ActualHistoryEntry[] {
  return actualHistoryRows(db, plan.familyId, actualId).map((r) => ({
    actualId: r.actualId,
    version: r.version,
    action: r.action,
    changedAt: r.changedAt,
    changedBy: r.changedById === null ? null : { id: r.changedById, name: r.changedByName ?? '' },
    reason: r.reason,
    changes: fieldChanges(r.old, r.new),
  }));
}
