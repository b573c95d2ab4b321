import { describe, expect, it } from 'vitest';
import { createTestContext } from '../tests/helpers/app.ts';
import { createSiteApp } from './site.ts';

describe('routing', () => {
  it("fits every route into Hono's RegExpRouter", async () => {
    // One route shape it cannot express (a static segment beside a parameter that has children of
    // its own, e.g. POST …/measures/bulk next to POST …/measures/{id}/evidence) makes the whole API
    // fall back to the TrieRouter: ~4 % of a status write's CPU in the benchmark.
    const t = createTestContext();
    const site = createSiteApp({ db: t.db, config: t.config });
    await site.request('/api/health');
    expect((site as unknown as { router: { name: string } }).router.name).toBe('SmartRouter + RegExpRouter');
  });
});
