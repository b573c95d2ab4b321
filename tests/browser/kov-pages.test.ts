// Every tracker page about one municipality, opened without ?ehak=, says that none is chosen and
// links to the list (site/scripts/tracker/kov-page.ts), instead of loading forever or failing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PAGES = ['kov', 'meetmed', 'objektid', 'modelleerimine', 'riskianaluus', 'impordi', 'esimesed-sammud'];

it('a municipality page without ?ehak= says none is chosen and links to the list', async () => {
  const context = await signedInContext(browser, server.url, signInAs(server.db, 'admin').token);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  for (const name of PAGES) {
    await page.goto(`${server.url}/jalgimine/${name}/`, { waitUntil: 'networkidle' });
    const box = page.locator('[data-load]').first();
    await expect.poll(() => box.textContent(), { message: name }).toContain('Omavalitsus on valimata');
    expect(await box.locator('a[href="/jalgimine/"]').count(), name).toBe(1);
  }
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
