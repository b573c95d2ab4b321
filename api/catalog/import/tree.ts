import { TOP_GROUPS, topGroupOf } from '../ids.ts';
import type { GroupRec } from './bundle.ts';

/** The top-level groups the given modules belong to (titles and kinds are fixed by the standard). */
export function groupsForModules(moduleIds: string[]): GroupRec[] {
  const used = new Set(moduleIds.map(topGroupOf));
  return TOP_GROUPS.filter((g) => used.has(g.id)).map((g) => ({ id: g.id, parentId: null, title: g.title, kind: g.kind }));
}
