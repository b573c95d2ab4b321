// The elementary threats (table catalog_threat) and the measures' links to them (catalog_measure.threats,
// a JSON array), read for the risk analysis. Writes go through the importers' upsert.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

export interface ThreatRow {
  code: string;
  title: string;
}

const ALL = prepared<[], ThreatRow>('SELECT id AS code, title FROM catalog_threat ORDER BY sort_key');
const COUNT = prepared<[], { n: number }>('SELECT count(*) AS n FROM catalog_threat');
const LINKS = prepared<[string], { id: string; threats: string }>(
  "SELECT id, threats FROM catalog_measure WHERE edition = ? AND threats <> '[]'",
);

/** Every elementary threat in code order (G 0.1, G 0.2 … G 0.47). */
export const threats = (db: Db): ThreatRow[] => ALL(db).all();

export const threatCount = (db: Db): number => COUNT(db).get()!.n;

/** Measure id → the threat codes it counters, for the measures of the edition that name any. */
export function threatLinks(db: Db, edition: string): Map<string, string[]> {
  return new Map(LINKS(db).all(edition).map((r) => [r.id, JSON.parse(r.threats) as string[]]));
}
