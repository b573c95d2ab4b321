// Protection needs by the maximum principle (E-ITS structure analysis): an object needs at least
// what every object depending on it needs, dimension by dimension — a server hosting an
// application with high availability is itself at least high in availability. In a dimension the
// object marks as distributed (distribution effect: redundancy, with a justification) it keeps its
// own need. Pure: objects in, effective needs out; the dependency graph is acyclic (writes refuse
// cycles with `wouldCycle`).
import { NEED_DIMENSIONS, NEED_LEVELS, type NeedDimension, type NeedLevel } from '../contracts/objects.ts';
import { pushTo } from '../lib/group.ts';

export interface NeedInput {
  id: number;
  own: Record<NeedDimension, NeedLevel>;
  distributed: Record<NeedDimension, boolean>;
  dependsOn: readonly number[];
}

export interface EffectiveNeed {
  level: Record<NeedDimension, NeedLevel>;
  /** The object whose own need raised this one (followed to its source), or null. */
  origin: Record<NeedDimension, number | null>;
}

const rank = (l: NeedLevel): number => NEED_LEVELS.indexOf(l);

export function effectiveNeeds(objects: readonly NeedInput[]): Map<number, EffectiveNeed> {
  const byId = new Map(objects.map((o) => [o.id, o]));
  const dependents = new Map<number, number[]>();
  for (const o of objects) for (const d of o.dependsOn) if (byId.has(d)) pushTo(dependents, d, o.id);
  const done = new Map<number, EffectiveNeed>();
  const visiting = new Set<number>();
  const resolve = (id: number): EffectiveNeed => {
    const known = done.get(id);
    if (known) return known;
    if (visiting.has(id)) throw new Error(`Dependency cycle at object ${id}`);
    visiting.add(id);
    const o = byId.get(id)!;
    const level = { ...o.own };
    const origin: Record<NeedDimension, number | null> = { confidentiality: null, integrity: null, availability: null };
    for (const depId of dependents.get(id) ?? []) {
      const dep = resolve(depId);
      for (const dim of NEED_DIMENSIONS) {
        if (o.distributed[dim] || rank(dep.level[dim]) <= rank(level[dim])) continue;
        level[dim] = dep.level[dim];
        origin[dim] = dep.origin[dim] ?? depId;
      }
    }
    visiting.delete(id);
    const result = { level, origin };
    done.set(id, result);
    return result;
  };
  for (const o of objects) resolve(o.id);
  return done;
}

/** True when `objectId` depending on `target` would close a cycle (target already depends on objectId, or is it). */
export function wouldCycle(dependsOn: ReadonlyMap<number, readonly number[]>, objectId: number, target: number): boolean {
  const seen = new Set<number>();
  const stack = [target];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === objectId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(dependsOn.get(id) ?? []));
  }
  return false;
}
