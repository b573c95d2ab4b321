// The review page's preview (issue 17): text blocks, never HTML; raw HTML in Markdown stays text;
// ODT/DOCX text from their XML with bounded decompression (a zip bomb is refused in milliseconds);
// PDF stays a download. The same access rule as the file: unapproved versions need sign-in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { buildZip, deflateBomb, type RawEntry } from '../../tests/helpers/zip-bomb.ts';
import { CONTENT_TYPES } from '../files/sniff.ts';
import { previewOf } from './preview.ts';
import { seedTestMeasures, templateForm } from './test-support.ts';

let ctx: TestContext;
let author: { token: string };

beforeEach(() => {
  ctx = createTestContext({ filesPath: mkdtempSync(join(tmpdir(), 'turvarada-preview-')) });
  seedTestMeasures(ctx.db);
  author = signInAs(ctx.db, 'specialist');
});

const enc = (s: string) => new TextEncoder().encode(s);
const stored = (name: string, text: string): RawEntry => ({ name, method: 0, data: enc(text), claimedSize: enc(text).length });
const deflated = (name: string, text: string): RawEntry => ({ name, method: 8, data: new Uint8Array(deflateRawSync(enc(text))), claimedSize: enc(text).length });

async function previewOfUpload(name: string, bytes: Uint8Array | string) {
  const sub = await ctx.request('/api/templates', { method: 'POST', as: author.token, body: templateForm({ file: { name, bytes } }) });
  expect(sub.status).toBe(201);
  const { id } = await sub.json();
  const anonymous = await ctx.request(`/api/templates/${id}/versions/1/preview`);
  expect(anonymous.status).toBe(401);
  const res = await ctx.request(`/api/templates/${id}/versions/1/preview`, { as: author.token });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  return res.json();
}

describe('Markdown', () => {
  it('is split into heading, paragraph and list blocks; raw HTML stays literal text', async () => {
    const p = await previewOfUpload('mall.md', '# Paroolid\n\nParool on <b>pikk</b>.\n<script>alert(1)</script>\n\n- 12 märki\n- MFA\n\n## Vastutus\n');
    expect(p).toEqual({
      kind: 'blocks',
      truncated: false,
      reason: null,
      message: null,
      blocks: [
        { type: 'h', level: 1, text: 'Paroolid' },
        // CommonMark: inline HTML stays in its paragraph; <script> starts an HTML block of its own.
        { type: 'p', text: 'Parool on <b>pikk</b>.' },
        { type: 'p', text: '<script>alert(1)</script>' },
        { type: 'li', text: '12 märki' },
        { type: 'li', text: 'MFA' },
        { type: 'h', level: 2, text: 'Vastutus' },
      ],
    });
    expect(JSON.stringify(p)).not.toContain('"html"');
  });
});

describe('office documents', () => {
  it('reads a DOCX: heading styles, numbered paragraphs, entities, text only from w:t', async () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
      <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Varundamise kord</w:t></w:r></w:p>
      <w:p><w:r><w:t xml:space="preserve">Koopiad &amp; taaste </w:t></w:r><w:r><w:t>&lt;kord kvartalis&gt;</w:t></w:r></w:p>
      <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>Üks koopia võrgust eraldi</w:t></w:r></w:p>
      <w:p><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r></w:p></w:body></w:document>`;
    const docx = buildZip([stored('[Content_Types].xml', '<Types/>'), deflated('word/document.xml', xml)]);
    expect((await previewOfUpload('kord.docx', docx)).blocks).toEqual([
      { type: 'h', level: 1, text: 'Varundamise kord' },
      { type: 'p', text: 'Koopiad & taaste <kord kvartalis>' },
      { type: 'li', text: 'Üks koopia võrgust eraldi' },
    ]);
  });

  it('reads an ODT: outline levels, list items, spans and spaces', async () => {
    const xml = `<office:document-content><office:body><office:text>
      <text:h text:outline-level="2">Intsident</text:h>
      <text:p>Teata <text:span>kohe</text:span><text:s text:c="2"/>CERT-EE-le.</text:p>
      <text:list><text:list-item><text:p>Mis juhtus?</text:p></text:list-item></text:list>
      <text:p>Lõpp</text:p></office:text></office:body></office:document-content>`;
    const odt = buildZip([stored('mimetype', 'application/vnd.oasis.opendocument.text'), deflated('content.xml', xml)]);
    expect((await previewOfUpload('vorm.odt', odt)).blocks).toEqual([
      { type: 'h', level: 2, text: 'Intsident' },
      { type: 'p', text: 'Teata kohe CERT-EE-le.' },
      { type: 'li', text: 'Mis juhtus?' },
      { type: 'p', text: 'Lõpp' },
    ]);
  });

  it('refuses a zip bomb quickly: an honest 500 MB claim is refused unread, a lying one stops at the cap', async () => {
    const bomb = deflateBomb(500);
    const honest = buildZip([stored('[Content_Types].xml', '<Types/>'), { name: 'word/document.xml', method: 8, data: bomb, claimedSize: 500 * 1024 * 1024 }]);
    const started = performance.now();
    const p = await previewOfUpload('pomm.docx', honest);
    expect(p).toMatchObject({ kind: 'none', reason: 'too_large', blocks: [] });
    expect(p.message).toMatch(/suurem kui 4 MB/);
    // The upload check refuses an archive whose claimed sizes lie; the preview's own bound holds anyway.
    const lying = buildZip([stored('[Content_Types].xml', '<Types/>'), { name: 'word/document.xml', method: 8, data: bomb, claimedSize: 100 }]);
    expect(previewOf(lying, CONTENT_TYPES.docx)).toMatchObject({ kind: 'none', reason: 'too_large' });
    expect(previewOf(buildZip([stored('[Content_Types].xml', '<Types/>')]), CONTENT_TYPES.docx)).toMatchObject({ kind: 'none', reason: 'unreadable' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('PDF', () => {
  it('stays a download: kind none', async () => {
    const p = await previewOfUpload('mall.pdf', '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    expect(p).toMatchObject({ kind: 'none', reason: 'download', blocks: [] });
  });
});

describe('malformed documents', () => {
  it('a DOCX whose XML is not well-formed gets no preview, with the reason', async () => {
    const { docxBlocks } = await import('./preview-office.ts');
    expect(() => docxBlocks('<w:document><w:p><w:t>katki</w:p></w:document>')).toThrow();
  });
});
