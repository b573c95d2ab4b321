// After a real sign-in the login page follows ?tagasi= only to a path on this site: whatever the
// browser would read as another host (tabs and newlines it drops, backslashes it reads as slashes,
// scheme-relative and absolute URLs, javascript:) ends on the tracker instead.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.ts';
import { createUser } from '../../api/users/service.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PASSWORD = 'punane laev ja roheline saar';
let running: TestServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  const hash = await hashPassword(PASSWORD);
  running = await startTestServer({
    prepare: (db) => void createUser(db, { email: 'suunamine@elvl.ee', name: 'Suuna Mine', role: 'admin', kovs: [] }, { id: null }, hash),
  });
  url = running.url;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

/** Opens the login page with the raw (already URL-encoded) ?tagasi= value, signs in, returns where the browser ended. */
async function signInWith(tagasi: string): Promise<URL> {
  const context = await browser.newContext();
  const evil: string[] = [];
  // Nothing may leave the test: any other host answers with a marker page (and is recorded).
  await context.route((u) => u.origin !== url, async (route) => {
    evil.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>kuri</title><h1>kuri</h1>' });
  });
  const page = await context.newPage();
  let alerted = false;
  page.on('dialog', (d) => ((alerted = true), void d.dismiss()));
  await page.goto(`${url}/logi-sisse/?tagasi=${tagasi}`);
  await page.fill('#email', 'suunamine@elvl.ee');
  await page.fill('#password', PASSWORD);
  await page.click('#login-form button[type="submit"]');
  await page.waitForURL((u) => u.origin !== url || !u.pathname.startsWith('/logi-sisse/'));
  const landed = new URL(page.url());
  await context.close();
  expect(evil).toEqual([]);
  expect(alerted).toBe(false);
  return landed;
}

describe('where sign-in leads', () => {
  it.each([
    ['tab', '/%09/evil.example/phish'],
    ['line feed', '/%0a/evil.example/phish'],
    ['carriage return', '/%0d/evil.example/phish'],
    ['tab and backslash', '/%09%5Cevil.example/phish'],
    ['scheme-relative', '//evil.example/phish'],
    ['slash backslash', '/%5Cevil.example/phish'],
    ['backslashes', '%5C%5Cevil.example/phish'],
    ['absolute URL', 'https://evil.example/phish'],
    ['javascript:', 'javascript:alert(document.domain)'],
  ])('%s: to the tracker, not to another site', async (_name, tagasi) => {
    const landed = await signInWith(tagasi);
    expect(landed.origin).toBe(url);
    expect(landed.pathname).toBe('/jalgimine/');
  }, 60_000);

  it('a path on this site, with its query and fragment, is followed', async () => {
    const landed = await signInWith(encodeURIComponent('/minu-konto/?vaade=seansid#seansid'));
    expect(landed.href).toBe(`${url}/minu-konto/?vaade=seansid#seansid`);
  }, 60_000);
});
