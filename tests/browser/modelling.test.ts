// Issue 19: the auditor's modelling view in a real browser, on a laptop and a phone: the gaps with the
// objects they would fit, the modules × objects matrix scrolling inside its own region, the needs with
// where they come from, and the workbook download.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { expectFitsAndAccessible } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.db;
  db.prepare("DELETE FROM target_object WHERE ehak = ? AND type <> 'organisation'").run(EHAK);
  const add = db.prepare('INSERT INTO target_object (ehak, type, name, need_c, justification) VALUES (?, ?, ?, ?, ?)');
  const room = Number(add.run(EHAK, 'room', 'Serveriruum', 'normal', null).lastInsertRowid);
  const app = Number(add.run(EHAK, 'application', 'Dokumendihaldus', 'high', 'Isikuandmed').lastInsertRowid);
  db.prepare('INSERT INTO target_object_dependency (object_id, depends_on) VALUES (?, ?)').run(app, room);
  db.prepare("INSERT INTO target_object_module (object_id, module_id) VALUES (?, 'APP.6')").run(app);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  describe(`modelling view at ${viewport.width} px`, () => {
    it('an auditor sees the gaps, the matrix, the inherited needs and downloads the workbook', async () => {
      const context = await signedInContext(browser, server.url, signInAs(server.db, 'auditor', [EHAK]).token, { viewport, acceptDownloads: true });
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}/jalgimine/modelleerimine/?ehak=${EHAK}`);
      await page.waitForSelector('#modelling:not([hidden])');
      await expect.poll(() => page.locator('h1').textContent()).toContain('Anija vald');
      await page.click('#modelling-gaps summary');
      const inf2 = page.locator('#modelling-gaps li', { hasText: 'INF.2' });
      await expect.poll(() => inf2.textContent()).toContain('sobib: Serveriruum');
      const appRow = page.locator('#modelling-matrix tbody tr', { has: page.locator('th', { hasText: 'APP.6' }) });
      expect(await appRow.locator('td').allTextContents()).toEqual(['✓modelleeritud', '✓modelleeritud', '']);
      const roomNeed = page.locator('#modelling-objects tr', { has: page.locator('th', { hasText: 'Serveriruum' }) }).locator('.need-chip').first();
      expect(await roomNeed.textContent()).toMatch(/suur\s*\(objektilt „Dokumendihaldus“\)/);
      await expectFitsAndAccessible(page, viewport.width);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#modelling-xlsx')]);
      expect(download.suggestedFilename()).toMatch(/^modelleerimine-anija-vald-.*\.xlsx$/);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  });
}
