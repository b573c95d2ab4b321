// Tracker flows through the built pages: freezing a reporting period on ELVL's overview.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, runAxe } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
let server: TestServer;
let browser: Browser;

async function contextAs(role: 'specialist' | 'analyst'): Promise<BrowserContext> {
  const { token } = signInAs(server.db, role, role === 'specialist' ? [EHAK] : []);
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
  return context;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('tracker flows in the browser', () => {
  it('freezes a reporting period from the overview page', async () => {
    const context = await contextAs('analyst');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/jalgimine/ulevaade/`);
    await page.waitForSelector('#overview:not([hidden]) #snapshot-section:not([hidden])');
    await page.fill('#snapshot-period', '2026-H3');
    expect(await page.$eval('#snapshot-period', (el) => (el as HTMLInputElement).validity.patternMismatch)).toBe(true);
    await page.fill('#snapshot-period', '2026-H2');
    // The browser checks the pattern itself: a real period must pass it, or no request is ever sent.
    expect(await page.$eval('#snapshot-period', (el) => (el as HTMLInputElement).validity.valid)).toBe(true);
    await page.press('#snapshot-period', 'Enter');
    await page.waitForFunction(() => document.getElementById('snapshot-status')?.textContent === 'Periood 2026-H2 on külmutatud.');
    expect(server.db.prepare('SELECT count(*) FROM progress_snapshot WHERE period = ?').pluck().get('2026-H2')).toBe(1);
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
