import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../site/lib/search-build.ts';
import { createSearcher, highlight, parseQuery, type SearchDoc } from '../../site/lib/search-core.ts';

const DOCS: SearchDoc[] = [
  { url: '/juhendid/oigused/', title: 'Kontod ja õigused', type: 'guide', summary: 'Kasutajaõiguste andmine ja äravõtmine.', keywords: ['juurdepääs'], body: 'Lahkunud töötaja konto suletakse samal päeval.' },
  { url: '/juhendid/varundus/', title: 'Andmete varundamine', type: 'guide', summary: 'Varukoopiad ja taastetestid.', keywords: ['varukoopiad', 'backup'], body: 'Taastamist proovitakse kord kuus.' },
  { url: '/e-its/CON.3/', title: 'CON.3 Andmevarunduse kontseptsioon', type: 'module', summary: 'E-ITS moodul', ids: ['CON.3'] },
  { url: '/e-its/CON.3/#CON.3.M1', title: 'CON.3.M1 Andmevarunduse mõjurite piiritlemine', type: 'measure', summary: 'CON.3', ids: ['CON.3.M1'] },
  { url: '/e-its/CON.3/#CON.3.M12', title: 'CON.3.M12 Andmekandjad', type: 'measure', summary: 'CON.3', ids: ['CON.3.M12'] },
];
const searcher = createSearcher(JSON.parse(JSON.stringify(buildSearchIndex(DOCS))));
const top = (q: string) => searcher.search(q, 5).map((r) => r.url);

describe('search core', () => {
  it('finds words without diacritics and in other case forms', () => {
    expect(top('oigus')[0]).toBe('/juhendid/oigused/');
    expect(top('õigustega')[0]).toBe('/juhendid/oigused/');
    expect(top('varukoopiate')[0]).toBe('/juhendid/varundus/');
  });
  it('treats the last word as a prefix', () => {
    expect(top('varund')[0]).toBe('/juhendid/varundus/');
    expect(top('kasutajaõig')).toContain('/juhendid/oigused/');
  });
  it('finds measure ids whole, in any case, exact match first', () => {
    expect(top('CON.3.M1')[0]).toBe('/e-its/CON.3/#CON.3.M1');
    expect(top('con.3.m1')[0]).toBe('/e-its/CON.3/#CON.3.M1');
    expect(top('con.3')[0]).toBe('/e-its/CON.3/');
  });
  it('never throws on query-syntax characters (as lunr had them) and returns [] for empty input', () => {
    for (const q of ['title:õigus', 'varundus~2', 'parool^10', '+-*', ':', '~', '^', '"', '']) expect(() => searcher.search(q)).not.toThrow();
    expect(searcher.search('   ')).toEqual([]);
    expect(top('title:õigused')).toContain('/juhendid/oigused/');
  });
  it('returns display data with Estonian type labels and honours the limit', () => {
    const [r] = searcher.search('CON.3.M1', 1);
    expect(r).toMatchObject({ type: 'measure', typeLabel: 'E-ITS meede', title: 'CON.3.M1 Andmevarunduse mõjurite piiritlemine' });
    expect(searcher.search('andmevarunduse', 2)).toHaveLength(2);
  });
});

describe('highlight', () => {
  it('marks matching words, including inflected and prefix matches, and escapes HTML', () => {
    expect(highlight('Õiguste <b>haldus</b>', parseQuery('oigus'))).toBe('<mark>Õiguste</mark> &lt;b&gt;haldus&lt;/b&gt;');
    expect(highlight('Varukoopiad & taastamine', parseQuery('varuk'))).toBe('<mark>Varukoopiad</mark> &amp; taastamine');
    expect(highlight('<script>x</script>', parseQuery('zzz'))).toBe('&lt;script&gt;x&lt;/script&gt;');
  });
});
