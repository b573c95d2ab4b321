// Issue 17, the ELVL analyst's journey in a real browser at desktop (1366×900) and phone (390×844)
// width: the overview heatmap with its legend and county/type filters in the URL → the budget page's
// ministry report → a cost with the wrong VAT rate (warning at the form) → its correction → a
// cancelled cost → the history → the report as XLSX with the same totals. Every page fits the phone
// and axe finds nothing. Needs a site build (dist/ or TURVARADA_OUT_DIR).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinistryReport } from '../../api/contracts/budget-ministry.ts';
import { seedBudgetDemo } from '../../scripts/seed/budget-demo.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, runAxe, signedInContext } from '../helpers/browser.ts';
import { pageWidth } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { formatEuro } from '../../site/scripts/lib/format.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ prepare: (d) => seedBudgetDemo(d, () => {}) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
const grandTotal = async (page: Page) => (await page.$$eval('#ministry-grand-total > *', (els) => els.map((e) => e.textContent))).map(text);
const heatRows = (page: Page) => page.locator('#heatmap-body tr:not(.heatmap__median)').count();
const stored = (doc: string) =>
  server.db.prepare('SELECT vat_cents AS vat, version, status, cancel_reason AS reason FROM budget_actual WHERE document_number = ?').get(doc);

/** The page fits the screen (at phone width) and has no axe violations. */
async function pageIsFine(page: Page, phone: boolean, where: string): Promise<void> {
  if (phone) {
    const w = await pageWidth(page);
    expect(w.scrollWidth, `${where}: ${w.widest.join(', ')}`).toBeLessThanOrEqual(390);
  }
  expect({ where, violations: await runAxe(page) }).toEqual({ where, violations: [] });
}

async function fillCost(page: Page, c: { date: string; net: string; vat: string; supplier: string; doc: string }): Promise<void> {
  await page.selectOption('#cost-initiative', 'KOGUKOND');
  await page.fill('#cost-date', c.date);
  await page.selectOption('#cost-account', '55');
  await page.fill('#cost-net', c.net);
  await page.fill('#cost-vat', c.vat);
  await page.fill('#cost-supplier', c.supplier);
  await page.fill('#cost-doc', c.doc);
}

describe('the ELVL analyst journey', () => {
  for (const [label, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`works at ${label} width (${viewport.width}×${viewport.height})`, { timeout: 240_000 }, async () => {
      const phone = viewport.width === 390;
      const context = await signedInContext(browser, server.url, signInAs(server.db, 'analyst').token, { viewport, acceptDownloads: true });
      const page = await context.newPage();
      const errors = collectPageErrors(page);

      // 1. The overview: legend with numbers, county and type filters that narrow the rows and live in the URL.
      await page.goto(`${server.url}/jalgimine/ulevaade/`);
      await page.waitForSelector('#overview:not([hidden])');
      expect(await page.isVisible('#heat-legend')).toBe(true);
      expect(text(await page.textContent('#heat-legend'))).toContain('83 % kuni 100 %');
      expect(await heatRows(page)).toBe(79);
      await page.focus('#f-maakond');
      await page.selectOption('#f-maakond', 'Tartu maakond');
      await expect.poll(() => heatRows(page)).toBe(8);
      expect(new URL(page.url()).searchParams.get('maakond')).toBe('Tartu maakond');
      await page.focus('#f-tyyp');
      await page.keyboard.press('ArrowDown'); // → Linnad, with the keyboard
      await expect.poll(() => heatRows(page)).toBe(1);
      expect(new URL(page.url()).searchParams.get('tyyp')).toBe('linn');
      expect(text(await page.textContent('#heatmap-body tr:not(.heatmap__median) th'))).toBe('Tartu linn');
      expect(text(await page.textContent('#heatmap-count'))).toBe('Näidatud 1 omavalitsust 79-st.');
      await page.reload();
      await page.waitForSelector('#overview:not([hidden])');
      expect(await heatRows(page)).toBe(1);
      expect([await page.inputValue('#f-maakond'), await page.inputValue('#f-tyyp')]).toEqual(['Tartu maakond', 'linn']);
      await pageIsFine(page, phone, 'ülevaade');

      // 2. The budget page: the ministry report table with totals per source and the grand total.
      await page.goto(`${server.url}/eelarve/`);
      await page.waitForSelector('#ministry-table');
      expect((await grandTotal(page)).slice(0, 2)).toEqual(['KOKKU', '1 547 118 €']);
      expect(await page.locator('#ministry-table tr.budget-total').count()).toBe(4); // 3 sources + grand total
      await pageIsFine(page, phone, 'eelarve');

      // 3. A cost with 24 % VAT in May 2024 (22 % was in force): saved, and the warning is at the form.
      const doc = `J-${label}-1`;
      await fillCost(page, { date: '15.05.2024', net: '1 000,00', vat: '240,00', supplier: 'Koolitus OÜ', doc });
      await page.click('#cost-submit');
      await page.waitForSelector('#cost-result .notice--warning');
      expect(text(await page.textContent('#cost-result'))).toContain('Kulu salvestatud: Koolitus OÜ, 1 000 € ilma käibemaksuta.');
      expect(text(await page.textContent('#cost-result .notice--warning'))).toContain('15.05.2024 kehtinud määrale 22 % (oodatud 220,00 €)');
      expect(await page.evaluate(() => document.getElementById('cost-form')!.contains(document.activeElement))).toBe(true);
      expect(stored(doc)).toEqual({ vat: 24000, version: 1, status: 'active', reason: null });
      await pageIsFine(page, phone, 'eelarve: hoiatus');

      // 4. Correct it from the list: the form fills in, the correction is saved with the version.
      await page.locator('#actuals-table tr', { hasText: doc }).locator('button[data-action="correct"]').click();
      expect(text(await page.textContent('#cost-h'))).toBe(`Paranda kulu ${doc}`);
      expect([await page.inputValue('#cost-vat'), await page.inputValue('#cost-date')]).toEqual(['240', '15.05.2024']);
      await page.fill('#cost-vat', '220,00');
      await page.click('#cost-submit');
      await page.waitForSelector('#cost-result .notice--success');
      expect(text(await page.textContent('#cost-result'))).toBe('Parandus salvestatud: Koolitus OÜ, 1 000 € ilma käibemaksuta.');
      expect(stored(doc)).toEqual({ vat: 22000, version: 2, status: 'active', reason: null });

      // 5. Record another and cancel it with a reason: it stays listed, marked, and leaves the sums.
      const other = `J-${label}-2`;
      await fillCost(page, { date: '10.06.2024', net: '50', vat: '11', supplier: 'Topelt OÜ', doc: other });
      await page.click('#cost-submit');
      await page.waitForSelector('#cost-result .notice--success');
      await page.locator('#actuals-table tr', { hasText: other }).locator('button[data-action="cancel"]').click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('cancel-reason');
      await page.keyboard.type('Arve sisestati kaks korda');
      await page.click('#cancel-form button[type="submit"]');
      await page.waitForSelector('#actuals-result .notice--success');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('actuals-result');
      expect(stored(other)).toEqual({ vat: 1100, version: 2, status: 'cancelled', reason: 'Arve sisestati kaks korda' });
      expect(text(await page.locator('#actuals-table tr', { hasText: other }).textContent())).toContain('Tühistatud: Arve sisestati kaks korda');

      // 6. The history says who changed what, old → new.
      const history = text(await page.textContent('#cost-history'));
      expect(history).toContain('käibemaks: 240 € → 220 €');
      expect(history).toContain('seis: kehtiv → tühistatud');
      expect(history).toContain('Arve sisestati kaks korda');
      await pageIsFine(page, phone, 'eelarve: ajalugu');

      // 7. The report as XLSX: it opens with exceljs and has the API's totals, as numbers.
      const api = (await (await page.request.get(`${server.url}/api/budget/plans/1/ministry-report`)).json()) as MinistryReport;
      expect((await grandTotal(page)).slice(3, 5)).toEqual([formatEuro(api.total.actual.net), formatEuro(api.total.actual.gross)].map(text));
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-ministry-xlsx')]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const last = (wb.worksheets[0]!.getSheetValues().at(-1) as unknown[]).slice(1);
      expect(last).toEqual(['KOKKU', '', '', 'kokku', 'kokku', api.total.planned.net, api.total.planned.gross, api.total.actual.net, api.total.actual.gross, api.total.remaining.net, api.total.remaining.gross, api.total.overspent ? 'jah' : '']);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
