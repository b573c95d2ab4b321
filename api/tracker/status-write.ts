// Write side of the tracker: one status change with optimistic concurrency, and bulk changes, on
// one target object's measures (default: the organisation object).
// Every change writes the record, a history row and an audit entry in one transaction.
import { recordAudit, type Actor } from '../audit/record.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import type { Status } from './model.ts';
import type { MeasureRecord } from '../contracts/tracker.ts';
import { getMeasureRecord, measureInScope, measuresInScope } from './records.ts';
import { scopeOf } from './reference.ts';
import { keepsField, missingFields, STATUS_FIELDS } from './status-rules.ts';
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
}

export type StatusPatch = { status: Status } & Partial<Omit<StatusFields, 'status'>>;

const FIELDS = ['status', 'description', 'justification', 'responsible', 'dueDate', 'acceptedBy', 'acceptedAt'] as const;

interface CurrentRow extends StatusFields {
  version: number;
}

function currentRow(db: Db, ehak: string, edition: string, objectId: number, measureId: string): CurrentRow | null {
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
  };
  const merged = { ...base } as StatusFields;
  for (const f of FIELDS) {
    const v = patch[f];
    if (v !== undefined) (merged as unknown as Record<string, unknown>)[f] = typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v;
  }
  for (const f of STATUS_FIELDS) if (!keepsField(merged.status, f)) merged[f] = null;
  return merged;
}

/** Cross-field rules (status-rules.ts, shared with the pages); field errors in the API's details shape. */
export function validateFields(f: StatusFields, pathPrefix = ''): Array<{ path: string; message: string }> {
  return missingFields(f.status, f, pathPrefix);
}

const same = (a: StatusFields, b: StatusFields) => FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));

function write(db: Db, ehak: string, edition: string, objectId: number, measureId: string, old: CurrentRow | null, next: StatusFields, actor: Actor, action: string): number {
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
    new: JSON.stringify(next),
    changed_by: actor.id,
    changed_at: null,
  });
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
 * Changes one measure's status record on a target object (default: the organisation object).
 * `version` must equal the stored version (0 when none): otherwise 409 version_conflict with the
 * current record and nothing is written.
 */
export function updateMeasureStatus(db: Db, ehak: string, measureId: string, patch: StatusPatch & { version: number }, actor: Actor, objectId?: number): MeasureRecord {
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
    if (old && same(old, next)) return getMeasureRecord(db, ehak, measureId, inScope.objectId)!;
    write(db, ehak, inScope.edition, inScope.objectId, measureId, old, next, actor, 'measure_status.update');
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
      return { id, edition, old, next, errors: validateFields(next, `measureIds.${i}.`) };
    });
    const errors = plans.flatMap((p) => p.errors);
    if (errors.length) throw validationFailed(errors);
    return plans.map((p) => {
      if (p.old && same(p.old, p.next)) return { measureId: p.id, status: p.next.status, version: p.old.version };
      return { measureId: p.id, status: p.next.status, version: write(db, ehak, p.edition, object, p.id, p.old, p.next, actor, 'measure_status.bulk_update') };
    });
  });
}
