import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../site/lib/search-build.ts';
import { createSearcher, parseQuery, type SearchDoc } from '../../site/lib/search-core.ts';
import { TermDictionary, withinOneEdit } from '../../site/lib/search-terms.ts';

const measure = (id: string, title: string, kovPriority?: 'P1' | 'P2' | 'P3'): SearchDoc => ({
  url: `/e-its/X/#${id}`, title: `${id} ${title}`, type: 'measure', summary: 'X', ids: [id], ...(kovPriority ? { kovPriority } : {}),
});
const searcherOf = (docs: SearchDoc[]) => createSearcher(JSON.parse(JSON.stringify(buildSearchIndex(docs))));

describe('ranking priors', () => {
  it('ranks a guide above a measure with the word in its short title, and a template between', () => {
    const s = searcherOf([
      measure('NET.4.1.M12', 'Konfiguratsioonifailide varundus', 'P2'),
      { url: '/mallid/plaan/', title: 'Varundusplaan', type: 'template', summary: 'Mall.', keywords: ['varundus'] },
      { url: '/juhendid/varundus/', title: 'Andmete varundamine', type: 'guide', summary: 'Kuidas varundada.', keywords: ['varundus', 'varukoopia'], body: 'Pikk tekst. '.repeat(200) },
    ]);
    expect(s.search('varundus').map((r) => r.type)).toEqual(['guide', 'template', 'measure']);
  });

  it('ranks a measure of the KOV profile above an equal one outside it, whatever the order', () => {
    const s = searcherOf([measure('A.1.M1', 'Tulemüüri logimine'), measure('A.1.M2', 'Tulemüüri logimine', 'P3')]);
    expect(s.search('tulemüür')[0]?.url).toBe('/e-its/X/#A.1.M2');
  });

  it('still lets a much better text match outside the profile win', () => {
    const s = searcherOf([measure('A.1.M1', 'Tulemüüri logimine'), measure('A.1.M2', 'Serveri logimine', 'P1')]);
    expect(s.search('tulemüüri logimine')[0]?.url).toBe('/e-its/X/#A.1.M1');
  });

  it('counts every match in total but materialises only the limit', () => {
    const s = searcherOf(Array.from({ length: 30 }, (_, i) => measure(`B.1.M${i + 1}`, 'Parooli kord')));
    const page = s.query('parool', 3);
    expect(page.results).toHaveLength(3);
    expect(page.total).toBe(30);
  });
});

describe('term matching', () => {
  it('finds a word one typo away, including the t/d alternation the stemmer leaves', () => {
    const s = searcherOf([{ url: '/juhendid/i/', title: 'Intsidendid', type: 'guide', summary: '' }]);
    expect(normalized('intsident')).not.toBe(normalized('Intsidendid'));
    expect(s.search('intsident')[0]?.url).toBe('/juhendid/i/');
  });

  it('withinOneEdit: insertion, deletion, substitution, adjacent swap; nothing more', () => {
    for (const [a, b] of [['varundus', 'varundus'], ['varundus', 'varundu'], ['varundus', 'varunduss'], ['intsident', 'intsidend'], ['parool', 'praool']]) {
      expect(withinOneEdit(a!, b!), `${a} ${b}`).toBe(true);
    }
    for (const [a, b] of [['varundus', 'varund'], ['parool', 'rapool'], ['abcdef', 'badcef']]) expect(withinOneEdit(a!, b!), `${a} ${b}`).toBe(false);
  });

  it('completes a prefix with the shortest words when there are too many', () => {
    const terms = ['sys.1', 'sys.1.1', 'sys.1.1.m1', 'sys.1.1.m10', 'sys.2', 'syslog'].sort();
    const dict = new TermDictionary(terms);
    expect(dict.completions('sys.', 2).map((i) => terms[i]).sort()).toEqual(['sys.1', 'sys.2']);
    expect(dict.completions('sys', 10)).toHaveLength(6);
    expect(dict.nearby('syslog')).toEqual([]);
  });

  it('reads a typed id start ending in a dot as an id prefix, not as the word', () => {
    expect(parseQuery('APP.')).toEqual({ terms: ['app.'], prefix: 'app.' });
    expect(parseQuery('ops.1.')).toEqual({ terms: ['ops.1.'], prefix: 'ops.1.' });
    expect(parseQuery('äpp')).toEqual({ terms: ['app'], prefix: 'app' });
    const s = searcherOf([
      { url: '/standardlahendused/a/', title: 'Anna Teada', type: 'solution', summary: '', keywords: ['äpp'] },
      { url: '/e-its/APP.1/', title: 'APP.1 Rakendused', type: 'module', summary: '', ids: ['APP.1'] },
    ]);
    expect(s.search('APP.')[0]?.url).toBe('/e-its/APP.1/');
    expect(s.search('äpp')[0]?.url).toBe('/standardlahendused/a/');
  });
});

function normalized(word: string): string {
  return parseQuery(word).terms[0] ?? '';
}
