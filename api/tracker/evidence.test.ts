import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { sha256Hex } from '../files/store.ts';
import { insertTestCatalog } from './test-catalog.ts';

const KOV = '0141';
const BASE = `/api/kovs/${KOV}/measures/ISMS.1.M1/evidence`;
let t: TestContext;
let token: string;
let files: string;

beforeEach(() => {
  files = mkdtempSync(join(tmpdir(), 'turvarada-evidence-'));
  t = createTestContext({ filesPath: files });
  insertTestCatalog(t.db);
  token = signInAs(t.db, 'specialist', [KOV]).token;
});
afterEach(() => rmSync(files, { recursive: true, force: true }));

function upload(name: string, bytes: Uint8Array, path = BASE) {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/octet-stream' }));
  return t.request(path, { method: 'POST', body: form, as: token });
}

const count = () => t.db.prepare('SELECT count(*) FROM measure_evidence').pluck().get() as number;
const storedFiles = () => readdirSync(files, { recursive: true }).filter((f) => String(f).split('/').length === 3);

describe('evidence', () => {
  it('adds a link and lists it in the record', async () => {
    const res = await t.request(BASE, { method: 'POST', json: { url: 'https://dok.anija.ee/kord/123' }, as: token });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'url', url: 'https://dok.anija.ee/kord/123', addedBy: { name: expect.any(String) } });
    const record = await (await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M1`, { as: token })).json();
    expect(record.evidence).toHaveLength(1);
    expect((await t.request(BASE, { method: 'POST', json: { url: 'javascript:alert(1)' }, as: token })).status).toBe(400);
  });

  it('stores a PDF with its SHA-256 and serves it back as an attachment', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    const res = await upload('Infoturbe poliitika õ.pdf', pdf);
    expect(res.status).toBe(201);
    const ev = await res.json();
    expect(ev).toMatchObject({ kind: 'file', fileName: 'Infoturbe poliitika õ.pdf', size: pdf.length, sha256: sha256Hex(pdf), contentType: 'application/pdf' });
    const file = await t.request(`${BASE}/${ev.id}/file`, { as: token });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="Infoturbe poliitika _.pdf"; filename\*=UTF-8''Infoturbe%20poliitika%20%C3%B5\.pdf$/);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    expect(storedFiles()).toHaveLength(1);
  });

  it('accepts PNG, JPEG, DOCX and plain text by their content', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const docx = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode('<w/>') });
    const txt = new TextEncoder().encode('Varukoopiate testimise logi\n');
    const types = [];
    for (const [name, bytes] of [['a.png', png], ['b.jpg', jpeg], ['c.docx', docx], ['d.txt', txt]] as const) {
      const res = await upload(name, bytes);
      expect(res.status, name).toBe(201);
      types.push((await res.json()).contentType);
    }
    expect(types).toEqual(['image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain; charset=utf-8']);
  });

  it('refuses unknown content and files over 10 MB, storing nothing', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xfe]);
    const bad = await upload('tool.pdf', exe);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('unsupported_file_type');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    expect((await upload('big.pdf', big)).status).toBe(413);
    expect(count()).toBe(0);
    expect(storedFiles()).toHaveLength(0);
  });

  it('answers 404 for a measure out of scope and for another municipality', async () => {
    expect((await upload('a.txt', new TextEncoder().encode('x'), `/api/kovs/${KOV}/measures/ISMS.1.M3/evidence`)).status).toBe(404);
    const other = signInAs(t.db, 'specialist', ['0198']).token;
    expect((await t.request(BASE, { as: other })).status).toBe(404);
  });
});
