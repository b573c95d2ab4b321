// Demo structure analysis for Anija vald (the demo specialist's and viewer's municipality): the
// typical objects of a small municipality, linked as they depend on each other, with justified
// needs, so the structure analysis page and the maximum principle show something on first start.
import type { Db } from '../../api/db/database.ts';
import { FIRST_PASS } from '../../api/objects/suggestions.ts';
import { createObject } from '../../api/objects/write.ts';
import { firstUserIdByEmail } from '../../api/users/store.ts';
import { DEMO_SPECIALIST_EMAILS } from './tracker-demo.ts';

const EHAK = '0141';

/** Needs above normal and what each object depends on, by name (FIRST_PASS names). */
const NEEDS: Record<string, { need: Record<string, 'high' | 'very_high'>; why: string }> = {
  Dokumendihaldussüsteem: { need: { confidentiality: 'high', integrity: 'high' }, why: 'Isikuandmed ja menetlusdokumendid; muutmine peab olema jälgitav.' },
  'Volikogu infosüsteem (VOLIS)': { need: { integrity: 'high', availability: 'high' }, why: 'Istungite otsused ja hääletused; istungid on tähtajalised.' },
  'E-post ja Microsoft 365': { need: { confidentiality: 'high' }, why: 'Kirjavahetuses on isikuandmeid.' },
};
const DEPENDS: Record<string, string[]> = {
  Dokumendihaldussüsteem: ['Serverid'],
  'Volikogu infosüsteem (VOLIS)': ['Kohtvõrk'],
  Serverid: ['Serveriruum', 'Kohtvõrk'],
  Töökohaarvutid: ['Kohtvõrk'],
};

export function seedObjectsDemo(db: Db, log: (line: string) => void): void {
  const actor = { id: firstUserIdByEmail(db, DEMO_SPECIALIST_EMAILS), ip: null };
  const ids = new Map<string, number>();
  // Depended-on objects first, so every dependency exists when an object names it.
  const depth = (name: string): number => Math.max(0, ...(DEPENDS[name] ?? []).map((d) => depth(d) + 1));
  const order = [...FIRST_PASS].sort((a, b) => depth(a.name) - depth(b.name));
  for (const s of order) {
    const needs = NEEDS[s.name];
    const created = createObject(
      db,
      EHAK,
      {
        name: s.name,
        type: s.type,
        count: s.count ?? 1,
        modules: [...s.modules],
        dependsOn: (DEPENDS[s.name] ?? []).map((n) => ids.get(n)!),
        ...(needs ? { protectionNeed: needs.need, justification: needs.why } : {}),
      },
      actor,
    );
    ids.set(s.name, created.id);
  }
  log(`Struktuurianalüüsi näide: ${ids.size} sihtobjekti (Anija vald)`);
}
