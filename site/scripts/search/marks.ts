// The search core highlights by returning escaped text with <mark>…</mark> around matching words.
// The page never parses that as HTML: it is split back into plain text parts, marked or not, and
// rendered as text. Only the exact tags and the five entities the core writes are understood.

export interface Part {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

export function markedParts(highlighted: string): Part[] {
  const parts: Part[] = [];
  for (const [i, piece] of highlighted.split(/<\/?mark>/).entries()) {
    if (piece) parts.push({ text: unescape(piece), marked: i % 2 === 1 });
  }
  return parts;
}
