// Issue 23: a specialist of a demo municipality answers the first-steps check in a real browser,
// leaves and comes back to find the answers kept, sees the next steps with their guides, previews
// the statuses the answers propose and applies them; axe finds nothing and a 390 px phone does
// not scroll sideways. The import page opens with its upload form.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { axeViolations, expectFits } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
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

it('answers the first-steps check, resumes it, and applies the proposed statuses', async () => {
  const context = await signedInContext(browser, server.url, signInAs(server.db, 'specialist', [EHAK]).token, { viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const url = `${server.url}/jalgimine/esimesed-sammud/?ehak=${EHAK}`;
  await page.goto(url);
  await page.waitForSelector('#first-steps:not([hidden])');
  await expect.poll(() => page.locator('h1').textContent()).toContain('Anija vald');

  const answer = async (question: RegExp, label: string) => {
    await page.getByRole('group', { name: question }).getByRole('radio', { name: label, exact: true }).check();
    await expect.poll(() => page.locator('#steps-status').textContent()).toContain('Salvestatud');
  };
  await answer(/vastutuse selle eest, et omavalitsuse andmed/, 'jah');
  await answer(/tehakse varukoopia automaatselt/, 'ei');
  await answer(/proovitud varukoopiast andmeid päriselt taastada/, 'ei tea');
  await expect.poll(() => page.locator('#steps-status').textContent()).toContain('Vastatud 3 küsimusele');

  // Paused and resumed: the answers are there after a reload.
  await page.reload();
  await page.waitForSelector('#first-steps:not([hidden])');
  expect(await page.getByRole('group', { name: /tehakse varukoopia automaatselt/ }).getByRole('radio', { name: 'ei', exact: true }).isChecked()).toBe(true);
  const steps = page.locator('#next-steps li');
  await expect.poll(() => steps.count()).toBe(2);
  expect(await steps.first().getByRole('link', { name: 'Loe juhendit' }).getAttribute('href')).toBe('/juhendid/andmete-varundamine/');

  expect(await axeViolations(page)).toEqual([]);
  await expectFits(page, 390);

  await page.getByRole('button', { name: 'Vaata, mis muutuks' }).click();
  await expect.poll(() => page.locator('#preview-title').textContent()).toContain('Eelvaade');
  await expect.poll(() => page.locator('.import-table tbody tr').count()).toBe(2);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Rakenda muudatused' }).click();
  await expect.poll(() => page.locator('#steps-status').textContent()).toContain('Rakendatud: 2 seisu muudeti');
  const stored = server.db.prepare('SELECT measure_id, status FROM measure_status WHERE ehak = ? ORDER BY measure_id').all(EHAK);
  expect(stored).toEqual([
    { measure_id: 'CON.3.M5', status: 'not_implemented' },
    { measure_id: 'ISMS.1.M1', status: 'implemented' },
  ]);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${server.url}/jalgimine/impordi/?ehak=${EHAK}`);
  await page.waitForSelector('#import:not([hidden])');
  expect(await page.getByLabel('Fail').isVisible()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);
