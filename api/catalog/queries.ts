import type { Db } from '../db/database.ts';
import type { MeasureClass, Priority } from './ids.ts';
import { measureDetailRow, measureListRows, moduleSummaryRows } from './store.ts';
import { editionSummaryRows } from './stores/editions.ts';
import { profileMeasuresInOrder, profilesOfMeasure } from './stores/profiles.ts';

/** Read-side of the catalogue, for the API and for other domains (tracker, reports, site): the stores' rows as the API's shapes. */

export interface EditionSummary {
  edition: string;
  title: string;
  moduleCount: number;
  measureCount: number;
  profiles: string[];
}

export interface ModuleSummary {
  id: string;
  title: string;
  group: string;
  subgroup: string | null;
  measureCount: number;
  byClass: Record<MeasureClass, number>;
}

export interface MeasureSummary {
  id: string;
  module: string;
  title: string;
  class: MeasureClass;
  responsible: string;
  lifecycle: string;
  cia: string;
  threats: string[];
  /** Priority in the requested profile; null without a profile or when not in it. */
  priority: Priority | null;
}

export interface MeasureDetail extends Omit<MeasureSummary, 'priority'> {
  edition: string;
  moduleTitle: string;
  coResponsible: string[];
  link: string | null;
  /** RIA's text; null until an official file with descriptions is imported. */
  description: string | null;
  /** Priority per profile of the edition, e.g. {"KOV": "P1"}; absent profiles omitted. */
  profiles: Record<string, Priority>;
}

export interface MeasureFilters {
  module?: string;
  class?: MeasureClass;
  /** Profile name whose priorities annotate the list (e.g. 'KOV'). */
  profile?: string;
  /** Only measures with this priority in `profile` (requires profile). */
  priority?: Priority;
}

export function listEditions(db: Db): EditionSummary[] {
  return editionSummaryRows(db).map((r) => ({ ...r, profiles: JSON.parse(r.profiles) as string[] }));
}

export function listModules(db: Db, edition: string): ModuleSummary[] {
  return moduleSummaryRows(db, edition).map(({ basic, standard, high, ...m }) => ({ ...m, byClass: { basic: basic ?? 0, standard: standard ?? 0, high: high ?? 0 } }));
}

export function listMeasures(db: Db, edition: string, filters: MeasureFilters = {}): MeasureSummary[] {
  const rows = measureListRows(db, {
    edition,
    module: filters.module ?? null,
    class: filters.class ?? null,
    profile: filters.profile ?? null,
    priority: filters.priority ?? null,
  });
  return rows.map((r) => ({ ...r, threats: JSON.parse(r.threats) as string[], priority: r.priority ?? null }));
}

export function getMeasure(db: Db, edition: string, id: string): MeasureDetail | undefined {
  const row = measureDetailRow(db, edition, id);
  if (!row) return undefined;
  return {
    ...row,
    threats: JSON.parse(row.threats) as string[],
    coResponsible: JSON.parse(row.coResponsible) as string[],
    profiles: Object.fromEntries(profilesOfMeasure(db, edition, id).map((p) => [p.name, p.priority])),
  };
}

/** Measure id → priority for a named profile of an edition (empty when the profile is absent). */
export function profileMeasureIds(db: Db, edition: string, profileName: string): Map<string, Priority> {
  return new Map(profileMeasuresInOrder(db, edition, profileName).map((r) => [r.measureId, r.priority]));
}
