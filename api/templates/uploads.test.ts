import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { listFiles, seedTestMeasures, templateForm, type FormInput } from './test-support.ts';

let ctx: TestContext;
let filesPath: string;
let token: string;

beforeEach(() => {
  filesPath = mkdtempSync(join(tmpdir(), 'turvarada-tplu-'));
  ctx = createTestContext({ filesPath });
  seedTestMeasures(ctx.db);
  token = signInAs(ctx.db, 'specialist').token;
});

const submit = (input: FormInput) => ctx.request('/api/templates', { method: 'POST', as: token, body: templateForm(input) });
const rows = () => ctx.db.prepare('SELECT (SELECT count(*) FROM template) + (SELECT count(*) FROM template_version)').pluck().get() as number;

const docx = () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
const odt = () => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') });
const pdf = () => strToU8('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Asserts the request was refused with the status and nothing was stored anywhere. */
async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect((await res.json()).error.code).toBe(code);
  expect(rows()).toBe(0);
  expect(listFiles(filesPath)).toEqual([]);
}

describe('file checks on submission', () => {
  it('accepts each allowed type whose content matches its extension, with the right stored type and hash', async () => {
    const cases: Array<[string, Uint8Array, string]> = [
      ['a.pdf', pdf(), 'application/pdf'],
      ['a.docx', docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['a.odt', odt(), 'application/vnd.oasis.opendocument.text'],
      ['a.md', strToU8('# Pealkiri\n'), 'text/markdown; charset=utf-8'],
    ];
    for (const [name, bytes, type] of cases) {
      const res = await submit({ file: { name, bytes } });
      expect(res.status, name).toBe(201);
      const { id } = await res.json();
      const v = ctx.db.prepare('SELECT content_type, sha256, size FROM template_version WHERE template_id = ?').get(id) as { content_type: string; sha256: string; size: number };
      expect(v.content_type).toBe(type);
      expect(v.size).toBe(bytes.length);
      expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(listFiles(filesPath)).toHaveLength(4);
  });

  it('refuses a file whose content does not match its extension', async () => {
    await expectRefused(await submit({ file: { name: 'mall.docx', bytes: pdf() } }), 400, 'extension_mismatch');
    await expectRefused(await submit({ file: { name: 'mall.pdf', bytes: odt() } }), 400, 'extension_mismatch');
    await expectRefused(await submit({ file: { name: 'mall.md', bytes: docx() } }), 400, 'extension_mismatch');
  });

  it('refuses unknown content and extensions that are not allowed', async () => {
    await expectRefused(await submit({ file: { name: 'mall.pdf', bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1]) } }), 400, 'unrecognised_content');
    await expectRefused(await submit({ file: { name: 'mall.html', bytes: '<script>alert(1)</script>' } }), 400, 'unsupported_extension');
    await expectRefused(await submit({ file: { name: 'mall.exe', bytes: 'MZ' } }), 400, 'unsupported_extension');
  });

  it('refuses a file over 5 MB with 413 and stores nothing', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61);
    await expectRefused(await submit({ file: { name: 'suur.md', bytes: big } }), 413, 'file_too_large');
  });

  it('refuses missing and overlong fields and unknown measure ids, naming the id', async () => {
    await expectRefused(await submit({ file: null }), 400, 'validation_failed');
    await expectRefused(await submit({ title: 'x'.repeat(201) }), 400, 'validation_failed');
    await expectRefused(await submit({ summary: 'x'.repeat(2001) }), 400, 'validation_failed');
    await expectRefused(await submit({ category: 'muu' }), 400, 'validation_failed');
    const res = await submit({ measures: 'ISMS.1.M1, XYZ.9.M9' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('unknown_measure');
    expect(body.error.message).toContain('XYZ.9.M9');
    expect(rows()).toBe(0);
    expect(listFiles(filesPath)).toEqual([]);
  });

  it('refuses an overlong comment', async () => {
    const { id } = await (await submit({})).json();
    const res = await ctx.request(`/api/templates/${id}/comments`, { method: 'POST', as: token, json: { body: 'x'.repeat(5001) } });
    expect(res.status).toBe(400);
    expect(ctx.db.prepare('SELECT count(*) FROM template_comment').pluck().get()).toBe(0);
  });
});

describe('stored XSS', () => {
  it('keeps markup in titles, comments and file names as plain data', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await submit({ title: evil, summary: evil, file: { name: 'x"><b>.md', bytes: '# hi\n' } });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    await ctx.request(`/api/templates/${id}/comments`, { method: 'POST', as: token, json: { body: evil } });
    const d = await (await ctx.request(`/api/templates/${id}`, { as: token })).json();
    expect(d.versions[0].title).toBe(evil);
    expect(d.comments[0].body).toBe(evil);
    // The download name cannot break out of the Content-Disposition header.
    const file = await ctx.request(`/api/templates/${id}/versions/1/file`, { as: token });
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="x><b>.md"; filename*=UTF-8''x%3E%3Cb%3E.md`);
  });
});
