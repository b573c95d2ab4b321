// Merged and renamed pages: the old URL answers 301 to the surviving page, the old files are gone,
// every target exists, and no content links to an old path.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../api/config.ts';
import { openDatabase } from '../../api/db/database.ts';
import { REDIRECTS, redirectFor } from '../../api/redirects.ts';
import { createSiteApp } from '../../api/site.ts';
import { allContentFiles } from './helpers.ts';

const SECTION_DIRS: Record<string, string> = { juhendid: 'guides', standardlahendused: 'solutions', mallid: 'templates' };
/** content/<kind>/<slug>.mdx for a page path like /juhendid/<slug>/ or /mallid/<slug>.odt. */
function contentFile(path: string): string {
  const m = /^\/([a-z]+)\/([a-z0-9-]+)(?:\/|\.md|\.odt)$/.exec(path);
  if (!m || !SECTION_DIRS[m[1]!]) throw new Error(`ootamatu tee ${path}`);
  return join('content', SECTION_DIRS[m[1]!]!, `${m[2]}.mdx`);
}

let site: ReturnType<typeof createSiteApp>;
beforeAll(() => {
  const dist = mkdtempSync(join(tmpdir(), 'turvarada-redirects-'));
  mkdirSync(join(dist, 'juhendid', 'infoturbe-rollid-ja-vastutus'), { recursive: true });
  writeFileSync(join(dist, 'juhendid', 'infoturbe-rollid-ja-vastutus', 'index.html'), '<html lang="et"><h1>Rollid</h1></html>');
  writeFileSync(join(dist, '404.html'), '<html lang="et"><h1>Lehte ei leitud</h1></html>');
  site = createSiteApp({ db: openDatabase(':memory:'), config: testConfig({ distDir: dist }) });
});

describe('redirects for merged and renamed pages', () => {
  it('GET /juhendid/organisatsioon-ja-vastutus/ answers 301 to the merged page', async () => {
    const res = await site.request('/juhendid/organisatsioon-ja-vastutus/');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/juhendid/infoturbe-rollid-ja-vastutus/');
  });

  it('every old path redirects in one step, keeping the query; also without the slash and as index.html', async () => {
    for (const [from, to] of Object.entries(REDIRECTS)) {
      const res = await site.request(from + '?q=1');
      expect(res.status, from).toBe(301);
      expect(res.headers.get('location'), from).toBe(to + '?q=1');
      expect(REDIRECTS[to], `${to} ei tohi ise edasi suunata`).toBeUndefined();
    }
    expect(redirectFor('/juhendid/infoturbe-haldus-kov-is')).toBe('/juhendid/infoturbe-eelarve-ja-juhtkond/');
    expect(redirectFor('/juhendid/infoturbe-haldus-kov-is/index.html')).toBe('/juhendid/infoturbe-eelarve-ja-juhtkond/');
    expect(redirectFor('/juhendid/infoturbe-rollid-ja-vastutus/')).toBeUndefined();
    expect((await site.request('/juhendid/infoturbe-rollid-ja-vastutus/')).status).toBe(200);
  });

  it('the old content files are gone and every target is a content item', () => {
    for (const [from, to] of Object.entries(REDIRECTS)) {
      expect(existsSync(contentFile(from)), `${contentFile(from)} peab olema eemaldatud`).toBe(false);
      expect(existsSync(contentFile(to)), `${contentFile(to)} puudub`).toBe(true);
    }
  });

  it('no content links to a removed or renamed page', () => {
    const oldPaths = [...new Set(Object.keys(REDIRECTS).map((p) => p.replace(/(\/|\.md|\.odt)$/, '')))];
    const hits: string[] = [];
    for (const file of allContentFiles()) {
      const src = readFileSync(file, 'utf8');
      for (const old of oldPaths) {
        // A link to the old page, its .md/.odt download or an anchor on it.
        const re = new RegExp(old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![a-z0-9-])');
        if (re.test(src)) hits.push(`${file}: ${old}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
