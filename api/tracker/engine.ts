// The progress engine: the one place that decides a measure's effective status and overdue flag
// and counts a municipality's scope. It works in memory over a Scope (reference.ts builds it once
// per scope setting from the catalogue) and one municipality's own statuses and shared services
// (a Ledger, filled from the stores), so the list, a record, progress, the overview, the benchmark
// and snapshots all get their numbers from the same code. A scope is one municipality's object ×
// measure rows (issue 18): its organisation object's measures first, then each other object's;
// statuses are keyed by `ScopeEntry.key` (entryKey: object id and measure id), shared services
// by measure id and deliver the organisation object's measures only (a central service cannot
// implement a municipality's own server or application for it).
import { STATUSES, type MeasureClass, type Priority, type Status } from '../contracts/tracker.ts';
import type { ScopeMember } from './scope-rule.ts';

export { OPEN_STATUSES, viaSharedService, effectiveStatus, isOverdue } from './model.ts';
import { effectiveStatus } from './model.ts';

/** Status codes as small integers (0 = not_assessed, the value of a missing record). */
export const STATUS_CODE = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;
const IMPLEMENTED = STATUS_CODE.implemented;
const S = STATUSES.length;

/** Counting bucket of a scope: entries of one module, class and priority count together. */
export interface Bucket {
  module: number;
  group: number;
  class: MeasureClass;
  priority: Priority | null;
}

/** A scope member on a target object. */
export interface ObjectMember extends ScopeMember {
  objectId: number;
}

/** The key of an object × measure row: what the ledger and the stores' digests use. */
export const entryKey = (objectId: number, measureId: string): string => `${objectId}/${measureId}`;

export interface ScopeEntry extends ObjectMember {
  /** What statuses are keyed by: entryKey(objectId, measureId). */
  key: string;
  /** Position in catalogue order. */
  index: number;
  bucket: number;
}

/** A target object of a scope with the range of its entries (entries[from..to)). */
export interface ScopeObject {
  id: number;
  name: string;
  type: string;
  from: number;
  to: number;
}

/** One municipality's scope ready for counting (rebuilt when its setting or its objects change). */
export interface Scope {
  edition: string;
  /** The organisation object's id (its entries come first). */
  organisationId: number;
  /** Every object in play, the organisation object first, with its entries' range. */
  objects: readonly ScopeObject[];
  entries: readonly ScopeEntry[];
  byKey: ReadonlyMap<string, ScopeEntry>;
  buckets: readonly Bucket[];
  /** Modules with measures in scope, in natural id order (OPS.1.1.10 after OPS.1.1.9). */
  modules: ReadonlyArray<{ id: string; title: string; group: string }>;
  /** Top-level groups with measures in scope, in catalogue order. */
  groups: ReadonlyArray<{ id: string; title: string }>;
}

const ID_ORDER = new Intl.Collator('en', { numeric: true });

/**
 * Indexes members for counting: grouped by object in `objects` order (the organisation object
 * first), catalogue order within each; `groupOrder` is the edition's top-level groups in order.
 */
export function indexScope(
  edition: string,
  objects: ReadonlyArray<{ id: number; name: string; type: string }>,
  members: readonly ObjectMember[],
  groupOrder: ReadonlyArray<{ id: string; title: string }>,
): Scope {
  const moduleIds = [...new Set(members.map((m) => m.facts.moduleId))].sort((a, b) => ID_ORDER.compare(a, b));
  const titleOf = new Map(members.map((m) => [m.facts.moduleId, m.facts]));
  const rank = (g: string) => groupOrder.findIndex((x) => x.id === g) >>> 0; // unknown groups last
  const groupIds = [...new Set(members.map((m) => m.facts.groupId))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const moduleIndex = new Map(moduleIds.map((id, i) => [id, i]));
  const groupIndex = new Map(groupIds.map((id, i) => [id, i]));
  const buckets: Bucket[] = [];
  const bucketIndex = new Map<string, number>();
  const entries = members.map((m, index): ScopeEntry => {
    const k = `${m.facts.moduleId}|${m.facts.class}|${m.priority}`;
    let bucket = bucketIndex.get(k);
    if (bucket === undefined) {
      bucketIndex.set(k, (bucket = buckets.length));
      buckets.push({ module: moduleIndex.get(m.facts.moduleId)!, group: groupIndex.get(m.facts.groupId)!, class: m.facts.class, priority: m.priority });
    }
    return Object.freeze({ ...m, key: entryKey(m.objectId, m.facts.measureId), index, bucket });
  });
  const ranges: ScopeObject[] = objects.map((o) => ({ id: o.id, name: o.name, type: o.type, from: 0, to: 0 }));
  let at = 0;
  for (const r of ranges) {
    r.from = at;
    while (at < entries.length && entries[at]!.objectId === r.id) at++;
    r.to = at;
  }
  if (at !== entries.length) throw new Error('Scope members must come grouped by object, in the order of the objects');
  return {
    edition,
    organisationId: objects[0]!.id,
    objects: ranges,
    entries,
    byKey: new Map(entries.map((e) => [e.key, e])),
    buckets,
    modules: moduleIds.map((id) => ({ id, title: titleOf.get(id)!.moduleTitle, group: titleOf.get(id)!.groupId })),
    groups: groupIds.map((id) => ({ id, title: groupOrder.find((g) => g.id === id)?.title ?? id })),
  };
}

/** One municipality over its scope: own status code and shared-service flag per entry. */
export interface Ledger {
  scope: Scope;
  own: Uint8Array;
  shared: Uint8Array;
}

/** A ledger with no own statuses; `delivered` are the entry keys a provider delivers (reference.ts deliveredOf). */
export function emptyLedger(scope: Scope, delivered?: Iterable<string>): Ledger {
  const l = { scope, own: new Uint8Array(scope.entries.length), shared: new Uint8Array(scope.entries.length) };
  if (delivered) for (const key of delivered) {
    const e = scope.byKey.get(key);
    if (e) l.shared[e.index] = 1;
  }
  return l;
}

/** Records an own status; keys outside the scope are ignored. Returns the entry, if any. */
export function recordStatus(l: Ledger, key: string, status: Status): ScopeEntry | undefined {
  const e = l.scope.byKey.get(key);
  if (e) l.own[e.index] = STATUS_CODE[status];
  return e;
}

export const ownAt = (l: Ledger, i: number): Status => STATUSES[l.own[i]!]!;
export const effectiveAt = (l: Ledger, i: number): Status => effectiveStatus(ownAt(l, i), l.shared[i] === 1);

/** Counts per bucket × effective status × (delivered by a shared service or not). */
export function tally(l: Ledger): Int32Array {
  const counts = new Int32Array(l.scope.buckets.length * S * 2);
  const { entries } = l.scope;
  for (let i = 0; i < entries.length; i++) {
    const own = l.own[i]!;
    const via = own === 0 && l.shared[i] === 1 ? 1 : 0;
    counts[(entries[i]!.bucket * S + (via ? IMPLEMENTED : own)) * 2 + via]! += 1;
  }
  return counts;
}

export const countAt = (counts: Int32Array, bucket: number, status: number, via: number): number => counts[(bucket * S + status) * 2 + via]!;
