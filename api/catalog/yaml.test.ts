// The CISO Assistant library goes through the `yaml` package, bounded; these tests hold the
// importer's promises about YAML input: it reads a real library, and refuses bad input clearly.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { CatalogInputError, importCatalogFile, parseCatalogText } from './import/index.ts';
import { MAX_CATALOG_FILE_BYTES } from './import/read.ts';
import { catalogChecksum, fixture } from './test-support.ts';

const library = readFileSync(fixture('library-small.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'catalog-yaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Imports `text` as lib.yaml into a fresh database; expects refusal with nothing written. */
function refused(text: string): CatalogInputError {
  const path = join(dir, 'lib.yaml');
  writeFileSync(path, text);
  const db = openDatabase(':memory:');
  const before = catalogChecksum(db);
  let error: unknown;
  try {
    importCatalogFile(db, path);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(CatalogInputError);
  expect(catalogChecksum(db)).toBe(before);
  return error as CatalogInputError;
}

describe('importing a CISO Assistant library (YAML)', () => {
  it("reads PyYAML's style: sequences at the key's indentation, escapes and folded quoted text", () => {
    const bundle = parseCatalogText(library, 'lib.yaml');
    expect(bundle).toMatchObject({ format: 'ciso-yaml', edition: '2024' });
    expect(bundle.modules.map((m) => [m.id, m.title, m.subgroupId])).toEqual([['ISMS.1', 'Turbehaldus', null], ['OPS.1.1.5', 'Logimine', 'OPS.1.1']]);
    expect(bundle.measures.find((m) => m.id === 'ISMS.1.M2')!.description).toBe("a. Lõik 'tsitaadiga'.\nb. Teine lõik");
    const folded = library.replace('name: Logimine', 'name: "Logi\\xF5\\\n        \\ mine\n        j\u00e4tk"');
    expect(parseCatalogText(folded, 'lib.yaml').modules.find((m) => m.id === 'OPS.1.1.5')!.title).toBe('Logiõ mine jätk');
  });

  it('refuses malformed YAML naming the file, line and column', () => {
    const lines = library.split('\n');
    lines.splice(4, 0, 'broken: [1, 2');
    expect(refused(lines.join('\n')).message).toMatch(/^lib\.yaml: YAML rida 6, veerg 1: vigane taane/);
    expect(refused(library.replace('locale: et\n', 'locale: et\nlocale: en\n')).message).toMatch(/^lib\.yaml: YAML rida 3, veerg 1: võti kordub/);
    expect(refused(library.replace('    requirement_nodes:\n', '    requirement_nodes:\n\t\n\t- x\n')).message).toMatch(/YAML rida 19, veerg 1: tabulaator taandes/);
    expect(refused(library.replace('name: Logimine', 'name: "Logimine')).message).toMatch(/YAML rida 83, veerg 1: puudub vajalik märk/);
    expect(refused(`${library}---\nurn: x\n`).message).toMatch(/mitu YAML-dokumenti/);
  });

  it('keeps to the YAML 1.2 core schema: custom and YAML 1.1 tags are refused', () => {
    expect(refused(library.replace('locale: et', 'locale: !python/object et')).message).toMatch(/YAML rida 2, veerg 9: toetamata silt/);
    expect(refused(library.replace('locale: et', 'locale: !!binary ZXQ=')).message).toMatch(/YAML rida 2, veerg 9: toetamata silt/);
  });

  it('refuses an alias bomb quickly', () => {
    const levels = 'abcdefghij'.split('');
    const bomb = levels.map((l, i) => `${l}: &${l} [${Array(9).fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`).join(', ')}]`).join('\n');
    const started = Date.now();
    expect(refused(`${library}${bomb}\n`).message).toMatch(/^lib\.yaml: YAML-i viited \(alias\) ei sobi/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a file over the size limit before reading it', () => {
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, library);
    truncateSync(path, MAX_CATALOG_FILE_BYTES + 1); // sparse: the size without the bytes
    expect(() => importCatalogFile(openDatabase(':memory:'), path)).toThrow(/^huge\.yaml: fail on liiga suur \(12\.0 MB, lubatud kuni 12 MB\)$/);
    expect(() => parseCatalogText(`${library}#${'x'.repeat(MAX_CATALOG_FILE_BYTES)}\n`, 'big.yaml')).toThrow(/big\.yaml: fail on liiga suur/);
  });
});
