// Which measures apply to each target object (issue 18), decided in one place (pure: objects and
// catalogue facts in, measures per object out). The rules, stated once:
//   - an object takes the measures of the modules modelled on it; of a module the profile covers,
//     the profile's measures (with those it has not classified yet), of any other module all;
//   - basic (põhiturve): basic measures;
//   - standard (standardturve): basic + standard measures, and a high measure when the object's
//     effective protection need is high or very high in a dimension the measure's C/I/A flags name;
//   - core (tuumikuturve): as standard, for the objects marked critical and everything they depend
//     on, and always the organisation object: its process modules (ISMS, ORP, CON, OPS, DER) frame
//     any core. Its modules under core are the former meaning of core: the profile's modules with a
//     P1 measure (api/tracker/reference.ts settingModules), so nobody's numbers change until objects are
//     modelled.
import type { Approach, Priority } from '../contracts/tracker.ts';
import type { NeedDimension, ProtectionNeed } from '../contracts/objects.ts';
import type { MeasureFacts } from '../tracker/scope-rule.ts';

export interface ObjectForScope {
  id: number;
  type: string;
  critical: boolean;
  effectiveNeed: ProtectionNeed;
  modules: readonly string[];
  dependsOn: readonly number[];
}

export interface ObjectMeasure {
  facts: MeasureFacts;
  priority: Priority | null;
  /** 'baseline' by class and approach; 'need' a high measure the object's protection need brings in. */
  reason: 'baseline' | 'need';
}

export interface CatalogForScope {
  /** The edition's measures in catalogue order. */
  measures: readonly MeasureFacts[];
  /** The profile's priorities by measure id (null: no profile). */
  profile: ReadonlyMap<string, Priority> | null;
  /** Measures of the profile's modules it has not classified yet. */
  unclassified: ReadonlySet<string>;
}

const FLAG: Record<NeedDimension, string> = { confidentiality: 'C', integrity: 'I', availability: 'A' };

/** True when the object's effective need is high or very high in a dimension the flags name. */
export function needCalls(need: ProtectionNeed, cia: string): boolean {
  return (Object.keys(FLAG) as NeedDimension[]).some((dim) => need[dim] !== 'normal' && cia.includes(FLAG[dim]));
}

/** The objects in play: every one, or for core the critical ones and all they depend on. */
export function objectsInPlay(approach: Approach, objects: readonly ObjectForScope[]): ObjectForScope[] {
  if (approach !== 'core') return [...objects];
  const byId = new Map(objects.map((o) => [o.id, o]));
  const chosen = new Set<number>();
  const visit = (id: number) => {
    if (chosen.has(id) || !byId.has(id)) return;
    chosen.add(id);
    for (const d of byId.get(id)!.dependsOn) visit(d);
  };
  for (const o of objects) if (o.critical || o.type === 'organisation') visit(o.id);
  return objects.filter((o) => chosen.has(o.id));
}

/** The measures of each object in play, in catalogue order. */
export function objectMeasures(approach: Approach, objects: readonly ObjectForScope[], catalog: CatalogForScope): Map<number, ObjectMeasure[]> {
  const listed = (id: string) => catalog.profile?.has(id) === true || catalog.unclassified.has(id);
  const profileModules = new Set(catalog.measures.filter((m) => listed(m.measureId)).map((m) => m.moduleId));
  const out = new Map<number, ObjectMeasure[]>();
  for (const o of objectsInPlay(approach, objects)) {
    const modules = new Set(o.modules);
    const taken: ObjectMeasure[] = [];
    for (const m of catalog.measures) {
      if (!modules.has(m.moduleId)) continue;
      if (profileModules.has(m.moduleId) && !listed(m.measureId)) continue;
      const priority = catalog.profile?.get(m.measureId) ?? null;
      if (m.class === 'basic' || (m.class === 'standard' && approach !== 'basic')) taken.push({ facts: m, priority, reason: 'baseline' });
      else if (m.class === 'high' && approach !== 'basic' && needCalls(o.effectiveNeed, m.cia)) taken.push({ facts: m, priority, reason: 'need' });
    }
    out.set(o.id, taken);
  }
  return out;
}
