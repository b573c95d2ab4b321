import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBlocks } from '../../site/lib/markdown-blocks.ts';
import { inlineToOdf, markdownToOdt } from '../../site/lib/odt.ts';
import { templateMarkdown } from '../../site/lib/template-files.ts';

const MD = `**[Omavalitsuse nimi] varundusplaan**

## 1. Eesmärk

1.1. Varundusplaan tagab <taastatavuse> & järjepidevuse.

- esimene punkt
- teine punkt
  - alampunkt
1. nummerdatud
2. teine

| Süsteem | Sagedus |
| --- | --- |
| Dokumendihaldus | iga päev |
`;

describe('Markdown blocks', () => {
  it('parses headings, paragraphs, nested and ordered lists and tables', () => {
    const blocks = parseBlocks(MD);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'list', 'list', 'table']);
    expect(blocks[3]).toMatchObject({ ordered: false, items: [{ level: 1 }, { level: 1 }, { text: 'alampunkt', level: 2 }] });
    expect(blocks[4]).toMatchObject({ ordered: true });
    expect(blocks[5]).toMatchObject({ rows: [['Süsteem', 'Sagedus'], ['Dokumendihaldus', 'iga päev']] });
  });
});

describe('ODT generation', () => {
  const bytes = markdownToOdt({ title: 'Varundusplaan', markdown: MD, date: new Date('2026-11-10T00:00:00Z') });

  it('is a valid ODF package: mimetype first and stored, manifest and the XML parts present', () => {
    // Local file header: name at offset 30, compression method at offset 8 (0 = stored).
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(bytes[8]! | (bytes[9]! << 8)).toBe(0);
    expect(strFromU8(bytes.subarray(38, 38 + 39))).toBe('application/vnd.oasis.opendocument.text');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['mimetype', 'META-INF/manifest.xml', 'content.xml', 'styles.xml', 'meta.xml']);
    expect(strFromU8(files['META-INF/manifest.xml']!)).toContain('manifest:full-path="content.xml"');
  });

  it('writes headings, lists, tables and escapes XML', () => {
    const content = strFromU8(unzipSync(bytes)['content.xml']!);
    expect(content).toContain('<text:h text:style-name="Heading_20_2" text:outline-level="2">1. Eesmärk</text:h>');
    expect(content).toContain('&lt;taastatavuse&gt; &amp; järjepidevuse');
    expect(content).toContain('<text:list text:style-name="Numbering_20_123">');
    expect(content).toContain('<table:table-cell');
    expect(content).not.toMatch(/<(?!\/?(office|text|table|style)[:>\s])[a-z]/);
    expect(inlineToOdf('**paks** ja *kald* [RIA](https://ria.ee)')).toBe(
      '<text:span text:style-name="Strong">paks</text:span> ja <text:span text:style-name="Emphasis">kald</text:span> <text:a xlink:type="simple" xlink:href="https://ria.ee">RIA</text:a>',
    );
  });

  it('is reproducible for the same input', () => {
    expect(markdownToOdt({ title: 'Varundusplaan', markdown: MD, date: new Date('2026-11-10T00:00:00Z') })).toEqual(bytes);
  });

  it('the Markdown download carries title, version and measures above the body', () => {
    const md = templateMarkdown('varundusplaan', { title: 'Varundusplaan', version: '1.0', measures: ['CON.3.M1'], lastReviewed: new Date('2026-11-10'), owner: 'KOV IT' }, 'import X from "y";\n\n## 1. Eesmärk\n');
    expect(md.split('\n')[0]).toBe('# Varundusplaan');
    expect(md).toContain('Malli versioon 1.0, üle vaadatud 10.11.2026');
    expect(md).toContain('E-ITS 2024 meetmed: CON.3.M1.');
    expect(md).not.toContain('import X');
  });
});
