// ODT (content.xml) and DOCX (word/document.xml) text as preview blocks, read with saxes through
// preview-blocks.ts's scanXml. Only paragraph text is kept: headings by outline level or heading
// style, list items by list membership, everything else a paragraph. Styles and images are dropped.
import type { PreviewBlock } from '../contracts/templates.ts';
import { MAX_BLOCKS, MAX_CHARS, scanXml, type Blocks } from './preview-blocks.ts';

interface Open {
  type: PreviewBlock['type'];
  level?: number;
  text: string;
}

/** Shared bookkeeping: a stack of open paragraphs, text appended to the innermost, caps applied on close. */
function collector() {
  const blocks: PreviewBlock[] = [];
  const stack: Open[] = [];
  let chars = 0;
  let truncated = false;
  return {
    push: (b: Open) => stack.push(b),
    top: () => stack[stack.length - 1],
    pop() {
      const b = stack.pop();
      const text = b?.text.replace(/\s+/g, ' ').trim() ?? '';
      if (!b || text === '' || truncated) return;
      if (blocks.length >= MAX_BLOCKS || chars + text.length > MAX_CHARS) truncated = true;
      else {
        chars += text.length;
        blocks.push(b.level === undefined ? { type: b.type, text } : { type: b.type, level: b.level, text });
      }
    },
    result: (): Blocks => ({ blocks, truncated }),
  };
}

const HEADING_STYLE = /^(?:heading|pealkiri|title)\s*(\d)?$/i;

/** word/document.xml: w:p paragraphs, text from w:t, heading styles (Heading1…, Title), numbered paragraphs as list items. */
export function docxBlocks(xml: string): Blocks {
  const c = collector();
  let inText = false;
  scanXml(xml, {
    open(name, attrs) {
      const top = c.top();
      if (name === 'w:p') c.push({ type: 'p', text: '' });
      else if (name === 'w:t') inText = true;
      else if (top && (name === 'w:tab' || name === 'w:br')) top.text += ' ';
      else if (top && name === 'w:pStyle') {
        const m = HEADING_STYLE.exec(attrs.get('w:val') ?? '');
        if (m) Object.assign(top, { type: 'h', level: Math.min(6, Number(m[1] ?? 1) || 1) });
      } else if (top && name === 'w:numPr' && top.type === 'p') top.type = 'li';
    },
    close(name) {
      if (name === 'w:p') c.pop();
      else if (name === 'w:t') inText = false;
    },
    text(t) {
      const top = c.top();
      if (inText && top) top.text += t;
    },
  });
  return c.result();
}

/** content.xml: text:h (with its outline level), text:p (a list item inside text:list-item), spans, spaces and tabs. */
export function odtBlocks(xml: string): Blocks {
  const c = collector();
  let listDepth = 0;
  scanXml(xml, {
    open(name, attrs, selfClosing) {
      const top = c.top();
      if (name === 'text:list-item' && !selfClosing) listDepth++;
      else if (name === 'text:h') c.push({ type: 'h', level: Math.min(6, Math.max(1, Number(attrs.get('text:outline-level')) || 1)), text: '' });
      else if (name === 'text:p') c.push({ type: listDepth > 0 ? 'li' : 'p', text: '' });
      else if (top && name === 'text:s') top.text += ' '.repeat(Math.min(20, Number(attrs.get('text:c')) || 1));
      else if (top && (name === 'text:tab' || name === 'text:line-break')) top.text += ' ';
    },
    close(name) {
      if (name === 'text:list-item') listDepth = Math.max(0, listDepth - 1);
      else if (name === 'text:h' || name === 'text:p') c.pop();
    },
    text(t) {
      const top = c.top();
      if (top) top.text += t;
    },
  });
  return c.result();
}
