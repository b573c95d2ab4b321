// Issue 19: the risk analysis in a real browser, on a laptop and a phone. A specialist sees on the
// dashboard which object's analysis is missing, opens the municipality's risk analysis, sees the
// high-need object's analysis as not done, opens it, is told what an accepted risk needs, records the
// decision with who and when, and sees the state change; a viewer reads the same threats without any
// control.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_STATE_LABELS } from '../../api/contracts/labels.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { expectFitsAndAccessible } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
let server: TestServer;
let browser: Browser;
let objectId: number;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  server.db.prepare("DELETE FROM target_object WHERE ehak = ? AND type <> 'organisation'").run(EHAK);
});

/** A network object with a high availability need, new for each walk (decisions are never deleted). */
function addNetwork(name: string): number {
  const id = Number(
    server.db
      .prepare("INSERT INTO target_object (ehak, type, name, need_a, justification) VALUES (?, 'network', ?, 'high', 'Kõik teenused sõltuvad võrgust')")
      .run(EHAK, name).lastInsertRowid,
  );
  server.db.prepare("INSERT INTO target_object_module (object_id, module_id) VALUES (?, 'NET.1.1')").run(id);
  return id;
}
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function contextAs(role: 'specialist' | 'viewer', viewport: { width: number; height: number }): Promise<BrowserContext> {
  return signedInContext(browser, server.url, signInAs(server.db, role, [EHAK]).token, { viewport });
}

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  describe(`risk analysis at ${viewport.width} px`, () => {
    it('a specialist records an accepted risk with who decided and when', async () => {
      const name = `Kohtvõrk ${viewport.width}`;
      objectId = addNetwork(name);
      const context = await contextAs('specialist', viewport);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      // The dashboard names the object whose analysis is missing and links to it.
      await page.goto(`${server.url}/jalgimine/kov/?ehak=${EHAK}`);
      const state = page.locator('#risk-states li', { hasText: name });
      await state.waitFor();
      expect(await state.textContent()).toContain(RISK_STATE_LABELS.missing);
      await expectFitsAndAccessible(page, viewport.width);
      await state.getByRole('link', { name }).click();
      await page.waitForURL(/\/jalgimine\/riskianaluus\/\?ehak=0141&object=\d+/);
      await page.goto(`${server.url}/jalgimine/riskianaluus/?ehak=${EHAK}`);
      await page.waitForSelector('#risk:not([hidden])');
      const listed = page.locator('#risk-list tr', { has: page.getByRole('link', { name, exact: true }) });
      await expect.poll(() => listed.textContent()).toContain('tegemata');
      await expectFitsAndAccessible(page, viewport.width);

      await page.getByRole('link', { name, exact: true }).click();
      await page.waitForSelector('#risk-list table');
      await expect.poll(() => page.locator('#risk-title').textContent()).toBe(`Objekt: ${name}`);
      const first = page.locator('#risk-list tbody tr').first();
      const code = ((await first.locator('th').textContent()) ?? '').match(/G 0\.\d+/)![0];
      await first.getByRole('button', { name: `Hinda ohtu ${code}` }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('risk-form-title');
      await page.getByRole('radio', { name: 'risk aktsepteeritud' }).check();
      await page.getByRole('button', { name: 'Salvesta' }).click();
      await expect.poll(() => page.locator('#r-justification-err').textContent()).toContain('põhjendus');
      await expectFitsAndAccessible(page, viewport.width);
      await page.fill('#r-justification', 'Võrgukatkestus mõjutab vaid sisevõrku; varuühendus on olemas');
      await page.fill('#r-decidedBy', 'Mari Maasikas, vallavanem');
      await page.fill('#r-decidedAt', '30.11.2026');
      await page.getByRole('button', { name: 'Salvesta' }).click();
      await expect.poll(() => page.locator('#risk-status').textContent()).toContain(`Salvestatud: ${code}`);
      await expect.poll(() => first.textContent()).toContain('risk aktsepteeritud');
      expect(await first.textContent()).toContain('Otsustas Mari Maasikas, vallavanem, 30.11.2026');
      expect(server.db.prepare('SELECT assessment, decided_at FROM risk_assessment WHERE object_id = ?').all(objectId)).toEqual([{ assessment: 'accepted', decided_at: '2026-11-30' }]);
      // Focus goes back to the row's button.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Hinda');
      await expectFitsAndAccessible(page, viewport.width);

      await page.goto(`${server.url}/jalgimine/riskianaluus/?ehak=${EHAK}`);
      await expect.poll(() => listed.textContent()).toContain('pooleli');
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await context.close();
    }, 120_000);

    it('a viewer reads the threats without any control', async () => {
      const context = await contextAs('viewer', viewport);
      const page = await context.newPage();
      await page.goto(`${server.url}/jalgimine/riskianaluus/?ehak=${EHAK}&object=${objectId}`);
      await page.waitForSelector('#risk-list table');
      expect(await page.locator('#risk-list tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('#risk-list button, #risk-form form').count()).toBe(0);
      await expectFitsAndAccessible(page, viewport.width);
      await context.close();
    }, 60_000);
  });
}
