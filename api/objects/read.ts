// A municipality's target objects as the API answers them: rows with their dependencies, modelled
// modules and effective protection needs (need.ts). The organisation object models every module
// of the municipality's scope, plus any added to it.
import type { NeedDimension, TargetObject } from '../contracts/objects.ts';
import type { Db } from '../db/database.ts';
import { objectModels } from '../solutions/store.ts';
import { scopeOf } from '../tracker/reference.ts';
import { peopleOf } from '../users/store.ts';
import { measuresByObject } from './measures.ts';
import { effectiveNeeds, type NeedInput } from './need.ts';
import { dependencyRows, moduleRows, objectRows, type TargetObjectRow } from './store.ts';

const own = (r: TargetObjectRow): Record<NeedDimension, TargetObjectRow['need_c']> => ({ confidentiality: r.need_c, integrity: r.need_i, availability: r.need_a });
const distributed = (r: TargetObjectRow): Record<NeedDimension, boolean> => ({
  confidentiality: r.distributed_c === 1,
  integrity: r.distributed_i === 1,
  availability: r.distributed_a === 1,
});

/** Object id → the ids it depends on (every object of the municipality has an entry). */
export function dependencyMap(db: Db, ehak: string, rows: readonly TargetObjectRow[]): Map<number, number[]> {
  const map = new Map<number, number[]>(rows.map((r) => [r.id, []]));
  for (const d of dependencyRows(db, ehak)) map.get(d.object_id)?.push(d.depends_on);
  return map;
}

/** The modules of the municipality's scope, in catalogue order. */
export function scopeModules(db: Db, ehak: string): string[] {
  const scope = scopeOf(db, ehak);
  return scope ? [...new Set(scope.entries.map((e) => e.facts.moduleId))] : [];
}

export function listObjects(db: Db, ehak: string): TargetObject[] {
  const rows = objectRows(db, ehak);
  const deps = dependencyMap(db, ehak, rows);
  const modules = new Map<number, string[]>();
  for (const m of moduleRows(db, ehak)) modules.set(m.object_id, [...(modules.get(m.object_id) ?? []), m.module_id]);
  const inputs: NeedInput[] = rows.map((r) => ({ id: r.id, own: own(r), distributed: distributed(r), dependsOn: deps.get(r.id) ?? [] }));
  const needs = effectiveNeeds(inputs);
  const people = peopleOf(db, rows.map((r) => r.updated_by));
  const orgModules = rows.some((r) => r.type === 'organisation') ? scopeModules(db, ehak) : [];
  const adopted = objectModels(db, ehak);
  const objects = rows.map((r): Omit<TargetObject, 'measureCount' | 'needMeasureCount'> => {
    const need = needs.get(r.id)!;
    const added = modules.get(r.id) ?? [];
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      description: r.description,
      count: r.item_count,
      critical: r.critical === 1,
      protectionNeed: own(r),
      effectiveNeed: need.level,
      needOrigin: need.origin,
      distribution: distributed(r),
      justification: r.justification,
      dependsOn: deps.get(r.id) ?? [],
      modules: r.type === 'organisation' ? [...new Set([...orgModules, ...added])] : added,
      solutionModel: adopted.get(r.id) ?? null,
      version: r.version,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by === null ? null : (people.get(r.updated_by) ?? null),
    };
  });
  const measures = measuresByObject(db, ehak, objects);
  return objects.map((o) => {
    const of = measures.get(o.id) ?? [];
    return { ...o, measureCount: of.length, needMeasureCount: of.filter((m) => m.reason === 'need').length };
  });
}

export const objectOf = (db: Db, ehak: string, id: number): TargetObject | undefined => listObjects(db, ehak).find((o) => o.id === id);
