import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../api/config.ts';
import { openDatabase } from '../../api/db/database.ts';
import { createSiteApp } from '../../api/site.ts';

let site: ReturnType<typeof createSiteApp>;
const bigHtml = `<!doctype html><html lang="et"><body>${'Turvarada õigus '.repeat(200)}</body></html>`;

beforeAll(() => {
  const dist = mkdtempSync(join(tmpdir(), 'turvarada-dist-'));
  mkdirSync(join(dist, 'juhendid'));
  mkdirSync(join(dist, '_astro'));
  writeFileSync(join(dist, 'index.html'), bigHtml);
  writeFileSync(join(dist, 'juhendid', 'index.html'), '<html lang="et"><h1>Juhendid</h1></html>');
  writeFileSync(join(dist, '404.html'), '<html lang="et"><h1>Lehte ei leitud</h1></html>');
  writeFileSync(join(dist, '_astro', 'app.abc123.css'), 'body{color:red}'.repeat(100));
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  site = createSiteApp({ db: openDatabase(':memory:'), config: testConfig({ distDir: dist }) });
});

describe('site serving', () => {
  it('serves pages with security headers', async () => {
    const res = await site.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('compresses text with brotli or gzip as the client accepts', async () => {
    const br = await site.request('/', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(bigHtml);
    const gz = await site.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(bigHtml);
  });

  it('caches hashed assets for a year and HTML briefly', async () => {
    expect((await site.request('/_astro/app.abc123.css')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await site.request('/juhendid/')).headers.get('cache-control')).toMatch(/max-age=300/);
  });

  it('redirects to the one trailing-slash URL with 301', async () => {
    const res = await site.request('/juhendid?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/juhendid/?x=1');
    const idx = await site.request('/juhendid/index.html');
    expect(idx.status).toBe(301);
    expect(idx.headers.get('location')).toBe('/juhendid/');
    const api = await site.request('/api/health/');
    expect(api.status).toBe(301);
    expect(api.headers.get('location')).toBe('/api/health');
  });

  it('answers unknown pages with the 404 page and status 404, unknown API paths with JSON', async () => {
    const page = await site.request('/puudub');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Lehte ei leitud');
    const api = await site.request('/api/puudub');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('does not serve files outside dist', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      expect((await site.request(path)).status).toBe(404);
    }
  });

  it('supports HEAD and byte ranges', async () => {
    const head = await site.request('/favicon.svg', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const range = await site.request('/favicon.svg', { headers: { range: 'bytes=0-3' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toMatch(/^bytes 0-3\/\d+$/);
    expect(await range.text()).toBe('<svg');
    expect((await site.request('/favicon.svg', { headers: { range: 'bytes=9999-' } })).status).toBe(416);
  });
});
