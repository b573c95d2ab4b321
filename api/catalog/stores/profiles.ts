// Profiles of an edition and their measures' priorities (tables catalog_profile,
// catalog_profile_measure), e.g. KOV: measure → P1/P2/P3. The one module that runs SQL on them.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';
import type { Priority } from '../ids.ts';

/** A row of catalog_profile_measure, by measure. */
export interface ProfileMeasureRow {
  measureId: string;
  priority: Priority;
}

/** A measure's priority in one named profile. */
export interface MeasureProfileRow {
  name: string;
  priority: Priority;
}

const ID = prepared<[string, string], { id: number }>('SELECT id FROM catalog_profile WHERE edition = ? AND name = ?');
const ENSURE = prepared<[string, string], unknown>('INSERT INTO catalog_profile (edition, name) VALUES (?, ?) ON CONFLICT (edition, name) DO NOTHING');
const NAMES = prepared<[string], { name: string }>('SELECT name FROM catalog_profile WHERE edition = ? ORDER BY name');
const MEASURES = prepared<[number], ProfileMeasureRow>('SELECT measure_id AS measureId, priority FROM catalog_profile_measure WHERE profile_id = ?');
const IN_ORDER = prepared<[string, string], ProfileMeasureRow>(
  `SELECT pm.measure_id AS measureId, pm.priority FROM catalog_profile_measure pm JOIN catalog_profile p ON p.id = pm.profile_id
   JOIN catalog_measure x ON x.edition = pm.edition AND x.id = pm.measure_id
   WHERE p.edition = ? AND p.name = ? ORDER BY x.sort_key`,
);
const COUNT = prepared<[string, string], { n: number }>(
  'SELECT count(*) AS n FROM catalog_profile_measure pm JOIN catalog_profile p ON p.id = pm.profile_id WHERE p.edition = ? AND p.name = ?',
);
const OF_MEASURE = prepared<[string, string], MeasureProfileRow>(
  `SELECT p.name, pm.priority FROM catalog_profile_measure pm JOIN catalog_profile p ON p.id = pm.profile_id
   WHERE pm.edition = ? AND pm.measure_id = ? ORDER BY p.name`,
);
const INSERT = prepared<[number, string, string, Priority], unknown>('INSERT INTO catalog_profile_measure (profile_id, edition, measure_id, priority) VALUES (?, ?, ?, ?)');
const UPDATE = prepared<[Priority, number, string], unknown>('UPDATE catalog_profile_measure SET priority = ? WHERE profile_id = ? AND measure_id = ?');
const DELETE = prepared<[number, string], unknown>('DELETE FROM catalog_profile_measure WHERE profile_id = ? AND measure_id = ?');
const UNCLASSIFIED = prepared<[string, string], { measureId: string }>(
  `SELECT u.measure_id AS measureId FROM catalog_profile_unclassified u JOIN catalog_profile p ON p.id = u.profile_id
   WHERE p.edition = ? AND p.name = ? ORDER BY u.measure_id`,
);
const ADD_UNCLASSIFIED = prepared<[number, string, string], unknown>(
  'INSERT INTO catalog_profile_unclassified (profile_id, edition, measure_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
);
const DROP_UNCLASSIFIED = prepared<[number, string], unknown>('DELETE FROM catalog_profile_unclassified WHERE profile_id = ? AND measure_id = ?');

/** A profile's measures with their priorities; null when the edition has no profile of that name. */
export function profileMeasures(db: Db, edition: string, name: string): ProfileMeasureRow[] | null {
  const profile = ID(db).get(edition, name);
  return profile ? measuresOfProfile(db, profile.id) : null;
}

export const measuresOfProfile = (db: Db, profileId: number): ProfileMeasureRow[] => MEASURES(db).all(profileId);

export const profileExists = (db: Db, edition: string, name: string): boolean => ID(db).get(edition, name) !== undefined;

/** The profile's id, creating the profile when the edition has none of that name. */
export function ensureProfile(db: Db, edition: string, name: string): number {
  ENSURE(db).run(edition, name);
  return ID(db).get(edition, name)!.id;
}

/** The profile names of an edition, sorted. */
export const profileNames = (db: Db, edition: string): string[] => NAMES(db).all(edition).map((r) => r.name);

/** A named profile's measures in catalogue order (empty when the profile is absent). */
export const profileMeasuresInOrder = (db: Db, edition: string, name: string): ProfileMeasureRow[] => IN_ORDER(db).all(edition, name);

/** How many measures a named profile lists (0 when absent). */
export const profileMeasureCount = (db: Db, edition: string, name: string): number => COUNT(db).get(edition, name)!.n;

/** The measure's priority in each profile of its edition that lists it, by profile name. */
export const profilesOfMeasure = (db: Db, edition: string, measureId: string): MeasureProfileRow[] => OF_MEASURE(db).all(edition, measureId);

export const insertProfileMeasure = (db: Db, profileId: number, edition: string, measureId: string, priority: Priority): void =>
  void INSERT(db).run(profileId, edition, measureId, priority);

export const updateProfileMeasure = (db: Db, profileId: number, measureId: string, priority: Priority): void => void UPDATE(db).run(priority, profileId, measureId);

export const deleteProfileMeasure = (db: Db, profileId: number, measureId: string): void => void DELETE(db).run(profileId, measureId);

/** Measures of the profile's modules it has not classified yet (no priority): in scope as "määramata". */
export const unclassifiedMeasures = (db: Db, edition: string, name: string): string[] => UNCLASSIFIED(db).all(edition, name).map((r) => r.measureId);

export const addUnclassified = (db: Db, profileId: number, edition: string, measureId: string): void => void ADD_UNCLASSIFIED(db).run(profileId, edition, measureId);

/** A measure that gets a priority is classified from then on. */
export const dropUnclassified = (db: Db, profileId: number, measureId: string): void => void DROP_UNCLASSIFIED(db).run(profileId, measureId);
