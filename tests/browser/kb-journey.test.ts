/**
 * Issue 17: the KOV IT person's journey through the knowledge base, on a laptop and on a phone.
 * Each step checks what it is about plus the two guards every page must keep: no sideways page scroll
 * and no axe (WCAG 2.0/2.1 A+AA) violations.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { axeProblems, beforeContent, horizontalOverflow, tableRegions, wordsBrokenInTables } from '../helpers/kb-journey.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { DIST_DIR } from '../search/built.ts';
import { FIRST_STEPS, START_GUIDE } from '../../site/lib/kb-importance.ts';
import { siteContact } from '../../site/lib/kb-contact.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ distDir: DIST_DIR });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageGuards(page: Page) {
  expect(await horizontalOverflow(page), `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(await axeProblems(page)).toEqual([]);
}

const guideHrefs = (page: Page) => page.$$eval('#guide-list > li h2 a', (as) => as.map((a) => a.getAttribute('href')));

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  describe(`journey at ${viewport.width}×${viewport.height}`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ viewport, acceptDownloads: true });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.setDefaultNavigationTimeout(30_000);
    });
    afterAll(() => context?.close());

    it('home "Kust alustada?" links the starting guide and the three first steps', async () => {
      await page.goto(server.url + '/');
      const start = page.getByRole('region', { name: 'Kust alustada?' });
      const hrefs = await start.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.slice(0, 4)).toEqual([START_GUIDE, ...FIRST_STEPS.map((s) => s.slug)].map((s) => `/juhendid/${s}/`));
      await pageGuards(page);
      await start.getByRole('link').first().click();
      await page.waitForURL(`**/juhendid/${START_GUIDE}/`);
      expect(await page.textContent('h1')).toMatch(/Kust alustada/);
    });

    it('the guide list is in importance order by default and offers A–Z', async () => {
      await page.goto(server.url + '/juhendid/');
      const important = [START_GUIDE, ...FIRST_STEPS.map((s) => s.slug)].map((s) => `/juhendid/${s}/`);
      expect((await guideHrefs(page)).slice(0, 4)).toEqual(important);
      expect(await page.getByRole('radio', { name: 'Tähtsuse järgi' }).isChecked()).toBe(true);
      await pageGuards(page);
      await page.getByRole('radio', { name: 'A–Z' }).check();
      const titles = await page.$$eval('#guide-list > li h2 a', (as) => as.map((a) => a.textContent ?? ''));
      expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'et')));
      expect(new URL(page.url()).searchParams.get('jarjestus')).toBe('a-z');
      await page.reload();
      expect(await page.getByRole('radio', { name: 'A–Z' }).isChecked()).toBe(true);
      expect((await guideHrefs(page))[0]).not.toBe(important[0]);
      // Without JavaScript the list is built in importance order and the choice is not offered.
      const noJs = await browser.newContext({ viewport, javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await plain.goto(server.url + '/juhendid/');
      expect((await guideHrefs(plain)).slice(0, 4)).toEqual(important);
      expect(await plain.getByRole('radio', { name: 'A–Z' }).count()).toBe(0);
      await noJs.close();
    });

    it('a checklist item ticked with the keyboard stays ticked after reload and prints ticked', async () => {
      await page.goto(server.url + `/juhendid/${START_GUIDE}/`);
      const list = page.getByRole('region', { name: 'Kontrollnimekiri' });
      const boxes = list.getByRole('checkbox');
      expect(await boxes.count()).toBeGreaterThanOrEqual(6);
      await boxes.nth(1).focus();
      await page.keyboard.press('Space');
      await expect.poll(() => list.getByRole('status').textContent()).toMatch(/^1 \/ \d+ tehtud/);
      await page.reload();
      expect(await boxes.nth(1).isChecked()).toBe(true);
      expect(await boxes.nth(0).isChecked()).toBe(false);
      await pageGuards(page);
      await page.emulateMedia({ media: 'print' });
      expect(await beforeContent(page, '#kontrollnimekiri ~ ul > li:nth-child(2)')).toBe('"✓"');
      expect(await beforeContent(page, '#kontrollnimekiri ~ ul > li:nth-child(1)')).toBe('""');
      expect(await boxes.nth(1).isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      await list.getByRole('button', { name: 'Tühjenda' }).click();
      await page.reload();
      expect(await boxes.nth(1).isChecked()).toBe(false);
    });

    it('a template page offers DOCX beside ODT and Markdown, and the DOCX downloads', async () => {
      await page.goto(server.url + '/mallid/varundusplaan/');
      const links = page.locator('.kb-downloads a');
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['docx', 'odt', 'md'].map((e) => `/mallid/varundusplaan.${e}`));
      await pageGuards(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Laadi alla Word \(DOCX\)/ }).click()]);
      expect(download.suggestedFilename()).toBe('varundusplaan.docx');
      const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
      expect(strFromU8(files['word/document.xml']!)).toContain('Varundusplaan');
      const res = await fetch(server.url + '/mallid/varundusplaan.docx');
      expect(res.headers.get('content-type')).toBe(DOCX);
    });

    it('tables keep words whole; wide tables and code scroll inside a focusable region, not the page', async () => {
      await page.goto(server.url + '/mallid/it-varade-register/');
      const regions = await tableRegions(page);
      expect(regions.length).toBeGreaterThan(0);
      for (const r of regions) expect(r).toMatchObject({ role: 'region', tabindex: '0', label: expect.stringMatching(/^Tabel: /), lang: 'et' });
      expect(await wordsBrokenInTables(page)).toEqual([]);
      await pageGuards(page);
      // Code examples in guides (a DMARC record) scroll the same way.
      await page.goto(server.url + '/juhendid/andmepuuk-ja-e-posti-turve/');
      const pre = await page.$$eval('main pre', (ps) => ps.map((p) => [p.getAttribute('role'), p.getAttribute('tabindex')]));
      expect(pre.length).toBeGreaterThan(0);
      for (const attrs of pre) expect(attrs).toEqual(['region', '0']);
      await pageGuards(page);
    });

    it('"Milline lahendus meil on?" leads from the DMS name to its contract clauses in one click', async () => {
      await page.goto(server.url + '/standardlahendused/');
      const chooser = page.getByRole('region', { name: 'Milline lahendus meil on?' });
      const dms = chooser.getByRole('list', { name: 'Dokumendihaldus' });
      expect(await dms.getByRole('link').allTextContents()).toEqual(['Amphora: lepingu turvatingimused', 'Delta: lepingu turvatingimused', 'WebDesktop: lepingu turvatingimused']);
      await pageGuards(page);
      await dms.getByRole('link', { name: /^Delta/ }).click();
      await page.waitForURL('**/standardlahendused/delta/#lepingu-turvatingimused');
      const heading = page.getByRole('heading', { name: 'Lepingu turvatingimused' });
      expect(await heading.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(viewport.height / 2);
      await pageGuards(page);
    });

    it('the accessibility statement names a contact with e-mail and phone', async () => {
      await page.goto(server.url + '/ligipaasetavus/');
      const entries = await page.$$eval('main dl dt', (dts) => Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.innerHTML ?? ''])));
      expect(entries['Kontakt']).toBe('ELVL-i IKT kompetentsikeskus');
      // The build and this test read the same variables; an unset value is said out loud, never made up.
      const contact = siteContact();
      expect(entries['E-post']).toContain(contact.email ? `href="mailto:${contact.email}"` : 'seadmata');
      expect(entries['Telefon']).toContain(contact.phone ? 'href="tel:' : 'seadmata');
      await pageGuards(page);
    });
  });
}
