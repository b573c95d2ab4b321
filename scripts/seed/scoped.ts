// Every municipality's object × measure rows in scope, as the tracker's engine decides them, for
// the seeders: by EHAK code, then entry key (object id, measure id), the order their seeded random
// draws have always followed (with only the organisation object: by measure id).
import type { Db } from '../../api/db/database.ts';
import type { ScopeEntry } from '../../api/tracker/engine.ts';
import { kovList, scopeOf } from '../../api/tracker/reference.ts';

export interface ScopedRow {
  ehak: string;
  edition: string;
  objectId: number;
  measureId: string;
  entry: ScopeEntry;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function everyScopedMeasure(db: Db): ScopedRow[] {
  const kovs = [...kovList(db)].sort((a, b) => cmp(a.ehak, b.ehak));
  return kovs.flatMap((k) =>
    [...scopeOf(db, k.ehak)!.entries].sort((a, b) => cmp(a.key, b.key)).map((entry) => ({ ehak: k.ehak, edition: entry.facts.edition, objectId: entry.objectId, measureId: entry.facts.measureId, entry })),
  );
}
