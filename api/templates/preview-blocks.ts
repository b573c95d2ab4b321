// A document's text as blocks (heading, paragraph, list item) for the review page's preview. No HTML
// is produced anywhere: Markdown is parsed by mdast-util-from-markdown (micromark, CommonMark) and
// its text taken node by node (raw HTML in it stays literal text); ODT/DOCX XML is read by saxes, a
// conforming streaming XML parser. The page renders the blocks with lit-html as text. Output is
// capped in blocks and characters; the input is capped before it gets here (file and inflate limits).
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { SaxesParser } from 'saxes';
import type { PreviewBlock } from '../contracts/templates.ts';

export const MAX_BLOCKS = 3000;
export const MAX_CHARS = 300_000;

export interface Blocks {
  blocks: PreviewBlock[];
  truncated: boolean;
}

/** Collects blocks up to the caps; text is whitespace-collapsed, empty blocks are dropped. */
class Collector {
  blocks: PreviewBlock[] = [];
  truncated = false;
  #chars = 0;
  add(type: PreviewBlock['type'], raw: string, level?: number): void {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '' || this.truncated) return;
    if (this.blocks.length >= MAX_BLOCKS || this.#chars + text.length > MAX_CHARS) {
      this.truncated = true;
      return;
    }
    this.#chars += text.length;
    this.blocks.push(level === undefined ? { type, text } : { type, level, text });
  }
}

/** Markdown as blocks: headings with their level, list items, paragraphs; code, HTML and table rows as text. */
export function markdownBlocks(source: string): Blocks {
  const out = new Collector();
  const walk = (node: Nodes, inList: boolean): void => {
    switch (node.type) {
      case 'heading':
        return out.add('h', toString(node), node.depth);
      case 'paragraph':
        return out.add(inList ? 'li' : 'p', toString(node));
      case 'code':
      case 'html':
        return out.add('p', node.value);
      case 'tableRow':
        return out.add('p', node.children.map((cell) => toString(cell).trim()).filter(Boolean).join(' · '));
      case 'listItem':
        for (const child of node.children) walk(child, true);
        return;
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes, inList && node.type !== 'blockquote');
    }
  };
  const root: Root = fromMarkdown(source);
  walk(root, false);
  return { blocks: out.blocks, truncated: out.truncated };
}

export interface XmlHandler {
  open(name: string, attrs: Map<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** Parses the XML with saxes and hands its tags and text to `h`; malformed XML throws. */
export function scanXml(xml: string, h: XmlHandler): void {
  const parser = new SaxesParser();
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => h.open(tag.name, new Map(Object.entries(tag.attributes as Record<string, string>)), tag.isSelfClosing));
  parser.on('closetag', (tag) => h.close(tag.name));
  parser.on('text', (t) => h.text(t));
  parser.on('cdata', (t) => h.text(t));
  parser.write(xml).close();
}
