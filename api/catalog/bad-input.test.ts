import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.ts';
import { runCli } from '../../scripts/cli.ts';
import { CatalogInputError, importCatalogFile, importProfile, importThreats } from './import/index.ts';
import { getMeasure, listModules, profileMeasureIds } from './queries.ts';
import { catalogChecksum, count, fixture } from './test-support.ts';

function seeded(): Db {
  const db = openDatabase(':memory:');
  importCatalogFile(db, fixture('flat-small.json'));
  return db;
}

describe('small hand-made files', () => {
  it('imports the flat list, then the YAML fills titles and the subgroup tree', () => {
    const db = seeded();
    expect(listModules(db, '2024').map((m) => [m.id, m.title])).toEqual([['ISMS.1', 'ISMS.1'], ['OPS.1.1.5', 'OPS.1.1.5']]);
    expect(getMeasure(db, '2024', 'ISMS.1.M1')).toMatchObject({ coResponsible: ['Organisatsiooni juhtkond', 'Ülemus'], description: 'a. Esimene rida.\nb. Teine rida.' });
    expect(getMeasure(db, '2024', 'OPS.1.1.5.ME1')).toMatchObject({ cia: 'CI', class: 'high', link: 'https://eits.ria.ee/et/versioon/2024/naide/ops115me1/' });
    const s = importCatalogFile(db, fixture('library-small.yaml'));
    expect(s.edition).toBe('2024');
    expect(listModules(db, '2024').map((m) => [m.id, m.title, m.subgroup])).toEqual([['ISMS.1', 'Turbehaldus', null], ['OPS.1.1.5', 'Logimine', 'OPS.1.1']]);
    // The RIA list's text wins; the YAML only fills a missing description.
    expect(getMeasure(db, '2024', 'ISMS.1.M1')!.description).toBe('a. Esimene rida.\nb. Teine rida.');
    expect(getMeasure(db, '2024', 'ISMS.1.M2')!.description).toBe("a. Lõik 'tsitaadiga'.\nb. Teine lõik");
  });

  it('gives a library without group nodes the standard groups', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-yaml-'));
    const text = readFileSync(fixture('library-small.yaml'), 'utf8')
      .replace('    - urn: urn:x:isms\n      assessable: false\n      depth: 1\n      ref_id: ISMS\n      name: Turbehaldus\n', '')
      .replace('      parent_urn: urn:x:isms\n', '');
    expect(text).not.toMatch(/ref_id: ISMS\n|urn:x:isms\n/);
    writeFileSync(join(dir, 'lib.yaml'), text);
    const db = openDatabase(':memory:');
    importCatalogFile(db, join(dir, 'lib.yaml'));
    rmSync(dir, { recursive: true, force: true });
    expect(db.prepare("SELECT id, parent_id, title FROM catalog_group WHERE id LIKE 'ISMS%' ORDER BY id").all()).toEqual([
      { id: 'ISMS', parent_id: null, title: 'Turbehaldus' },
    ]);
    expect(listModules(db, '2024').map((m) => [m.id, m.group, m.subgroup])).toEqual([['ISMS.1', 'ISMS', null], ['OPS.1.1.5', 'OPS', 'OPS.1.1']]);
  });

  it('gives the same catalogue whichever file comes first', () => {
    const rows = (db: Db) =>
      ['catalog_group', 'catalog_module', 'catalog_measure'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    const a = openDatabase(':memory:');
    importCatalogFile(a, fixture('flat-small.json'));
    importCatalogFile(a, fixture('library-small.yaml'));
    const b = openDatabase(':memory:');
    importCatalogFile(b, fixture('library-small.yaml'));
    importCatalogFile(b, fixture('flat-small.json'));
    expect(rows(b)).toEqual(rows(a));
  });

  it('applies a profile column and replaces it exactly on re-import', () => {
    const db = seeded();
    const s = importProfile(db, { file: fixture('profile-small.json'), column: 'kov', name: 'KOV', edition: '2024' });
    expect(s).toMatchObject({ byPriority: { P1: 1, P2: 0, P3: 1 }, inserted: 2, missing: ['ISMS.1.M9'] });
    const edu = importProfile(db, { file: fixture('profile-small.json'), column: 'edu', name: 'KOV', edition: '2024' });
    expect(edu).toMatchObject({ inserted: 1, updated: 1, removed: 1 });
    expect([...profileMeasureIds(db, '2024', 'KOV')]).toEqual([['ISMS.1.M2', 'P2'], ['OPS.1.1.5.ME1', 'P1']]);
  });
});

describe('bad input changes nothing and names the record and field', () => {
  const cases: Array<[string, (db: Db) => unknown, RegExp]> = [
    ['malformed JSON', (db) => importCatalogFile(db, fixture('malformed.json')), /malformed\.json: vigane JSON/],
    ['missing field', (db) => importCatalogFile(db, fixture('flat-missing-field.json')), /kirje nr 2 \(mid "ISMS\.1\.M2"\), väli "title"/],
    ['wrong class', (db) => importCatalogFile(db, fixture('flat-bad-class.json')), /kirje nr 3 \(mid "OPS\.1\.1\.5\.ME1"\), väli "level"/],
    ['bad YAML group', (db) => importCatalogFile(db, fixture('library-bad-group.yaml')), /ref_id "OPS\.1\.1\.5\.ME1"\), väli "implementation_groups\.0"/],
    ['missing file', (db) => importCatalogFile(db, fixture('puudub.json')), /puudub\.json: faili ei saa lugeda \(ENOENT\)/],
    ['bad priority', (db) => importProfile(db, { file: fixture('profile-bad-priority.json'), column: 'kov', name: 'KOV', edition: '2024' }), /kirje nr 2 \(measure "ISMS\.1\.M2"\), väli "kov"/],
    ['unknown column', (db) => importProfile(db, { file: fixture('profile-small.json'), column: 'kool', name: 'X', edition: '2024' }), /veerg "kool" puudub/],
    ['unknown edition', (db) => importProfile(db, { file: fixture('profile-small.json'), column: 'kov', name: 'KOV', edition: '2019' }), /väljaannet 2019 ei ole/],
    ['bad threat id', (db) => importThreats(db, fixture('risks-bad.json')), /kirje nr 2 \(code "G0\.2"\), väli "code"/],
  ];
  for (const [name, run, message] of cases) {
    it(name, () => {
      const db = seeded();
      const before = catalogChecksum(db);
      expect(() => run(db)).toThrow(CatalogInputError);
      expect(() => run(db)).toThrow(message);
      expect(catalogChecksum(db)).toBe(before);
    });
  }
});

describe('CLI', () => {
  let dir: string;
  const saved = process.env['DATABASE_PATH'];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'catalog-cli-'));
    process.env['DATABASE_PATH'] = join(dir, 'test.db');
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['DATABASE_PATH'];
    else process.env['DATABASE_PATH'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = async (...args: string[]) => {
    let out = '';
    let err = '';
    const stdout = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    const stderr = { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream;
    const code = await runCli(args, { stdout, stderr } as never);
    return { code, out, err };
  };
  const dbState = () => {
    const db = openDatabase(process.env['DATABASE_PATH']!);
    try {
      return { sum: catalogChecksum(db), measures: count(db, 'SELECT count(*) FROM catalog_measure') };
    } finally {
      db.close();
    }
  };

  it('imports, prints a summary, and on a corrupt file exits 2 naming the problem with the database unchanged', async () => {
    const ok = await cli('catalog', 'import', '--file', fixture('flat-small.json'));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/väljaanne 2024/);
    expect(ok.out).toMatch(/meetmed:\s+3 uut/);
    expect(ok.err).toBe(''); // no progress bar when stderr is not a terminal
    const before = dbState();
    expect(before.measures).toBe(3);
    const bad = await cli('catalog', 'import', '--file', fixture('flat-bad-class.json'), '--edition', '2024');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/kirje nr 3 .*väli "level"/);
    expect(dbState()).toEqual(before);
    const profile = await cli('profile', 'import', '--file', fixture('profile-small.json'), '--column', 'kov', '--name', 'KOV', '--edition', '2024');
    expect(profile.code).toBe(0);
    expect(profile.out).toMatch(/puuduvad \(jäeti vahele\) 1: ISMS\.1\.M9/);
    expect((await cli('catalog', 'import', '--file', fixture('flat-small.json'), '--edition', '24')).code).toBe(2);
    expect((await cli('catalog', 'threats', '--file', fixture('risks-bad.json'))).code).toBe(2);
  });
});
