// The object × measure rows of one municipality, which the tracker's engine indexes and counts
// (api/tracker/reference.ts scopeOf builds them once per reference epoch). Pure: the objects' rows
// and the catalogue in, members out; the rules are object-scope.ts's. The organisation object
// takes the municipality's scope as the setting decides it (scope-rule.ts: the numbers before
// objects existed) plus what object-scope.ts adds to it: modules modelled on it, high measures by
// its need.
import type { NeedDimension, ObjectMeasureItem } from '../contracts/objects.ts';
import type { Approach } from '../contracts/tracker.ts';
import type { ObjectMember, ScopeEntry } from '../tracker/engine.ts';
import type { ScopeMember } from '../tracker/scope-rule.ts';
import { effectiveNeeds } from './need.ts';
import { objectMeasures, type CatalogForScope, type ObjectForScope } from './object-scope.ts';
import type { TargetObjectRow } from './store.ts';

export const ownNeed = (r: TargetObjectRow): Record<NeedDimension, TargetObjectRow['need_c']> => ({ confidentiality: r.need_c, integrity: r.need_i, availability: r.need_a });
export const distributedOf = (r: TargetObjectRow): Record<NeedDimension, boolean> => ({
  confidentiality: r.distributed_c === 1,
  integrity: r.distributed_i === 1,
  availability: r.distributed_a === 1,
});

/** The objects as the scope rules take them; the organisation object models `orgModules` too. */
export function objectsForScope(
  rows: readonly TargetObjectRow[],
  dependsOn: ReadonlyMap<number, readonly number[]>,
  modules: ReadonlyMap<number, readonly string[]>,
  orgModules: readonly string[],
): ObjectForScope[] {
  const needs = effectiveNeeds(rows.map((r) => ({ id: r.id, own: ownNeed(r), distributed: distributedOf(r), dependsOn: dependsOn.get(r.id) ?? [] })));
  return rows.map((r) => {
    const added = modules.get(r.id) ?? [];
    return {
      id: r.id,
      type: r.type,
      critical: r.critical === 1,
      effectiveNeed: needs.get(r.id)!.level,
      modules: r.type === 'organisation' ? [...new Set([...orgModules, ...added])] : added,
      dependsOn: dependsOn.get(r.id) ?? [],
    };
  });
}

/**
 * Every object's members, grouped by object in `objects` order, catalogue order within each.
 * `base` is the setting's scope (the organisation object's measures before modelling).
 */
export function kovMembers(approach: Approach, objects: readonly ObjectForScope[], catalog: CatalogForScope, base: readonly ScopeMember[]): ObjectMember[] {
  const taken = objectMeasures(approach, objects, catalog);
  const position = new Map(catalog.measures.map((m, i) => [m.measureId, i]));
  const out: ObjectMember[] = [];
  for (const o of objects) {
    let members: readonly ScopeMember[] = taken.get(o.id) ?? [];
    if (o.type === 'organisation') {
      const inBase = new Set(base.map((m) => m.facts.measureId));
      const more = members.filter((m) => !inBase.has(m.facts.measureId));
      members = more.length ? [...base, ...more].sort((a, b) => position.get(a.facts.measureId)! - position.get(b.facts.measureId)!) : base;
    }
    for (const m of members) out.push({ facts: m.facts, priority: m.priority, objectId: o.id });
  }
  return out;
}

/** A row of GET …/objects/{id}/measures: a high measure is in an object's scope only by its need. */
export const measureItem = (e: ScopeEntry): ObjectMeasureItem => ({
  measureId: e.facts.measureId,
  title: e.facts.title,
  module: e.facts.moduleId,
  class: e.facts.class,
  priority: e.priority,
  cia: e.facts.cia,
  reason: e.facts.class === 'high' ? 'need' : 'baseline',
});
