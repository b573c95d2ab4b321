// Write side of the tracker: one status change with optimistic concurrency, and bulk changes, on
// one target object's measures (default: the organisation object).
// Every change writes the record, a history row and an audit entry in one transaction.
import { recordAudit, type Actor } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import type { Status } from './model.ts';
import type { MeasureRecord } from '../contracts/tracker.ts';
import { getMeasureRecord, measureInScope, measuresInScope } from './records.ts';
import { canOwn, NOT_ASSIGNABLE } from './owner.ts';
import { scopeOf } from './reference.ts';
import { keepsField, keepsReviewDate, missingFields, STATUS_FIELDS } from './status-rules.ts';
import { insertHistory, statusRow, upsertStatus } from './stores/status.ts';

/** The editable fields. In an update, an omitted field keeps its value; null clears it. */
export interface StatusFields {
  status: Status;
  description: string | null;
  justification: string | null;
  responsible: string | null;
  dueDate: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  /** The owning account; `responsible` stays for people without one. */
  ownerUserId: number | null;
  reviewDate: string | null;
}

/** A PUT names the status; a bulk change may leave it out (an assignment keeps each measure's status). */
export type StatusPatch = Partial<StatusFields>;

const FIELDS = ['status', 'description', 'justification', 'responsible', 'dueDate', 'acceptedBy', 'acceptedAt', 'ownerUserId', 'reviewDate'] as const;

export interface CurrentRow extends StatusFields {
  version: number;
}

/** The stored record's editable fields and version on one object; null when there is none (version 0). */
export function currentRow(db: Db, ehak: string, edition: string, objectId: number, measureId: string): CurrentRow | null {
  const r = statusRow(db, ehak, edition, objectId, measureId);
  if (!r) return null;
  return {
    status: r.status,
    description: r.description,
    justification: r.justification,
    responsible: r.responsible,
    dueDate: r.due_date,
    acceptedBy: r.accepted_by,
    acceptedAt: r.accepted_at,
    ownerUserId: r.owner_user_id,
    reviewDate: r.review_date,
    version: r.version,
  };
}

/** Merges the patch over the current fields and clears those the new status does not keep. */
export function mergeFields(current: StatusFields | null, patch: StatusPatch): StatusFields {
  const base: StatusFields = current ?? {
    status: 'not_assessed',
    description: null,
    justification: null,
    responsible: null,
    dueDate: null,
    acceptedBy: null,
    acceptedAt: null,
    ownerUserId: null,
    reviewDate: null,
  };
  const merged = { ...base } as StatusFields;
  for (const f of FIELDS) {
    const v = patch[f];
    if (v !== undefined) (merged as unknown as Record<string, unknown>)[f] = typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v;
  }
  for (const f of STATUS_FIELDS) if (!keepsField(merged.status, f)) merged[f] = null;
  if (!keepsReviewDate(merged.status)) merged.reviewDate = null;
  return merged;
}

/** Cross-field rules (status-rules.ts, shared with the pages); field errors in the API's details shape. */
export function validateFields(f: StatusFields, pathPrefix = ''): Array<{ path: string; message: string }> {
  return missingFields(f.status, f, pathPrefix);
}

export const sameFields = (a: StatusFields, b: StatusFields) => FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
const same = sameFields;

/**
 * How a write is recorded: `action` names its audit entry; `audit: false` when the caller records one
 * entry for many records (an import); `note` goes into the history row (e.g. "imporditud failist x.csv").
 */
export interface WriteOptions {
  action: string;
  audit?: boolean;
  note?: string;
}

/**
 * Writes the record of one object × measure and its history row (and, unless told otherwise, its audit
 * entry). The caller holds the transaction and has checked the version; returns the new version.
 */
export function writeStatus(
  db: Db, ehak: string, edition: string, objectId: number, measureId: string, old: CurrentRow | null, next: StatusFields, actor: Actor, options: WriteOptions,
): number {
  const { action, audit = true, note } = options;
  const version = (old?.version ?? 0) + 1;
  upsertStatus(db, {
    ehak,
    edition,
    object_id: objectId,
    measure_id: measureId,
    status: next.status,
    description: next.description,
    justification: next.justification,
    responsible: next.responsible,
    due_date: next.dueDate,
    accepted_by: next.acceptedBy,
    accepted_at: next.acceptedAt,
    owner_user_id: next.ownerUserId,
    review_date: next.reviewDate,
    version,
    updated_by: actor.id,
    updated_at: null,
  });
  const oldFields = old ? Object.fromEntries(FIELDS.map((f) => [f, old[f]])) : null;
  insertHistory(db, {
    ehak,
    edition,
    object_id: objectId,
    measure_id: measureId,
    version,
    old: oldFields ? JSON.stringify(oldFields) : null,
    new: JSON.stringify(note ? { ...next, note } : next),
    changed_by: actor.id,
    changed_at: null,
  });
  if (!audit) return version;
  recordAudit(db, {
    actorId: actor.id,
    action,
    entity: 'measure_status',
    entityId: `${edition}/${measureId}`,
    kov: ehak,
    oldValue: oldFields,
    newValue: { ...next, version, objectId },
    ip: actor.ip ?? null,
  });
  return version;
}

const validationFailed = (details: Array<{ path: string; message: string }>) =>
  new ApiError(400, 'validation_failed', 'Sisendis on vigu.', details);

/**
 * 422 when a changed owner may not own the municipality's measures. An owner set earlier stays
 * untouched by other edits even if their access has since ended (the reminders skip them).
 */
function checkOwner(db: Db, ehak: string, old: CurrentRow | null, next: StatusFields, path: string): Array<{ path: string; message: string }> {
  if (next.ownerUserId === null || next.ownerUserId === (old?.ownerUserId ?? null)) return [];
  return canOwn(db, next.ownerUserId, ehak) ? [] : [{ path, message: NOT_ASSIGNABLE }];
}
const unassignable = (details: Array<{ path: string; message: string }>) => new ApiError(422, 'validation_failed', 'Sisendis on vigu.', details);

/**
 * Changes one measure's status record on a target object (default: the organisation object).
 * `version` must equal the stored version (0 when none): otherwise 409 version_conflict with the
 * current record and nothing is written.
 */
export function updateMeasureStatus(db: Db, ehak: string, measureId: string, patch: StatusPatch & { status: Status; version: number }, actor: Actor, objectId?: number): MeasureRecord {
  return inTransaction(db, () => {
    // The scope check is a look-up in the in-memory reference and the version one key read; the
    // full record (evidence, the writer's name) is built only for the answer.
    const inScope = measureInScope(db, ehak, measureId, objectId);
    if (!inScope) throw notFound('Seda meedet selle objekti ulatuses ei ole.');
    const old = currentRow(db, ehak, inScope.edition, inScope.objectId, measureId);
    if ((old?.version ?? 0) !== patch.version) {
      throw new ApiError(409, 'version_conflict', 'Keegi muutis seda meedet vahepeal. Vaata tema muudatust ja proovi uuesti.', {
        current: getMeasureRecord(db, ehak, measureId, inScope.objectId),
      });
    }
    const next = mergeFields(old, patch);
    const errors = validateFields(next);
    if (errors.length) throw validationFailed(errors);
    const ownerErrors = checkOwner(db, ehak, old, next, 'ownerUserId');
    if (ownerErrors.length) throw unassignable(ownerErrors);
    if (old && same(old, next)) return getMeasureRecord(db, ehak, measureId, inScope.objectId)!;
    writeStatus(db, ehak, inScope.edition, inScope.objectId, measureId, old, next, actor, { action: 'measure_status.update' });
    return getMeasureRecord(db, ehak, measureId, inScope.objectId)!;
  });
}

/** Applies one patch to many measures of one target object (default: the organisation object), all or nothing. Returns the new versions. */
export function bulkUpdateStatus(
  db: Db,
  ehak: string,
  measureIds: string[],
  patch: StatusPatch,
  actor: Actor,
  objectId?: number,
): Array<{ measureId: string; status: Status; version: number }> {
  return inTransaction(db, () => {
    const ids = [...new Set(measureIds)];
    const object = objectId ?? scopeOf(db, ehak)?.organisationId ?? 0;
    const inScope = measuresInScope(db, ehak, ids, object);
    const unknown = ids.filter((id) => !inScope.has(id));
    if (unknown.length) throw new ApiError(404, 'not_found', 'Osa meetmeid ei ole selle objekti ulatuses.', { unknown });
    const plans = ids.map((id, i) => {
      const edition = inScope.get(id)!;
      const old = currentRow(db, ehak, edition, object, id);
      const next = mergeFields(old, patch);
      return { id, edition, old, next, errors: validateFields(next, `measureIds.${i}.`), ownerErrors: checkOwner(db, ehak, old, next, 'ownerUserId') };
    });
    const errors = plans.flatMap((p) => p.errors);
    if (errors.length) throw validationFailed(errors);
    // The one owner of the patch: one field error, however many measures it names.
    const ownerError = plans.find((p) => p.ownerErrors.length)?.ownerErrors;
    if (ownerError) throw unassignable(ownerError);
    return plans.map((p) => {
      if (p.old && same(p.old, p.next)) return { measureId: p.id, status: p.next.status, version: p.old.version };
      return { measureId: p.id, status: p.next.status, version: writeStatus(db, ehak, p.edition, object, p.id, p.old, p.next, actor, { action: 'measure_status.bulk_update' }) };
    });
  });
}
