// A document's text as blocks (heading, paragraph, list item) for the review page's preview. No HTML
// is produced anywhere: Markdown is split into blocks by line (raw HTML in it stays literal text), and
// ODT/DOCX XML is read by a strict tokenizer in one linear pass (no regular expressions over markup).
// The page renders the blocks with lit-html as text. Output is capped in blocks and characters.
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

/** Markdown by line: ATX headings, list items, paragraphs; code, tables and quotes stay as text. */
export function markdownBlocks(source: string): Blocks {
  const out = new Collector();
  let para: string[] = [];
  const flush = () => {
    out.add('p', para.join(' '));
    para = [];
  };
  let fence = false;
  for (const line of source.split(/\r?\n/)) {
    const t = line.trim();
    if (t.startsWith('```') || t.startsWith('~~~')) {
      flush();
      fence = !fence;
      continue;
    }
    if (fence) {
      out.add('p', line);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(t);
    const item = /^(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(t);
    if (t === '' || /^\|?\s*:?-{3,}/.test(t)) flush();
    else if (heading) {
      flush();
      out.add('h', heading[2]!, heading[1]!.length);
    } else if (item) {
      flush();
      out.add('li', item[1]!);
    } else if (t.startsWith('|')) {
      flush();
      out.add('p', t.split('|').map((c) => c.trim()).filter(Boolean).join(' · '));
    } else para.push(t.replace(/^>\s?/, ''));
  }
  flush();
  return { blocks: out.blocks, truncated: out.truncated };
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references and the five predefined entities; anything else stays as written. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    const semi = amp < 0 ? -1 : text.indexOf(';', amp);
    if (amp < 0 || semi < 0 || semi - amp > 10) return out + text.slice(i);
    out += text.slice(i, amp);
    const name = text.slice(amp + 1, semi);
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : NaN;
    out += ENTITIES[name] ?? (Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : text.slice(amp, semi + 1));
    i = semi + 1;
  }
  return out;
}

export interface XmlHandler {
  open(name: string, attrs: Map<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** Attributes of a start tag's inside (after the name): name="value" or name='value'. */
function attributes(s: string): Map<string, string> {
  const attrs = new Map<string, string>();
  let i = 0;
  while (i < s.length) {
    const eq = s.indexOf('=', i);
    if (eq < 0) break;
    const q = s[eq + 1];
    if (q !== '"' && q !== "'") break;
    const end = s.indexOf(q, eq + 2);
    if (end < 0) break;
    attrs.set(s.slice(i, eq).trim(), decode(s.slice(eq + 2, end)));
    i = end + 1;
  }
  return attrs;
}

/** One pass over the XML: tags (quote-aware), text and CDATA; comments, declarations and PIs skipped. */
export function scanXml(xml: string, h: XmlHandler): void {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return h.text(decode(xml.slice(i)));
    if (lt > i) h.text(decode(xml.slice(i, lt)));
    const skipTo = (end: string) => {
      const at = xml.indexOf(end, lt);
      return at < 0 ? xml.length : at + end.length;
    };
    if (xml.startsWith('<!--', lt)) i = skipTo('-->');
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = skipTo(']]>');
      h.text(xml.slice(lt + 9, Math.max(lt + 9, end - 3)));
      i = end;
    } else if (xml[lt + 1] === '?' || xml[lt + 1] === '!') i = skipTo('>');
    else {
      let j = lt + 1;
      let quote = '';
      for (; j < xml.length; j++) {
        const ch = xml[j]!;
        if (quote) quote = ch === quote ? '' : quote;
        else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      const inner = xml.slice(lt + 1, j);
      i = j + 1;
      if (inner.startsWith('/')) h.close(inner.slice(1).trim());
      else {
        const selfClosing = inner.endsWith('/');
        const body = selfClosing ? inner.slice(0, -1) : inner;
        const sp = body.search(/[\s]/);
        const name = sp < 0 ? body : body.slice(0, sp);
        h.open(name, sp < 0 ? new Map() : attributes(body.slice(sp)), selfClosing);
        if (selfClosing) h.close(name);
      }
    }
  }
}
