import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { importCatalogFile, importProfile, importThreats, type ImportSummary } from './import/index.ts';
import { getMeasure, listModules, profileMeasureIds } from './queries.ts';
import { catalogChecksum, count, sharedFile } from './test-support.ts';
import { skipWithoutEitsData } from '../../tests/helpers/eits-data.ts';

const byClass = (db: ReturnType<typeof openDatabase>, edition: string) =>
  Object.fromEntries(db.prepare('SELECT class, count(*) AS n FROM catalog_measure WHERE edition = ? GROUP BY class').all(edition).map((r) => {
    const { class: c, n } = r as { class: string; n: number };
    return [c, n];
  }));

describe.skipIf(skipWithoutEitsData())('importing the shared 2024 catalogue', () => {
  const db = openDatabase(':memory:');
  let flat: ImportSummary;
  let yaml: ImportSummary;
  let elapsed = 0;
  beforeAll(() => {
    const started = Date.now();
    flat = importCatalogFile(db, sharedFile('2024_eits_l3_250107.json'), { edition: '2024' });
    yaml = importCatalogFile(db, sharedFile('e-its-2024.yaml'));
    elapsed = Date.now() - started;
  });

  it('gives 109 modules and 1802 measures, 618 / 781 / 403 by class', () => {
    expect(flat.format).toBe('ria-flat');
    expect(yaml.format).toBe('ciso-yaml');
    expect(yaml.edition).toBe('2024');
    expect(count(db, "SELECT count(*) FROM catalog_module WHERE edition = '2024'")).toBe(109);
    expect(count(db, "SELECT count(*) FROM catalog_measure WHERE edition = '2024'")).toBe(1802);
    expect(byClass(db, '2024')).toEqual({ basic: 618, standard: 781, high: 403 });
    expect(count(db, "SELECT count(*) FROM catalog_group WHERE edition = '2024'")).toBe(37);
    expect(elapsed).toBeLessThan(20_000);
  });

  it('takes module titles and the subgroup tree from the YAML, roles and links from the RIA list', () => {
    const mod = listModules(db, '2024').find((m) => m.id === 'OPS.1.1.5')!;
    expect(mod).toMatchObject({ title: 'Logimine', group: 'OPS', subgroup: 'OPS.1.1' });
    expect(listModules(db, '2024').find((m) => m.id === 'ISMS.1')).toMatchObject({ title: 'Turbehaldus', subgroup: null });
    const m = getMeasure(db, '2024', 'ISMS.1.M1')!;
    expect(m).toMatchObject({ class: 'basic', responsible: 'Infoturbejuht', coResponsible: ['Organisatsiooni juhtkond'], lifecycle: 'Kavandamine', moduleTitle: 'Turbehaldus' });
    expect(m.link).toMatch(/^https:\/\/eits\.ria\.ee\/et\/versioon\/2024\//);
    expect(m.description).toMatch(/^a\. Organisatsiooni juhtkond võtab üldvastutuse/);
    expect(m.description).not.toContain('[NL]');
    expect(getMeasure(db, '2024', 'OPS.1.1.5.ME1')).toMatchObject({ class: 'high', cia: 'I' });
  });

  it('applies the KOV profile: 986 measures (P1 183, P2 661, P3 142), reporting ids 2024 lacks', () => {
    const s = importProfile(db, { file: sharedFile('profile_combo_250107.json'), column: 'kov', name: 'KOV', edition: '2024' });
    expect(s.byPriority).toEqual({ P1: 183, P2: 661, P3: 142 });
    expect(s.missing).toHaveLength(10);
    expect(s.missing).toContain('INF.9.M2');
    expect(count(db, 'SELECT count(*) FROM catalog_measure WHERE id = ?', 'INF.9.M2')).toBe(0);
    expect(profileMeasureIds(db, '2024', 'KOV').size).toBe(986);
  });

  it('changes nothing when any file is imported again', () => {
    const before = catalogChecksum(db);
    const again = importCatalogFile(db, sharedFile('2024_eits_l3_250107.json'));
    importCatalogFile(db, sharedFile('e-its-2024.yaml'));
    importProfile(db, { file: sharedFile('profile_combo_250107.json'), column: 'kov', name: 'KOV', edition: '2024' });
    expect(again.edition).toBe('2024'); // detected from the links
    expect(again.measures).toEqual({ inserted: 0, updated: 0, unchanged: 1802 });
    expect(catalogChecksum(db)).toBe(before);
  });

  it('imports the 47 elementary threats idempotently', () => {
    expect(importThreats(db, sharedFile('risks.json'))).toMatchObject({ inserted: 47 });
    const before = catalogChecksum(db);
    expect(importThreats(db, sharedFile('risks.json'))).toMatchObject({ inserted: 0, updated: 0, unchanged: 47 });
    expect(catalogChecksum(db)).toBe(before);
  });
});

describe.skipIf(skipWithoutEitsData())('importing the 2023 module and measure document', () => {
  it('gives 107 modules with their texts and 1771 measures with threats, and needs an edition', () => {
    const db = openDatabase(':memory:');
    expect(() => importCatalogFile(db, sharedFile('modules_and_measures.json'))).toThrow(/--edition/);
    const s = importCatalogFile(db, sharedFile('modules_and_measures.json'), { edition: '2023' });
    expect(s.format).toBe('eits-2023');
    expect(count(db, "SELECT count(*) FROM catalog_module WHERE edition = '2023'")).toBe(107);
    expect(count(db, "SELECT count(*) FROM catalog_measure WHERE edition = '2023'")).toBe(1771);
    expect(byClass(db, '2023')).toEqual({ basic: 588, standard: 786, high: 397 });
    const mod = db.prepare("SELECT title, description, module_threats FROM catalog_module WHERE edition = '2023' AND id = 'ISMS.1'").get() as Record<string, string>;
    expect(mod['title']).toBe('Turbehaldus');
    expect(mod['description']).toMatch(/^Esitada meetmed/);
    expect(JSON.parse(mod['module_threats']!)[0].title).toMatch(/Isikliku vastutuse puudumine/);
    expect(getMeasure(db, '2023', 'ISMS.1.M1')).toMatchObject({ title: 'Infoturbe üldvastutuse võtmine juhtkonnatasemel', threats: ['G 0.18', 'G 0.27'] });
    const kov = importProfile(db, { file: sharedFile('profile_combo_250107.json'), column: 'kov', name: 'KOV', edition: '2023' });
    expect(kov.byPriority).toEqual({ P1: 183, P2: 665, P3: 148 });
    expect(kov.missing).toEqual([]);
  });
});
