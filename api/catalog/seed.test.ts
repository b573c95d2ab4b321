import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../scripts/catalog/build-index.ts';
import { openDatabase } from '../db/database.ts';
import { importCatalogFile } from './import/index.ts';
import { profileMeasureIds } from './queries.ts';
import { loadCatalogIndex, seedCatalogIndex } from './seed.ts';
import { catalogChecksum, count, fixture, sharedFile } from './test-support.ts';
import { skipWithoutEitsData } from '../../tests/helpers/eits-data.ts';

describe('the shipped catalogue index', () => {
  const index = loadCatalogIndex();

  it('has the 2024 facts and the KOV profile, and no RIA prose', () => {
    expect(index.edition).toBe('2024');
    expect(index.modules).toHaveLength(109);
    expect(index.measures).toHaveLength(1802);
    const priorities = Object.values(index.profiles['KOV']!);
    expect(priorities).toHaveLength(986);
    expect(['P1', 'P2', 'P3'].map((p) => priorities.filter((x) => x === p).length)).toEqual([183, 661, 142]);
    expect(index.measures.every((m) => !('description' in m) && m.link.startsWith('https://eits.ria.ee/'))).toBe(true);
    // The elementary threats as codes and titles, enough for a risk analysis on a fresh database.
    expect(index.threats.map((t) => t.code)).toEqual(Array.from({ length: 47 }, (_, i) => `G 0.${i + 1}`));
    expect(index.threats.every((t) => Object.keys(t).join() === 'code,title')).toBe(true);
  });

  it.skipIf(skipWithoutEitsData())('is what the generator makes from the shared files today', () => {
    const { index: rebuilt } = buildIndex({
      measures: sharedFile('2024_eits_l3_250107.json'),
      library: sharedFile('e-its-2024.yaml'),
      profiles: sharedFile('profile_combo_250107.json'),
      modules2023: sharedFile('modules_and_measures.json'),
      risks: sharedFile('risks.json'),
      profileColumns: { KOV: 'kov' },
    });
    expect({ ...rebuilt, generatedAt: '' }).toEqual({ ...index, generatedAt: '' });
  });
});

describe('seedCatalogIndex', () => {
  it('loads edition 2024 with the KOV profile once; a second run changes nothing', () => {
    const db = openDatabase(':memory:');
    const first = seedCatalogIndex(db);
    expect(first).toEqual({ edition: '2024', seeded: true, measures: 1802, profiles: { KOV: 986 } });
    expect(count(db, "SELECT count(*) FROM catalog_group WHERE edition = '2024'")).toBe(37);
    expect(count(db, 'SELECT count(*) FROM catalog_measure WHERE description IS NOT NULL')).toBe(0);
    const before = catalogChecksum(db);
    expect(seedCatalogIndex(db).seeded).toBe(false);
    expect(catalogChecksum(db)).toBe(before);
  });

  it('never overwrites an edition an operator imported, but adds a missing profile', () => {
    const db = openDatabase(':memory:');
    importCatalogFile(db, fixture('flat-small.json'));
    const r = seedCatalogIndex(db);
    expect(r.seeded).toBe(false);
    expect(r.measures).toBe(3);
    expect([...profileMeasureIds(db, '2024', 'KOV').keys()]).toEqual(['ISMS.1.M1', 'ISMS.1.M2', 'OPS.1.1.5.ME1']);
  });

  it.skipIf(skipWithoutEitsData())('keeps the full RIA text when the official files are imported after the seed', () => {
    const db = openDatabase(':memory:');
    seedCatalogIndex(db);
    importCatalogFile(db, sharedFile('2024_eits_l3_250107.json'));
    expect(count(db, "SELECT count(*) FROM catalog_measure WHERE edition = '2024' AND description IS NOT NULL")).toBe(1802);
    expect(count(db, "SELECT count(*) FROM catalog_measure WHERE edition = '2024'")).toBe(1802);
    expect(profileMeasureIds(db, '2024', 'KOV').size).toBe(986);
  });
});

describe('the profile’s unclassified measures', () => {
  it('are seeded from the index, and a measure the profile classifies later leaves the list', async () => {
    const db = openDatabase(':memory:');
    seedCatalogIndex(db);
    const unclassified = () => db.prepare('SELECT measure_id FROM catalog_profile_unclassified ORDER BY measure_id').pluck().all();
    expect(unclassified()).toEqual(['DER.3.2.M7', 'ORP.4.M10', 'SYS.3.1.M12', 'SYS.3.1.M13', 'SYS.3.1.M14', 'SYS.3.1.M17', 'SYS.3.2.1.M11', 'SYS.3.2.1.M36']);
    const { applyProfile } = await import('./import/profile.ts');
    const kov = new Map(profileMeasureIds(db, '2024', 'KOV'));
    applyProfile(db, '2024', 'KOV', new Map([...kov, ['ORP.4.M10', 'P1']]));
    expect(unclassified()).not.toContain('ORP.4.M10');
    expect(unclassified()).toHaveLength(7);
  });
});
