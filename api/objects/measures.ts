// The measures that apply to a municipality's target objects under its scope setting: the catalogue
// facts, the profile and its unclassified measures from the tracker's reference, the objects with
// their effective needs from read.ts, the rules from object-scope.ts.
import { profileMeasures, unclassifiedMeasures } from '../catalog/stores/profiles.ts';
import type { ObjectMeasureItem, TargetObject } from '../contracts/objects.ts';
import type { Priority } from '../contracts/tracker.ts';
import type { Db } from '../db/database.ts';
import { editionFacts, settingsOf } from '../tracker/reference.ts';
import { objectMeasures, type ObjectMeasure } from './object-scope.ts';

/** Object id → its measures (objects the approach leaves out have none). */
export function measuresByObject(db: Db, ehak: string, objects: readonly Pick<TargetObject, 'id' | 'type' | 'critical' | 'effectiveNeed' | 'modules' | 'dependsOn'>[]): Map<number, ObjectMeasure[]> {
  const s = settingsOf(db, ehak);
  if (!s) return new Map();
  const profile = profileMeasures(db, s.edition, s.profileName);
  return objectMeasures(s.approach, objects, {
    measures: editionFacts(db, s.edition).measures,
    profile: profile && new Map<string, Priority>(profile.map((p) => [p.measureId, p.priority])),
    unclassified: new Set(profile ? unclassifiedMeasures(db, s.edition, s.profileName) : []),
  });
}

export const measureItem = (m: ObjectMeasure): ObjectMeasureItem => ({
  measureId: m.facts.measureId,
  title: m.facts.title,
  module: m.facts.moduleId,
  class: m.facts.class,
  priority: m.priority,
  cia: m.facts.cia,
  reason: m.reason,
});
