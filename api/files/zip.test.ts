import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildZip, deflateBomb, docxBomb, odtBomb, storedOdt } from '../../tests/helpers/zip-bomb.ts';
import { detectFileKind } from './sniff.ts';
import { centralDirectory, firstLocalEntry, inflateBounded, plausibleSizes } from './zip.ts';

/** Milliseconds a call takes (the bomb is built before the clock starts); bounds are generous, the old code took seconds. */
function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

describe('zip bombs', () => {
  it('tells an ODT from its stored mimetype and refuses one whose mimetype is a 1 GB bomb, in milliseconds', () => {
    expect(detectFileKind(storedOdt())).toBe('odt');
    expect(detectFileKind(storedOdt('application/vnd.oasis.opendocument.spreadsheet'))).toBe('ods');
    const bomb = odtBomb(1024);
    const [kind, ms] = timed(() => detectFileKind(bomb));
    expect(kind).toBeNull();
    expect(ms).toBeLessThan(500);
  });

  it('refuses a DOCX whose [Content_Types].xml claims 100 bytes but expands to 1 GB, without inflating it', () => {
    const bomb = docxBomb(1024);
    const [kind, ms] = timed(() => detectFileKind(bomb));
    expect(kind).toBeNull();
    expect(ms).toBeLessThan(500);
  });

  it('refuses an archive that honestly claims more than 1 GB expanded', () => {
    const types = strToU8('<Types/>');
    const huge = buildZip([
      { name: '[Content_Types].xml', method: 8, data: deflateRawSync(types), claimedSize: types.length, crc: crc32(types) },
      { name: 'word/document.xml', method: 8, data: deflateBomb(2), claimedSize: 1024 * 1024 * 1024 + 1 },
    ]);
    expect(centralDirectory(huge)?.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(detectFileKind(huge)).toBeNull();
  });
});

describe('zip reading', () => {
  it('inflates small data and stops at the byte limit on a bomb', () => {
    expect(new TextDecoder().decode(inflateBounded(deflateRawSync('application/vnd.oasis.opendocument.text'), 256)!)).toBe('application/vnd.oasis.opendocument.text');
    const bomb = deflateBomb(2048);
    const [out, ms] = timed(() => inflateBounded(bomb, 4096));
    expect(out).toBeNull();
    expect(ms).toBeLessThan(500);
    expect(inflateBounded(strToU8('not deflate at all'), 256)).toBeNull();
  });

  it('reads the first local entry and the central directory of a real archive', () => {
    const zip = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>'.repeat(100)) });
    expect(firstLocalEntry(zip, 1024)).toMatchObject({ name: 'mimetype', method: 0, data: strToU8('application/vnd.oasis.opendocument.text') });
    const entries = centralDirectory(zip)!;
    expect(entries.map((e) => [e.name, e.size])).toEqual([['mimetype', 39], ['content.xml', 400]]);
    expect(plausibleSizes(entries, 1000)).toBe(true);
    expect(plausibleSizes(entries, 400)).toBe(false);
    expect(centralDirectory(zip.subarray(0, zip.length - 10))).toBeNull();
  });
});
