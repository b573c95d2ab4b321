import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, requireBuild } from './built.ts';

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** gzip bytes of a page: its HTML plus every stylesheet and script it loads up front (not lazy chunks, not the index). */
function pageWeight(htmlPath: string): number {
  const html = readFileSync(htmlPath);
  const assets = [...html.toString().matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
  return gz(html) + [...new Set(assets)].reduce((sum, a) => sum + gz(readFileSync(join(DIST_DIR, a))), 0);
}

describe('sizes of the built knowledge base', () => {
  // Issue 17: the ranking rewrite must not grow the index past its size before (242 KiB gzip with lunr).
  it('the whole-site search index is at most 242 KiB gzip', () => {
    requireBuild();
    const size = gz(readFileSync(join(DIST_DIR, 'otsing/index.json')));
    console.log(`otsinguindeks: ${(size / 1024).toFixed(1)} KiB gzip`);
    expect(size).toBeLessThanOrEqual(242 * 1024);
  });

  it('every guide page (HTML + CSS + JS, without the index) is under 30 KB gzip', () => {
    requireBuild();
    const dir = join(DIST_DIR, 'juhendid');
    const slugs = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(slugs.length).toBeGreaterThanOrEqual(30);
    const weights = slugs.map((s) => ({ s, w: pageWeight(join(dir, s, 'index.html')) }));
    const max = weights.reduce((a, b) => (b.w > a.w ? b : a));
    console.log(`suurim juhendi leht: ${max.s} ${(max.w / 1024).toFixed(1)} KB gzip`);
    expect(max.w).toBeLessThan(30 * 1024);
  });
});
