import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../api/config.ts';
import type { Searcher } from '../../site/lib/search-core.ts';
import { loadBuiltSearcher } from '../../scripts/search/built-index.ts';
import { DIST_DIR, requireBuild } from './built.ts';

// lunr's term automaton merged different nodes when terms contained digits (E-ITS ids), so on the
// real site index a prefix search such as "APP." expanded to a word that is not in the index and threw.
const catalog = JSON.parse(readFileSync(`${ROOT_DIR}data/catalog/eits-2024-index.json`, 'utf8')) as { modules: Array<{ id: string }> };
let searcher: Searcher;

beforeAll(() => {
  requireBuild();
  searcher = loadBuiltSearcher(DIST_DIR);
});

describe('search on the built index with ids and prefixes', () => {
  it('never throws on any prefix of a module id, in any case', () => {
    for (const { id } of catalog.modules) {
      for (let n = 1; n <= id.length; n++) {
        const q = id.slice(0, n);
        expect(() => searcher.search(q), q).not.toThrow();
        expect(() => searcher.search(q.toLowerCase()), q).not.toThrow();
      }
    }
    expect(searcher.search('APP.')[0]?.url).toMatch(/^\/e-its\/APP\./);
  });

  it('never throws on arbitrary id-like queries', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z]{0,4}[.\d]{0,8}[a-zA-Z]?\d{0,2}$/), (q) => {
        searcher.search(q);
      }),
      { numRuns: 1000 },
    );
  });
});
