// Issue 19: standard solutions modelled once, in a real browser on a laptop and a phone. An admin
// records that the provider implements a measure; a specialist adopts the model as an object of the
// municipality and sees it marked in the structure analysis. An admin also creates a central service
// (a model delivered to a municipality as a whole, what shared services were) and finds it on the overview.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSolutionsDemo } from '../../scripts/seed/solutions-demo.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { expectFits, expectFitsAndAccessible } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  signInAs(server.db, 'admin');
  seedSolutionsDemo(server.db, () => {});
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function contextAs(role: 'admin' | 'specialist', viewport: { width: number; height: number }): Promise<BrowserContext> {
  return signedInContext(browser, server.url, signInAs(server.db, role, role === 'admin' ? [] : [EHAK]).token, { viewport });
}

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  describe(`solution models at ${viewport.width} px`, () => {
    it('an admin records who implements a measure; a specialist adopts the model', async () => {
      const admin = await contextAs('admin', viewport);
      const page = await admin.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}/jalgimine/lahendused/`);
      const volis = page.locator('section.model-card', { has: page.locator('h2', { hasText: 'VOLIS' }) });
      await volis.waitFor();
      const row = volis.locator('tr[data-measure]').first();
      const measure = (await row.getAttribute('data-measure'))!;
      await row.locator('select[name="status"]').selectOption('implemented');
      await volis.locator('input[name="summary"]').fill(`Teenusepakkuja kinnitas ${measure}`);
      await volis.getByRole('button', { name: 'Salvesta VOLIS' }).click();
      await expect.poll(() => page.locator('#models-status').textContent()).toContain('Salvestatud: VOLIS');
      await expectFitsAndAccessible(page, viewport.width);
      const stored = server.db.prepare("SELECT s.status FROM solution_statement s JOIN solution_model m ON m.id = s.model_id WHERE m.name = 'VOLIS' AND s.measure_id = ?").get(measure);
      expect(stored).toEqual({ status: 'implemented' });
      expect(errors).toEqual([]);
      await admin.close();

      const specialist = await contextAs('specialist', viewport);
      const p2 = await specialist.newPage();
      await p2.goto(`${server.url}/jalgimine/objektid/?ehak=${EHAK}`);
      await p2.waitForSelector('#adopt-section:not([hidden])');
      await p2.selectOption('#adopt-model', { label: 'VOLIS (mustand)' });
      const name = `VOLIS ${viewport.width}`;
      await p2.fill('#adopt-name', name);
      await p2.getByRole('button', { name: 'Võta kasutusele' }).click();
      await expect.poll(() => p2.locator('#objects-status').textContent()).toContain(`Lisatud standardlahendus: ${name}`);
      expect(await p2.locator('#object-list tr', { has: p2.locator('th', { hasText: name }) }).textContent()).toContain('standardlahendus „VOLIS“');
      await expectFitsAndAccessible(p2, viewport.width);
      await specialist.close();
    }, 120_000);

    it(`an admin delivers a measure centrally to one municipality as a whole (${viewport.width} px)`, async () => {
      const admin = await contextAs('admin', viewport);
      const page = await admin.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}/jalgimine/lahendused/`);
      await page.locator('section.model-card').first().waitFor();
      const name = `Keskne teenus ${viewport.width}`;
      await page.getByText('Lisa uus mudel').click();
      await page.fill('#new-model-name', name);
      await page.selectOption('#new-model-type', 'service');
      await page.getByRole('button', { name: 'Lisa mudel' }).click();
      await expect.poll(() => page.locator('#models-status').textContent()).toContain(`Lisatud mudel ${name}`);
      const card = page.locator('section.model-card', { has: page.locator('h2', { hasText: name }) });
      // A measure the catalogue does not have is refused with the field's own message.
      await card.locator('input[name="newMeasure"]').fill('XYZ.1.M1');
      await card.locator('input[name="summary"]').fill('proov');
      await card.getByRole('button', { name: `Salvesta ${name}` }).click();
      await expect.poll(() => card.getByRole('alert').textContent()).toContain('Meedet XYZ.1.M1 kataloogis ei ole.');
      await card.locator('input[name="newMeasure"]').fill('ISMS.1.M1');
      await card.locator('tr[data-new-statement] select[name="status"]').selectOption('implemented');
      await card.locator('tr[data-new-statement] input[name="note"]').fill('ELVL-i infoturbejuht');
      await card.getByText('Kogu omavalitsusele keskselt').click();
      await card.getByLabel('Anija vald').check();
      await card.locator('input[name="summary"]').fill('Anija saab infoturbejuhi ELVL-ist');
      await card.getByRole('button', { name: `Salvesta ${name}` }).click();
      await expect.poll(() => page.locator('#models-status').textContent()).toContain(`Salvestatud: ${name}`);
      expect(await card.locator('tr[data-measure="ISMS.1.M1"] input[name="note"]').inputValue()).toBe('ELVL-i infoturbejuht');
      expect(await card.locator('tr[data-new-statement] input[name="newMeasure"]').inputValue()).toBe('');
      await expectFitsAndAccessible(page, viewport.width);
      const model = server.db.prepare('SELECT id, version FROM solution_model WHERE name = ?').get(name) as { id: number; version: number };
      expect(model.version).toBe(2);
      expect(server.db.prepare('SELECT ehak FROM solution_model_kov WHERE model_id = ?').pluck().all(model.id)).toEqual([EHAK]);
      expect(server.db.prepare('SELECT measure_id, responsibility, status, note FROM solution_statement WHERE model_id = ?').all(model.id))
        .toEqual([{ measure_id: 'ISMS.1.M1', responsibility: 'provider', status: 'implemented', note: 'ELVL-i infoturbejuht' }]);

      // The municipality's measure history says what ELVL changed.
      await page.goto(`${server.url}/jalgimine/meede/?ehak=${EHAK}&id=ISMS.1.M1`);
      await expect.poll(() => page.locator('#history').textContent()).toContain(`Standardlahenduse mudel „${name}“ (versioon 2)`);
      expect(await page.locator('#history').textContent()).toContain('Anija saab infoturbejuhi ELVL-ist');

      // The municipality's structure analysis names it on the organisation object.
      await page.goto(`${server.url}/jalgimine/objektid/?ehak=${EHAK}`);
      await expect.poll(() => page.locator('#object-list tr', { has: page.getByRole('link', { name }) }).count()).toBe(1);

      // ELVL's overview lists it with the measure and the one municipality.
      await page.goto(`${server.url}/jalgimine/ulevaade/`);
      const row = page.locator('#shared-rows tr', { has: page.locator('th', { hasText: name }) });
      await row.waitFor();
      expect(await row.textContent()).toContain('ISMS.1.M1');
      expect(await row.locator('summary').textContent()).toContain('1');
      await expectFits(page, viewport.width);
      // The one 400 is the refused measure above.
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await admin.close();
    }, 120_000);
  });
}
