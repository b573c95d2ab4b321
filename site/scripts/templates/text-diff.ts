// The text comparison of two template versions: a paragraph-level diff of their preview blocks.
// Pure (no DOM), so tests/site/text-diff.test.ts runs it directly.
import type { PreviewBlock } from '../../../api/contracts/templates.ts';

export interface DiffLine {
  op: 'same' | 'add' | 'del';
  text: string;
}

const key = (b: PreviewBlock) => `${b.type}${b.level ?? ''} ${b.text}`;

/**
 * A paragraph-level diff of two versions' blocks (longest common subsequence). Null when the
 * documents are too long to compare in the browser (more than a million block pairs).
 */
export function blockDiff(before: PreviewBlock[], after: PreviewBlock[]): DiffLine[] | null {
  const a = before.map(key);
  const b = after.map(key);
  if (a.length * b.length > 1_000_000) return null;
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: 'same', text: before[i++]!.text });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ op: 'del', text: before[i++]!.text });
    else out.push({ op: 'add', text: after[j++]!.text });
  }
  return out;
}

