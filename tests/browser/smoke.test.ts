import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, runAxe } from '../helpers/browser.ts';
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

describe('home page in a real browser', () => {
  it('is Estonian, has a working skip link and no accessibility violations', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const res = await page.goto(server.url + '/');
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('et');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Liigu põhisisu juurde');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the 404 page with status 404', async () => {
    const page = await browser.newPage();
    const res = await page.goto(server.url + '/puudub');
    expect(res?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Lehte ei leitud');
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });
});
