import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkFileType, detectFileKind, FileTypeError } from './sniff.ts';
import { FileTooLargeError, readStoredFile, sha256Hex, storedFilePath, storeFile } from './store.ts';

describe('detectFileKind', () => {
  it('recognises each accepted kind by its content', () => {
    expect(detectFileKind(strToU8('%PDF-1.4\n'))).toBe('pdf');
    expect(detectFileKind(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }))).toBe('ods');
    expect(detectFileKind(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') }))).toBe('odt');
    expect(detectFileKind(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<w/>') }))).toBe('xlsx');
    expect(detectFileKind(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w/>') }))).toBe('docx');
    expect(detectFileKind(strToU8('# Pealkiri\nÕun ja äke\n'))).toBe('md');
  });

  it('recognises nothing for other ZIPs, binaries and invalid UTF-8', () => {
    expect(detectFileKind(zipSync({ 'a.txt': strToU8('x') }))).toBeNull();
    expect(detectFileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
    expect(detectFileKind(new Uint8Array([0x61, 0x00, 0x62]))).toBeNull();
    expect(detectFileKind(new Uint8Array([0xc3, 0x28]))).toBeNull();
    expect(detectFileKind(new Uint8Array([]))).toBeNull();
  });

  it('refuses an extension that disagrees with the content', () => {
    expect(() => checkFileType('a.xlsx', zipSync({ '[Content_Types].xml': strToU8('<T/>'), 'word/d.xml': strToU8('<w/>') }))).toThrow(FileTypeError);
    expect(checkFileType('Mall.MD', strToU8('tekst')).kind).toBe('md');
  });
});

describe('file store', () => {
  it('writes atomically under a generated key, returns the SHA-256 and leaves no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'turvarada-store-'));
    const bytes = strToU8('sisu');
    const stored = storeFile(dir, 'evidence', bytes, { maxBytes: 10 });
    expect(stored.sha256).toBe(sha256Hex(bytes));
    expect(stored.sha256).toBe('8352094ed9618c29b04c3db26dd5b84320016e4991aab54ee61892dfe7a0fa93');
    expect(readStoredFile(dir, stored.storageKey).toString()).toBe('sisu');
    const sub = readdirSync(join(dir, 'evidence', stored.storageKey.split('/')[1]!));
    expect(sub).toEqual([stored.storageKey.split('/')[2]]);
    expect(() => storeFile(dir, 'evidence', bytes, { maxBytes: 3 })).toThrow(FileTooLargeError);
    expect(() => storedFilePath(dir, '../etc/passwd')).toThrow();
  });
});
