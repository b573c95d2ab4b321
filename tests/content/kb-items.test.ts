import { describe, expect, it } from 'vitest';
import { itemsForModule, markdownToPlainText, measureLinkMap, relatedItems, type KbItem } from '../../site/lib/kb-items.ts';

const item = (slug: string, kind: KbItem['kind'], measures: string[], modules: string[], topics: string[] = []): KbItem => ({
  kind, slug, url: `/${kind}/${slug}/`, title: slug, summary: '', measures, modules, topics, keywords: [], body: '',
});
const A = item('a', 'guide', ['CON.3.M1', 'CON.3.M2'], ['CON.3'], ['varukoopiad']);
const B = item('b', 'template', ['CON.3.M1'], ['CON.3']);
const C = item('c', 'guide', ['ORP.4.M7'], ['ORP.4'], ['varukoopiad']);
const D = item('d', 'solution', ['OPS.1.1.5.M1'], ['OPS.1.1.5']);
const E = item('e', 'guide', ['CON.3.M10'], ['CON.10']);

describe('knowledge base item helpers', () => {
  it('related items rank shared measures over shared topics and skip unrelated ones', () => {
    expect(relatedItems(A, [A, B, C, D]).map((i) => i.slug)).toEqual(['b', 'c']);
  });
  it('measure map lists every citing item once per measure', () => {
    const map = measureLinkMap([A, B, C]);
    expect(map['CON.3.M1']).toEqual([
      { url: '/guide/a/', title: 'a', type: 'guide', typeLabel: 'Juhend' },
      { url: '/template/b/', title: 'b', type: 'template', typeLabel: 'Mall' },
    ]);
    expect(Object.keys(map)).toEqual(['CON.3.M1', 'CON.3.M2', 'ORP.4.M7']);
  });
  it('module pages find items by module or by measure of exactly that module', () => {
    expect(itemsForModule('CON.3', [A, B, C, E]).map((i) => i.slug)).toEqual(['a', 'b', 'e']);
    expect(itemsForModule('CON.1', [A, E])).toEqual([]);
  });
  it('markdown to plain text drops markup and link targets', () => {
    expect(markdownToPlainText('## Pealkiri\n\nVaata [juhendit](/juhendid/x/) **kohe**.\n<Comp a="b" />\n```\nkood\n```')).toBe('Pealkiri Vaata juhendit kohe .');
  });
});
