// The progress engine: the one place that decides a measure's effective status and overdue flag
// and counts a municipality's scope. It works in memory over a Scope (reference.ts builds it once
// per scope setting from the catalogue) and one municipality's own statuses and shared services
// (a Ledger, filled from the stores), so the list, a record, progress, the overview, the benchmark
// and snapshots all get their numbers from the same code. Inputs are keyed by `ScopeEntry.key`,
// today the measure id; tracking per target object (issue #18) keys them by (object, measure).
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

export interface ScopeEntry extends ScopeMember {
  /** What statuses and shared services are keyed by (the measure id). */
  key: string;
  /** Position in catalogue order. */
  index: number;
  bucket: number;
}

/** A scope ready for counting; one object per distinct scope setting, shared by its municipalities. */
export interface Scope {
  edition: string;
  entries: readonly ScopeEntry[];
  byKey: ReadonlyMap<string, ScopeEntry>;
  buckets: readonly Bucket[];
  /** Modules with measures in scope, in natural id order (OPS.1.1.10 after OPS.1.1.9). */
  modules: ReadonlyArray<{ id: string; title: string; group: string }>;
  /** Top-level groups with measures in scope, in catalogue order. */
  groups: ReadonlyArray<{ id: string; title: string }>;
}

const ID_ORDER = new Intl.Collator('en', { numeric: true });

/** Indexes members (catalogue order) for counting; `groupOrder` is the edition's top-level groups in order. */
export function indexScope(edition: string, members: readonly ScopeMember[], groupOrder: ReadonlyArray<{ id: string; title: string }>): Scope {
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
    return Object.freeze({ ...m, key: m.facts.measureId, index, bucket });
  });
  return {
    edition,
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

export function emptyLedger(scope: Scope, shared?: ReadonlySet<string>): Ledger {
  const l = { scope, own: new Uint8Array(scope.entries.length), shared: new Uint8Array(scope.entries.length) };
  if (shared) for (const key of shared) {
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
