// A municipality's target objects as the API answers them: rows with their dependencies, modelled
// modules, effective protection needs (need.ts) and measure counts (the tracker's scope, which
// counts object × measure rows). The organisation object models every module of the
// municipality's scope setting, plus any added to it.
import type { TargetObject } from '../contracts/objects.ts';
import type { Db } from '../db/database.ts';
import { objectModels } from '../solutions/store.ts';
import type { ScopeEntry } from '../tracker/engine.ts';
import { scopeOf, settingModules } from '../tracker/reference.ts';
import { peopleOf } from '../users/store.ts';
import { distributedOf as distributed, ownNeed as own } from './measures.ts';
import { effectiveNeeds, type NeedInput } from './need.ts';
import { dependencyRows, moduleRows, objectRows, type TargetObjectRow } from './store.ts';
import { groupBy } from '../lib/group.ts';

/** Object id → the ids it depends on (every object of the municipality has an entry). */
export function dependencyMap(db: Db, ehak: string, rows: readonly TargetObjectRow[]): Map<number, number[]> {
  const map = new Map<number, number[]>(rows.map((r) => [r.id, []]));
  for (const d of dependencyRows(db, ehak)) map.get(d.object_id)?.push(d.depends_on);
  return map;
}

/** The object's rows in the municipality's scope, in catalogue order (none when the approach leaves it out). */
export function objectEntries(db: Db, ehak: string, id: number): readonly ScopeEntry[] {
  const scope = scopeOf(db, ehak);
  const o = scope?.objects.find((x) => x.id === id);
  return o ? scope!.entries.slice(o.from, o.to) : [];
}

export function listObjects(db: Db, ehak: string): TargetObject[] {
  const rows = objectRows(db, ehak);
  const deps = dependencyMap(db, ehak, rows);
  const modules = groupBy(moduleRows(db, ehak), (m) => m.object_id, (m) => m.module_id);
  const inputs: NeedInput[] = rows.map((r) => ({ id: r.id, own: own(r), distributed: distributed(r), dependsOn: deps.get(r.id) ?? [] }));
  const needs = effectiveNeeds(inputs);
  const people = peopleOf(db, rows.map((r) => r.updated_by));
  const orgModules = rows.some((r) => r.type === 'organisation') ? settingModules(db, ehak) : [];
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
  return objects.map((o) => {
    const of = objectEntries(db, ehak, o.id);
    return { ...o, measureCount: of.length, needMeasureCount: of.filter((e) => e.facts.class === 'high').length };
  });
}

export const objectOf = (db: Db, ehak: string, id: number): TargetObject | undefined => listObjects(db, ehak).find((o) => o.id === id);
