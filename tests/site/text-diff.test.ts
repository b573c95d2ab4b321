// The review page's text comparison (site/scripts/templates/text-diff.ts): a paragraph diff of two
// versions' preview blocks, in document order, bounded in size.
import { describe, expect, it } from 'vitest';
import type { PreviewBlock } from '../../api/contracts/templates.ts';
import { blockDiff } from '../../site/scripts/templates/text-diff.ts';

const p = (text: string): PreviewBlock => ({ type: 'p', text });

describe('blockDiff', () => {
  it('keeps common paragraphs and marks removed and added ones in order', () => {
    const before = [{ type: 'h', level: 1, text: 'Paroolid' } as PreviewBlock, p('Vähemalt 8 märki.'), p('Parooli ei jagata.')];
    const after = [{ type: 'h', level: 1, text: 'Paroolid' } as PreviewBlock, p('Vähemalt 12 märki.'), p('Parooli ei jagata.'), p('Kasuta paroolihaldurit.')];
    expect(blockDiff(before, after)).toEqual([
      { op: 'same', text: 'Paroolid' },
      { op: 'del', text: 'Vähemalt 8 märki.' },
      { op: 'add', text: 'Vähemalt 12 märki.' },
      { op: 'same', text: 'Parooli ei jagata.' },
      { op: 'add', text: 'Kasuta paroolihaldurit.' },
    ]);
  });

  it('tells a heading from a paragraph with the same text, and gives up on huge documents', () => {
    const ops = blockDiff([p('Vastutus')], [{ type: 'h', level: 2, text: 'Vastutus' }])!.map((d) => d.op);
    expect(ops.sort()).toEqual(['add', 'del']);
    const many = Array.from({ length: 1001 }, (_, i) => p(`lõik ${i}`));
    expect(blockDiff(many, many)).toBeNull();
    expect(blockDiff([], [])).toEqual([]);
  });
});
