// Caching and transport headers over the whole product (site + API, as the server serves it):
// every API answer that depends on the session says no-store (the routes are read from the app, so
// one added later is checked too), and HSTS follows the configured PUBLIC_ORIGIN, not the request.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { GOOD_PASSWORD, userWithPassword } from '../../api/auth/test-helpers.ts';
import { testConfig } from '../../api/config.ts';
import { openDatabase, type Db } from '../../api/db/database.ts';
import { createSiteApp } from '../../api/site.ts';
import { seedReference } from '../../scripts/seed/index.ts';
import { signInAs } from '../helpers/app.ts';

let dist: string;
let db: Db;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'turvarada-dist-'));
  mkdirSync(join(dist, 'juhendid'));
  writeFileSync(join(dist, 'index.html'), '<html lang="et"><h1>Turvarada</h1></html>');
  writeFileSync(join(dist, 'juhendid', 'index.html'), '<html lang="et"><h1>Juhendid</h1></html>');
  writeFileSync(join(dist, '404.html'), '<html lang="et"><h1>Lehte ei leitud</h1></html>');
  db = openDatabase(':memory:');
  seedReference(db);
});

const siteFor = (publicOrigin: string) => createSiteApp({ db, config: testConfig({ distDir: dist, publicOrigin }) });

/** A concrete URL for a route pattern (Hono's :param syntax). */
const urlFor = (path: string) => path.replace(':ehak', '0141').replace(/:measureId\b/g, 'ISMS.1.M1').replace(/:[A-Za-z]+/g, '1').replace(/\/\*$/, '/x');

describe('Cache-Control on API answers', () => {
  it('is no-store on every GET route, signed in or not, unless the answer is public and the same for everyone', async () => {
    const site = siteFor('http://127.0.0.1:4321');
    const cookie = `${SESSION_COOKIE}=${signInAs(db, 'admin').token}`;
    const paths = [...new Set(site.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/') && !r.path.endsWith('*')).map((r) => r.path))];
    expect(paths.length).toBeGreaterThan(30);
    const publicOnes: string[] = [];
    for (const path of paths) {
      const url = urlFor(path);
      const signedIn = await site.request(url, { headers: { cookie } });
      const anonymous = await site.request(url);
      for (const res of [signedIn, anonymous]) {
        const cc = res.headers.get('cache-control') ?? '';
        if (/\bno-store\b/.test(cc)) continue;
        // Cacheable only when public, and then it must not depend on who asked.
        expect(cc, `${path} → ${res.status} ${cc}`).toMatch(/^public\b/);
        expect(anonymous.status, path).toBe(signedIn.status);
        expect(await anonymous.clone().text(), path).toBe(await signedIn.clone().text());
        publicOnes.push(path);
      }
    }
    expect([...new Set(publicOnes)].sort()).toEqual(['/api/open-data/progress.csv', '/api/open-data/progress.json']);
  });

  it('is no-store on sign-in, sign-out, refusals and unknown API paths', async () => {
    const site = siteFor('http://127.0.0.1:4321');
    const u = await userWithPassword(db, { role: 'analyst' });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      site.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const login = await post('/api/auth/login', { email: u.email, password: GOOD_PASSWORD });
    expect(login.status).toBe(200);
    const answers = [
      login,
      await post('/api/auth/login', { email: u.email, password: 'vale parool siin' }),
      await post('/api/auth/logout', {}),
      await post('/api/auth/login', { email: u.email, password: GOOD_PASSWORD }, { origin: 'https://kuri.example' }),
      await site.request('/api/auth/me'),
      await site.request('/api/pole-olemas'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 204, 403, 401, 404]);
    for (const res of answers) expect(res.headers.get('cache-control')).toContain('no-store');
  });
});

describe('Strict-Transport-Security', () => {
  const sample = ['/', '/juhendid/', '/pole-olemas/', '/api/health', '/api/auth/session', '/api/pole-olemas'];

  it('is on pages and API answers when PUBLIC_ORIGIN is https, though the server itself speaks plain HTTP', async () => {
    const site = siteFor('https://turvarada.example');
    for (const path of sample) {
      const res = await site.request(`http://127.0.0.1:4321${path}`);
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
    }
  });

  it('is absent when PUBLIC_ORIGIN is http, whatever the request says', async () => {
    const site = siteFor('http://127.0.0.1:4321');
    for (const path of sample) {
      const res = await site.request(`https://127.0.0.1:4321${path}`);
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});
