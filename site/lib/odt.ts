/**
 * Markdown → OpenDocument Text (.odt) for template downloads, written with fflate's zipSync.
 * ODF packaging rules: the `mimetype` entry comes first and is stored uncompressed; the manifest lists
 * content.xml, styles.xml and meta.xml. Styles are named so LibreOffice/Word show real headings and lists.
 */
import { strToU8, zipSync } from 'fflate';
import { parseBlocks, type Block } from './markdown-blocks.ts';

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink"';

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline Markdown → ODF spans: **bold**, *italic* / _italic_, `code`, [text](url) → text (url). */
export function inlineToOdf(text: string): string {
  let out = '';
  const re = /\*\*(.+?)\*\*|\*(.+?)\*|(?<![\p{L}\p{N}])_(.+?)_(?![\p{L}\p{N}])|`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += xmlEscape(text.slice(last, m.index));
    if (m[1] !== undefined) out += `<text:span text:style-name="Strong">${inlineToOdf(m[1])}</text:span>`;
    else if (m[2] !== undefined || m[3] !== undefined) out += `<text:span text:style-name="Emphasis">${inlineToOdf((m[2] ?? m[3])!)}</text:span>`;
    else if (m[4] !== undefined) out += `<text:span text:style-name="Code">${xmlEscape(m[4])}</text:span>`;
    else {
      const href = m[6]!.startsWith('/') ? `https://turvarada.ee${m[6]}` : m[6]!;
      out += `<text:a xlink:type="simple" xlink:href="${xmlEscape(href)}">${xmlEscape(m[5]!)}</text:a>`;
    }
    last = m.index + m[0].length;
  }
  return out + xmlEscape(text.slice(last));
}

function listXml(block: Extract<Block, { type: 'list' }>): string {
  const style = block.ordered ? 'Numbering_20_123' : 'List_20_1';
  let xml = `<text:list text:style-name="${style}">`;
  let open = false;
  for (const item of block.items) {
    const p = `<text:p text:style-name="List_20_Contents">${inlineToOdf(item.text)}</text:p>`;
    if (item.level === 2) {
      xml += `${open ? '' : '<text:list-item>'}<text:list><text:list-item>${p}</text:list-item></text:list></text:list-item>`;
      open = false;
    } else {
      xml += (open ? '</text:list-item>' : '') + `<text:list-item>${p}`;
      open = true;
    }
  }
  return xml + (open ? '</text:list-item>' : '') + '</text:list>';
}

function blockXml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<text:h text:style-name="Heading_20_${Math.min(block.level, 4)}" text:outline-level="${block.level}">${inlineToOdf(block.text)}</text:h>`;
    case 'paragraph':
      return `<text:p text:style-name="Text_20_body">${inlineToOdf(block.text)}</text:p>`;
    case 'list':
      return listXml(block);
    case 'table': {
      const cols = Math.max(...block.rows.map((r) => r.length));
      const rows = block.rows.map((r, i) => `<table:table-row>${Array.from({ length: cols }, (_, c) => `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${i === 0 ? 'Table_20_Heading' : 'Table_20_Contents'}">${inlineToOdf(r[c] ?? '')}</text:p></table:table-cell>`).join('')}</table:table-row>`);
      return `<table:table table:name="Tabel${cols}_${block.rows.length}"><table:table-column table:number-columns-repeated="${cols}"/>${rows.join('')}</table:table>`;
    }
  }
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3"><office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="11pt" fo:language="et" fo:country="EE"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="120%"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:text-properties fo:font-size="20pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="17pt"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="4" style:class="text"><style:text-properties fo:font-size="11pt" fo:font-style="italic"/></style:style>
<style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="html"/>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Code" style:family="text"><style:text-properties style:font-name="Liberation Mono" fo:font-family="'Liberation Mono', monospace"/></style:style>
<text:list-style style:name="List_20_1" style:display-name="List 1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-bullet><text:list-level-style-bullet text:level="2" text:bullet-char="◦"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="1.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.6cm" fo:margin-left="1cm"/></style:list-level-properties></text:list-level-style-number><text:list-level-style-bullet text:level="2" text:bullet-char="◦"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.5cm" fo:margin-left="1.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles><office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles></office:document-styles>`;

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

export interface OdtInput {
  title: string;
  /** Markdown body of the document. */
  markdown: string;
  /** Fixed timestamp so builds are reproducible. */
  date: Date;
}

/** Builds the .odt file bytes. */
export function markdownToOdt({ title, markdown, date }: OdtInput): Uint8Array {
  const body = parseBlocks(markdown).map(blockXml).join('\n');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3"><office:automatic-styles><style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style></office:automatic-styles><office:body><office:text>
<text:p text:style-name="Title">${xmlEscape(title)}</text:p>
${body}
</office:text></office:body></office:document-content>`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.3"><office:meta><dc:title>${xmlEscape(title)}</dc:title><dc:language>et-EE</dc:language><meta:generator>Turvarada</meta:generator><dc:date>${date.toISOString().slice(0, 19)}</dc:date></office:meta></office:document-meta>`;
  const mtime = date;
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0, mtime }],
      'META-INF/manifest.xml': [strToU8(MANIFEST), { level: 6, mtime }],
      'content.xml': [strToU8(content), { level: 6, mtime }],
      'styles.xml': [strToU8(STYLES), { level: 6, mtime }],
      'meta.xml': [strToU8(meta), { level: 6, mtime }],
    },
    { mtime },
  );
}
