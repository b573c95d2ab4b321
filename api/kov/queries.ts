import type { Kov } from '../contracts/kov.ts';
import type { Db } from '../db/database.ts';


/** Municipalities limited to `scope` ('all' or a list of EHAK codes), ordered by name. */
export function listKovs(db: Db, scope: 'all' | readonly string[]): Kov[] {
  const all = db.prepare('SELECT ehak, name, type, county FROM kov ORDER BY name COLLATE NOCASE').all() as Kov[];
  if (scope === 'all') return all;
  const allowed = new Set(scope);
  return all.filter((k) => allowed.has(k.ehak));
}
