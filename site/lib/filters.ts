/** Options for the module filter: the modules actually used, in catalogue order, labelled "ID Title". */
import { catalogLookup } from './catalog-index.ts';

export function moduleOptions(used: string[]): Array<{ value: string; label: string }> {
  const set = new Set(used);
  const catalog = catalogLookup();
  return catalog.index.modules.filter((m) => set.has(m.id)).map((m) => ({ value: m.id, label: `${m.id} ${m.title}` }));
}
