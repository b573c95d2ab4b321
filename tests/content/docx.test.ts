import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkFileType } from '../../api/files/sniff.ts';
import { markdownToDocx } from '../../site/lib/docx.ts';
import { parseBlocks } from '../../site/lib/markdown-blocks.ts';
import { inlineText, parseInline } from '../../site/lib/markdown-inline.ts';
import { templateMarkdown } from '../../site/lib/template-files.ts';

const DIR = resolve('content/templates');
const TEMPLATES = readdirSync(DIR).filter((f) => f.endsWith('.mdx')).sort();

/** A template file as the build sees it: frontmatter data and the Markdown the ODT and DOCX are made from. */
function load(file: string) {
  const [, front, ...rest] = readFileSync(resolve(DIR, file), 'utf8').split(/^---\s*$/m);
  const data = parseYaml(front!) as { title: string; version: string; measures: string[]; owner: string; lastReviewed: string };
  const slug = file.replace(/\.mdx$/, '');
  const lastReviewed = new Date(String(data.lastReviewed) + 'T00:00:00Z');
  const markdown = templateMarkdown(slug, { ...data, lastReviewed }, rest.join('---')).replace(/^# .*\n/, '');
  return { title: data.title, markdown, date: lastReviewed };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string, tag: 'w:p' | 'w:tc') =>
  [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => ({
    xml: m[1]!,
    text: unescape([...m[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }));

describe('Markdown inline runs', () => {
  it('splits bold, italic, code and links, nesting kept, site links made absolute', () => {
    expect(parseInline('a **b _c_** `d` [RIA](https://ria.ee) [x](/mallid/)')).toEqual([
      { text: 'a ' }, { text: 'b ', bold: true }, { text: 'c', bold: true, italic: true }, { text: ' ' }, { text: 'd', code: true }, { text: ' ' },
      { text: 'RIA', href: 'https://ria.ee' }, { text: ' ' }, { text: 'x', href: 'https://turvarada.ee/mallid/' },
    ]);
    expect(inlineText('**[Vald] plaan** _v1_')).toBe('[Vald] plaan v1');
  });
});

describe('DOCX generation', () => {
  it('writes headings, lists, tables and bold/italic as Word markup', async () => {
    const md = '## 1. Eesmärk\n\nTekst **paks** ja *kald* <&>.\n\n- üks\n  - alam\n1. esimene\n\n| Süsteem | Sagedus |\n| --- | --- |\n| DHS | iga päev |\n';
    const files = unzipSync(await markdownToDocx({ title: 'Proov', markdown: md, date: new Date('2026-11-10T00:00:00Z') }));
    const doc = strFromU8(files['word/document.xml']!);
    const paras = texts(doc, 'w:p');
    expect(paras.find((p) => p.text === 'Proov')?.xml).toContain('<w:pStyle w:val="Title"/>');
    expect(paras.find((p) => p.text === '1. Eesmärk')?.xml).toContain('<w:pStyle w:val="Heading2"/>');
    const body = paras.find((p) => p.text.startsWith('Tekst'))!;
    expect(body.text).toBe('Tekst paks ja kald <&>.');
    expect(body.xml).toMatch(/<w:b\/>[\s\S]*paks/);
    expect(body.xml).toMatch(/<w:i\/>[\s\S]*kald/);
    expect(paras.find((p) => p.text === 'alam')?.xml).toMatch(/<w:ilvl w:val="1"\/>/);
    expect(paras.find((p) => p.text === 'esimene')?.xml).toContain('<w:numPr>');
    expect(texts(doc, 'w:tc').map((c) => c.text)).toEqual(['Süsteem', 'Sagedus', 'DHS', 'iga päev']);
    expect(doc).toContain('<w:tblHeader/>');
  });

  it.each(TEMPLATES)('%s: a valid DOCX with every heading and table cell of the template', async (file) => {
    const input = load(file);
    const bytes = await markdownToDocx(input);
    expect(checkFileType(file.replace(/\.mdx$/, '.docx'), bytes).kind).toBe('docx');
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('wordprocessingml.document.main+xml');
    const doc = strFromU8(files['word/document.xml']!);
    const paragraphs = texts(doc, 'w:p').map((p) => p.text);
    const cells = new Set(texts(doc, 'w:tc').map((c) => c.text));
    const blocks = parseBlocks(input.markdown);
    expect(paragraphs).toContain(input.title);
    for (const b of blocks) {
      if (b.type === 'heading') expect(paragraphs).toContain(inlineText(b.text));
      if (b.type === 'table') for (const cell of b.rows.flat()) expect(cells).toContain(inlineText(cell));
    }
    expect(blocks.some((b) => b.type === 'heading')).toBe(true);
  });

  it('is reproducible: the same template gives the same bytes', async () => {
    const input = load('varundusplaan.mdx');
    const [a, b] = [await markdownToDocx(input), await markdownToDocx(input)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(strFromU8(unzipSync(a)['docProps/core.xml']!)).toContain('>2026-');
  });
});
