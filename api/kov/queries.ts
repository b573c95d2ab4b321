import type { Kov } from '../contracts/kov.ts';
import type { Db } from '../db/database.ts';
import { allKovs } from './store.ts';

/** Municipalities limited to `scope` ('all' or a list of EHAK codes), ordered by name. */
export function listKovs(db: Db, scope: 'all' | readonly string[]): Kov[] {
  const all = allKovs(db);
  if (scope === 'all') return all;
  const allowed = new Set(scope);
  return all.filter((k) => allowed.has(k.ehak));
}
