/**
 * Markdown → Word (.docx) for template downloads, from the same Markdown blocks as the ODT (odt.ts):
 * headings, paragraphs, bullet and numbered lists (two levels), tables (header row repeats on each page),
 * bold, italic, code and links, written with the `docx` package. Municipal offices mostly run Word.
 * The package stamps the current time into the file; we pin it (zip entries and docProps/core.xml) to
 * the template's review date, so the same template always builds the same bytes.
 */
import {
  AlignmentType, Document, ExternalHyperlink, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseBlocks, type Block } from './markdown-blocks.ts';
import { parseInline, type InlineRun } from './markdown-inline.ts';

export interface DocxInput {
  title: string;
  /** Markdown body of the document. */
  markdown: string;
  /** Fixed timestamp so builds are reproducible. */
  date: Date;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const NUMBERED = 'nummerdatud';

function runs(text: string, style: Omit<InlineRun, 'text'> = {}): Array<TextRun | ExternalHyperlink> {
  return parseInline(text, style).map((r) => {
    const run = { text: r.text, bold: r.bold ?? false, italics: r.italic ?? false, ...(r.code ? { font: 'Courier New' } : {}) };
    return r.href ? new ExternalHyperlink({ link: r.href, children: [new TextRun({ ...run, style: 'Hyperlink' })] }) : new TextRun(run);
  });
}

function blockChildren(block: Block, listIndex: number): Array<Paragraph | Table> {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[Math.min(block.level, 4) - 1]!, children: runs(block.text) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text) })];
    case 'list':
      return block.items.map((item) =>
        block.ordered
          ? new Paragraph({ children: runs(item.text), numbering: { reference: NUMBERED, level: item.level - 1, instance: listIndex } })
          : new Paragraph({ children: runs(item.text), bullet: { level: item.level - 1 } }),
      );
    case 'table': {
      const cols = Math.max(...block.rows.map((r) => r.length));
      const rows = block.rows.map(
        (r, i) =>
          new TableRow({
            tableHeader: i === 0,
            children: Array.from({ length: cols }, (_, c) => new TableCell({ children: [new Paragraph({ children: runs(r[c] ?? '', i === 0 ? { bold: true } : {}) })] })),
          }),
      );
      return [new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }), new Paragraph({ children: [] })];
    }
  }
}

/** Builds the .docx file bytes. */
export async function markdownToDocx({ title, markdown, date }: DocxInput): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] })];
  parseBlocks(markdown).forEach((block, i) => children.push(...blockChildren(block, i + 1)));
  const doc = new Document({
    creator: 'Turvarada',
    lastModifiedBy: 'Turvarada',
    title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: 'et-EE' } } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } },
            { level: 1, format: LevelFormat.BULLET, text: '◦', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 1440, hanging: 360 } } } },
          ],
        },
      ],
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 } } }, children }],
  });
  return pinTimestamps(new Uint8Array(await Packer.toBuffer(doc)), date);
}

/** Rewrites the package with fixed zip times and core-property dates (docx writes "now"). */
function pinTimestamps(bytes: Uint8Array, date: Date): Uint8Array {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`),
    );
  }
  // [Content_Types].xml first, as Word writes it (some tools sniff the first entry).
  const names = Object.keys(files).sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const mtime = date;
  return zipSync(Object.fromEntries(names.map((name) => [name, [files[name]!, { level: 6, mtime }]])), { mtime });
}
