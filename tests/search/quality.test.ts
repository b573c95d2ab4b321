import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SerializedSearch } from '../../site/lib/search-engine.ts';
import { loadBuiltSearcher } from '../../scripts/search/built-index.ts';
import { DIST_DIR, requireBuild } from './built.ts';
import { QUALITY_QUERIES } from './quality-queries.ts';

// Runs against the index the build shipped (npm test builds first), i.e. exactly what users search.
describe('search quality on the real content (built index)', () => {
  it('has at least 40 queries and finds the expected page in the top 5 for ≥ 95% of them', () => {
    requireBuild();
    const searcher = loadBuiltSearcher(DIST_DIR);
    expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(40);
    const misses = QUALITY_QUERIES.filter(([q, url]) => !searcher.search(q, 5).some((r) => r.url === url)).map(
      ([q, url]) => `${q} → ${url} (sai: ${searcher.search(q, 5).map((r) => r.url).join(', ')})`,
    );
    const passRate = (QUALITY_QUERIES.length - misses.length) / QUALITY_QUERIES.length;
    expect(passRate, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('every expected URL exists in the index (no stale expectations)', () => {
    requireBuild();
    const data = JSON.parse(readFileSync(join(DIST_DIR, 'otsing/index.json'), 'utf8')) as SerializedSearch;
    const urls = new Set(data.docs.map((d) => d[0]));
    expect(QUALITY_QUERIES.map(([, url]) => url).filter((u) => !urls.has(u))).toEqual([]);
    // guides + solutions + templates + 109 modules + 1802 measures
    expect(urls.size).toBeGreaterThan(1900);
  });
});
