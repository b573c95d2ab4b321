import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/database.ts';
import type { Priority } from './ids.ts';
import type { Bundle } from './import/bundle.ts';
import { applyProfile } from './import/profile.ts';
import { seedThreats } from './import/threats.ts';
import { ensureEdition, writeBundle } from './import/write.ts';
import { measureCount, measureExists } from './store.ts';
import { editionExists } from './stores/editions.ts';
import { threatCount } from './stores/threats.ts';
import { addUnclassified, ensureProfile, profileMeasureCount, profileNames } from './stores/profiles.ts';
import { CatalogIndexSchema, INDEX_FILE_URL, type CatalogIndex } from './index-file.ts';

/** The edition of data/catalog/eits-2024-index.json. */
export const SHIPPED_EDITION = '2024';

export function loadCatalogIndex(path = fileURLToPath(INDEX_FILE_URL)): CatalogIndex {
  return CatalogIndexSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The shipped index as an importable bundle (facts only; descriptions stay as they are). */
export function indexToBundle(index: CatalogIndex): Bundle {
  return {
    format: 'index',
    edition: index.edition,
    groups: index.groups.map((g) => ({ id: g.id, parentId: g.parent, title: g.title, kind: g.kind })),
    modules: index.modules.map((m) => ({ id: m.id, groupId: m.group, subgroupId: m.subgroup, title: m.title })),
    measures: index.measures.map((m) => ({
      id: m.id,
      moduleId: m.module,
      title: m.title,
      class: m.class,
      responsible: m.responsible,
      coResponsible: m.coResponsible,
      lifecycle: m.lifecycle,
      cia: m.cia,
      threats: m.threats,
      link: m.link,
    })),
  };
}

export interface SeedResult {
  edition: string;
  seeded: boolean;
  measures: number;
  profiles: Record<string, number>;
}

/**
 * Loads data/catalog/eits-2024-index.json as its edition with its profiles, so the product has a
 * catalogue without ../shared. Skips an edition (or profile) that is already present: an
 * operator's own import is never overwritten. Idempotent; one transaction.
 */
export function seedCatalogIndex(db: Db, given?: CatalogIndex): SeedResult {
  return db.transaction((): SeedResult => {
    const edition = given?.edition ?? SHIPPED_EDITION;
    const present = editionExists(db, edition);
    const profileCount = (name: string) => profileMeasureCount(db, edition, name);
    const measures = () => measureCount(db, edition);
    const existingProfiles = profileNames(db, edition);
    // Every start runs this: when the edition and a profile exist, do not even read the file.
    if (!given && present && existingProfiles.length > 0 && threatCount(db) > 0) {
      return { edition, seeded: false, measures: measures(), profiles: Object.fromEntries(existingProfiles.map((n) => [n, profileCount(n)])) };
    }
    const index = given ?? loadCatalogIndex();
    if (!present) {
      ensureEdition(db, index.edition, 'eits-2024-index.json');
      writeBundle(db, index.edition, indexToBundle(index));
    }
    const profiles: Record<string, number> = {};
    for (const [name, map] of Object.entries(index.profiles)) {
      if (!existingProfiles.includes(name)) {
        applyProfile(db, index.edition, name, new Map(Object.entries(map) as Array<[string, Priority]>));
        const profileId = ensureProfile(db, index.edition, name);
        // An operator's own edition may lack some of them: only its measures can be unclassified.
        for (const id of index.unclassified[name] ?? []) if (measureExists(db, index.edition, id)) addUnclassified(db, profileId, index.edition, id);
      }
      profiles[name] = profileCount(name);
    }
    seedThreats(db, index.threats);
    return { edition: index.edition, seeded: !present, measures: measures(), profiles };
  }).immediate();
}

/** One log line for `db seed` / start-up. */
export function describeCatalogSeed(r: SeedResult): string {
  const profiles = Object.entries(r.profiles).map(([name, count]) => `${name} ${count}`);
  return `E-ITS ${r.edition}: ${r.measures} meedet${r.seeded ? ' (laaditud tarnitud indeksist)' : ''}; profiilid: ${profiles.join(', ') || '–'}`;
}
