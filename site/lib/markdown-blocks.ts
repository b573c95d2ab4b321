/**
 * A small Markdown block parser for template downloads (ODT generation): headings, paragraphs,
 * bullet and numbered lists (two levels), tables and block quotes. Inline markup is kept as text
 * and handled by the writer (bold, italic, code, links).
 */
export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: Array<{ text: string; level: number }> }
  | { type: 'table'; rows: string[][] };

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;

export function parseBlocks(md: string): Block[] {
  const lines = md.replace(/\r\n?/g, '\n').replace(/^(import|export)\s.*$/gm, '').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'paragraph', text: para.join(' ').trim() });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = LIST_ITEM.exec(line);
    if (!line.trim() || /^(-{3,}|\*{3,}|_{3,})\s*$/.test(line.trim())) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length, text: heading[2]!.replace(/\s+#+\s*$/, '').trim() });
    } else if (item) {
      flush();
      const ordered = /\d/.test(item[2]!);
      const prev = blocks.at(-1);
      const level = item[1]!.replace(/\t/g, '    ').length >= 2 ? 2 : 1;
      const entry = { text: item[3]!.trim(), level };
      if (prev && prev.type === 'list' && (level === 2 || prev.ordered === ordered) && lines[i - 1]?.trim()) prev.items.push(entry);
      else blocks.push({ type: 'list', ordered, items: [entry] });
    } else if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      const cells = line.trim().slice(1, -1).split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      const prev = blocks.at(-1);
      if (prev && prev.type === 'table' && /^\s*\|/.test(lines[i - 1] ?? '')) prev.rows.push(cells);
      else blocks.push({ type: 'table', rows: [cells] });
    } else if (/^\s+\S/.test(line) && blocks.at(-1)?.type === 'list' && !para.length) {
      // Continuation line of a list item.
      const list = blocks.at(-1) as Extract<Block, { type: 'list' }>;
      list.items.at(-1)!.text += ' ' + line.trim();
    } else {
      para.push(line.replace(/^>\s?/, '').trim());
    }
  }
  flush();
  return blocks;
}
