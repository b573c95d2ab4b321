// Read side of the tracker: the object × measure list with filters, one full record, its history. Facts and
// scope come from the reference (memory), statuses from stores/status.ts, and the effective status
// and overdue flag from the engine, so a record always says what its row in the list says.
import type { HistoryEntry, MeasureClass, MeasureListItem, MeasureRecord, Priority, Status, StatusFieldsSnapshot } from '../contracts/tracker.ts';
import type { Db } from '../db/database.ts';
import { tallinnToday } from '../lib/today.ts';
import { personOf, peopleOf } from '../users/store.ts';
import { effectiveStatus, entryKey, isOverdue, type Scope, type ScopeEntry } from './engine.ts';
import { evidenceHistory, listEvidence } from './evidence.ts';
import { modelHistoryOfMeasure } from '../solutions/measure-history.ts';
import { scopeOf, deliveredOf, type SharedRef } from './reference.ts';
import { historyOf, statusListRows, statusRow, type StatusListRow } from './stores/status.ts';

export interface MeasureFilters {
  module?: string;
  group?: string;
  class?: MeasureClass;
  /** Matches the effective status. */
  status?: Status;
  priority?: Priority;
  overdue?: boolean;
  /** Substring of the measure id or title; ASCII letters case-insensitive (as the API always did). */
  q?: string;
  /** Only this target object's rows. */
  object?: number;
  /** At most this many rows. */
  limit?: number;
}

/** The most rows one list answer holds (15 objects × their measures fit well within it). */
export const MAX_LIST_ROWS = 10_000;

/** Lower-cases A–Z only, as SQLite's lower() did for the search before. */
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** One list row: the entry's facts, the record's fields (or none) and the shared service (or none). */
function listItem(e: ScopeEntry, objectName: string, r: StatusListRow | undefined, shared: SharedRef | undefined, today: string): MeasureListItem {
  const status = r?.status ?? 'not_assessed';
  const effective = effectiveStatus(status, shared !== undefined);
  const dueDate = r?.due_date ?? null;
  return {
    objectId: e.objectId,
    objectName,
    measureId: e.facts.measureId,
    title: e.facts.title,
    module: e.facts.moduleId,
    group: e.facts.groupId,
    class: e.facts.class,
    priority: e.priority,
    status,
    effectiveStatus: effective,
    version: r?.version ?? 0,
    responsible: r?.responsible ?? null,
    ownerUserId: r?.owner_user_id ?? null,
    dueDate,
    overdue: isOverdue(dueDate, effective, today),
    updatedAt: r?.updated_at ?? null,
    sharedService: shared ? { provider: shared.provider } : null,
  };
}

function matches(m: MeasureListItem, f: MeasureFilters, q: string | null): boolean {
  if (f.module && m.module !== f.module) return false;
  if (f.group && m.group !== f.group) return false;
  if (f.class && m.class !== f.class) return false;
  if (f.status && m.effectiveStatus !== f.status) return false;
  if (f.priority && m.priority !== f.priority) return false;
  if (f.overdue && !m.overdue) return false;
  return q === null || asciiLower(m.measureId).includes(q) || asciiLower(m.title).includes(q);
}

const objectName = (scope: Scope, id: number) => scope.objects.find((o) => o.id === id)?.name ?? '';

/**
 * The municipality's object × measure rows in scope (the organisation object's first, catalogue
 * order within each object), filtered; empty for an unknown municipality.
 */
export function listMeasures(db: Db, ehak: string, filters: MeasureFilters = {}, today = tallinnToday()): MeasureListItem[] {
  const scope = scopeOf(db, ehak);
  if (!scope) return [];
  const rows = new Map(statusListRows(db, ehak, scope.edition).map((r) => [entryKey(r.object_id, r.measure_id), r]));
  const delivered = deliveredOf(db, ehak);
  const q = filters.q ? asciiLower(filters.q) : null;
  const limit = Math.min(filters.limit ?? MAX_LIST_ROWS, MAX_LIST_ROWS);
  const out: MeasureListItem[] = [];
  for (const o of scope.objects) {
    if (filters.object !== undefined && o.id !== filters.object) continue;
    for (let i = o.from; i < o.to && out.length < limit; i++) {
      const e = scope.entries[i]!;
      const item = listItem(e, o.name, rows.get(e.key), delivered.get(e.key), today);
      if (matches(item, filters, q)) out.push(item);
    }
  }
  return out;
}

/** The scope entry of a measure on a target object (default: the organisation object); undefined when not in its scope. */
export function scopeEntry(db: Db, ehak: string, measureId: string, objectId?: number): ScopeEntry | undefined {
  const scope = scopeOf(db, ehak);
  return scope?.byKey.get(entryKey(objectId ?? scope.organisationId, measureId));
}

/** The edition and object of a measure in the object's scope (default: the organisation object), or null when it is not in it. */
export function measureInScope(db: Db, ehak: string, measureId: string, objectId?: number): { edition: string; objectId: number } | null {
  const e = scopeEntry(db, ehak, measureId, objectId);
  return e ? { edition: e.facts.edition, objectId: e.objectId } : null;
}

/** In-scope measure ids among `ids` on the object (default: the organisation object) with their editions (for bulk validation). */
export function measuresInScope(db: Db, ehak: string, ids: string[], objectId?: number): Map<string, string> {
  const found = new Map<string, string>();
  for (const id of ids) {
    const e = scopeEntry(db, ehak, id, objectId);
    if (e) found.set(id, e.facts.edition);
  }
  return found;
}

/** The full record of one measure on an object (default: the organisation object), or null when it is not in that object's scope. */
export function getMeasureRecord(db: Db, ehak: string, measureId: string, objectId?: number, today = tallinnToday()): MeasureRecord | null {
  const scope = scopeOf(db, ehak);
  const e = scope?.byKey.get(entryKey(objectId ?? scope.organisationId, measureId));
  if (!scope || !e) return null;
  const { facts } = e;
  const r = statusRow(db, ehak, facts.edition, e.objectId, measureId);
  const shared = deliveredOf(db, ehak).get(e.key);
  // The list row's fields first, in its order, then the record's own (Object.assign: a spread is slower here).
  return Object.assign(listItem(e, objectName(scope, e.objectId), r, shared, today), {
    sharedService: shared ? { id: shared.id, provider: shared.provider, note: shared.note } : null,
    ehak,
    edition: facts.edition,
    moduleTitle: facts.moduleTitle,
    responsibleRole: facts.role,
    link: facts.link,
    description: r?.description ?? null,
    justification: r?.justification ?? null,
    acceptedBy: r?.accepted_by ?? null,
    acceptedAt: r?.accepted_at ?? null,
    reviewDate: r?.review_date ?? null,
    owner: personOf(db, r?.owner_user_id ?? null),
    updatedBy: personOf(db, r?.updated_by ?? null),
    evidence: listEvidence(db, ehak, facts.edition, e.objectId, measureId),
  });
}

/** Every recorded change of the object × measure status record and every evidence added or removed, newest first. */
export function getMeasureHistory(db: Db, ehak: string, edition: string, objectId: number, measureId: string): HistoryEntry[] {
  const rows = historyOf(db, ehak, edition, objectId, measureId);
  const people = peopleOf(db, rows.map((r) => r.changed_by));
  const status = rows.map((r): HistoryEntry => ({
    kind: 'status',
    version: r.version,
    changedAt: r.changed_at,
    changedBy: r.changed_by !== null ? people.get(r.changed_by)! : null,
    old: r.old ? (JSON.parse(r.old) as StatusFieldsSnapshot) : null,
    new: JSON.parse(r.new) as StatusFieldsSnapshot,
  }));
  // Status rows come newest first; a stable sort by time keeps that order among equal times.
  const events = [...status, ...evidenceHistory(db, ehak, edition, objectId, measureId).reverse(), ...modelHistoryOfMeasure(db, ehak, objectId, measureId).reverse()];
  return events.sort((a, b) => (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : 0));
}
