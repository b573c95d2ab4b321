// The full-scale fixtures' structure analysis (issue 18): every municipality gets the same 14
// target objects besides its organisation object — the first pass's eight and six more, with
// modules, dependencies, a critical object and raised needs that bring high measures in — so the
// benchmark and the full-scale tests count object × measure rows at the size a real modelling has.
// Written through the objects' store in one transaction; the tracker's reference sees it at once.
import type { Db } from '../../api/db/database.ts';
import { inTransaction } from '../../api/db/database.ts';
import { FIRST_PASS, type SuggestedObject } from '../../api/objects/suggestions.ts';
import { allObjectRows, insertObject, replaceDependencies, replaceModules } from '../../api/objects/store.ts';
import { kovList } from '../../api/tracker/reference.ts';

interface ScaleObject extends SuggestedObject {
  dependsOn?: readonly string[];
  need?: { c?: 'high' | 'very_high'; i?: 'high' | 'very_high'; a?: 'high' | 'very_high' };
  critical?: boolean;
}

const MORE: readonly ScaleObject[] = [
  { name: 'Kataloogiteenus (Active Directory)', type: 'application', modules: ['APP.2.2'], dependsOn: ['Serverid'], need: { i: 'high' } },
  { name: 'Virtualiseerimine', type: 'it_system', modules: ['SYS.1.5'], dependsOn: ['Serveriruum'] },
  { name: 'Printerid ja multifunktsionaalseadmed', type: 'it_system', count: 6, modules: ['SYS.4.1'] },
  { name: 'Traadita võrk', type: 'network', modules: ['NET.2.1'] },
  { name: 'Nutitelefonid', type: 'it_system', count: 15, modules: ['SYS.3.2.2'] },
  { name: 'Andmebaasid', type: 'application', modules: ['APP.4.3'], dependsOn: ['Serverid'] },
];

/** The 14 objects: the first pass with its links and needs, then six more. */
export const SCALE_OBJECTS: readonly ScaleObject[] = [
  ...FIRST_PASS.map((s): ScaleObject => {
    if (s.name === 'Dokumendihaldussüsteem') return { ...s, critical: true, dependsOn: ['Serverid', 'Kohtvõrk'], need: { c: 'high', a: 'high' } };
    if (s.name === 'Serverid') return { ...s, dependsOn: ['Serveriruum'] };
    if (s.name === 'Veebileht') return { ...s, need: { i: 'high' } };
    return s;
  }),
  ...MORE,
];

/** Adds the objects to every municipality that has only its organisation object; returns how many were added. */
export function seedScaleObjects(db: Db): number {
  const modelled = new Set(allObjectRows(db).filter((r) => r.type !== 'organisation').map((r) => r.ehak));
  let added = 0;
  inTransaction(db, () => {
    for (const { ehak } of kovList(db)) {
      if (modelled.has(ehak)) continue;
      const ids = new Map<string, number>();
      for (const o of SCALE_OBJECTS) {
        const raised = o.need !== undefined;
        const id = insertObject(db, {
          ehak, type: o.type, name: o.name, description: null, item_count: o.count ?? 1, critical: o.critical ? 1 : 0,
          need_c: o.need?.c ?? 'normal', need_i: o.need?.i ?? 'normal', need_a: o.need?.a ?? 'normal',
          distributed_c: 0, distributed_i: 0, distributed_a: 0,
          justification: raised ? 'Skaalatesti kaitsetarve.' : null, updated_by: null,
        });
        ids.set(o.name, id);
        replaceModules(db, id, o.modules);
        added++;
      }
      for (const o of SCALE_OBJECTS) if (o.dependsOn) replaceDependencies(db, ids.get(o.name)!, o.dependsOn.map((n) => ids.get(n)!));
    }
  });
  return added;
}
