/**
 * Inline Markdown of template text as runs for document writers (DOCX): **bold**, *italic* / _italic_,
 * `code` and [text](url). The same syntax odt.ts's inlineToOdf handles; nesting of bold and italic is kept.
 */
export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** Absolute link target (site-relative links point to the public site). */
  href?: string;
}

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|(?<![\p{L}\p{N}])_(.+?)_(?![\p{L}\p{N}])|`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)/gu;

/** Site-relative links in downloaded documents point to the public site. */
export function absoluteHref(href: string): string {
  return href.startsWith('/') ? `https://turvarada.ee${href}` : href;
}

export function parseInline(text: string, style: Omit<InlineRun, 'text'> = {}): InlineRun[] {
  const runs: InlineRun[] = [];
  const plain = (t: string) => {
    if (t) runs.push({ ...style, text: t });
  };
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    plain(text.slice(last, m.index));
    if (m[1] !== undefined) runs.push(...parseInline(m[1], { ...style, bold: true }));
    else if (m[2] !== undefined || m[3] !== undefined) runs.push(...parseInline((m[2] ?? m[3])!, { ...style, italic: true }));
    else if (m[4] !== undefined) runs.push({ ...style, text: m[4], code: true });
    else runs.push({ ...style, text: m[5]!, href: absoluteHref(m[6]!) });
    last = m.index + m[0].length;
  }
  plain(text.slice(last));
  return runs;
}

/** The text of inline Markdown without its markup (link text only). */
export function inlineText(text: string): string {
  return parseInline(text).map((r) => r.text).join('');
}
