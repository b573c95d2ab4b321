// /eelarve/ in a real browser: a signed-in analyst sees the demo plan, its three inconsistencies
// and adds an actual cost with the keyboard only; axe finds nothing. Needs a site build
// (dist/ or TURVARADA_OUT_DIR).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { Db } from '../db/database.ts';
import { seedBudgetDemo } from '../../scripts/seed/budget-demo.ts';
import { analysePlan } from './analyse.ts';
import { insertPlan } from './store.ts';
import { seedPlan } from './test-plan.ts';
import { signInAs } from '../../tests/helpers/app.ts';
import { collectPageErrors, launchBrowser, runAxe } from '../../tests/helpers/browser.ts';
import { startTestServer, type TestServer } from '../../tests/helpers/server.ts';

let db: Db;
let server: TestServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ prepare: (d) => seedBudgetDemo(d, () => {}) });
  ({ db, url } = server);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageAs(role: 'analyst' | 'viewer'): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: SESSION_COOKIE, value: signInAs(db, role).token, url }]);
  return context.newPage();
}
const text = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

describe('/eelarve/ in a real browser', () => {
  it('shows the plan, its inconsistencies, and takes a cost entered with the keyboard', { timeout: 180_000 }, async () => {
    const page = await pageAs('analyst');
    const errors = collectPageErrors(page);
    expect((await page.goto(url + '/eelarve/'))?.status()).toBe(200);
    await page.waitForSelector('#total-net');
    expect(text(await page.textContent('#total-net'))).toBe('1 547 118 €');
    const incs = await page.$$eval('.notice--warning li', (els) => els.map((el) => el.textContent ?? ''));
    expect(incs.map(text)).toEqual([
      'Algatus VOLIS, EA konto 50, ilma käibemaksuta: dokumendis 34 260 €, arvutatud 34 620 € (vahe 360 €)',
      'Algatus VOLIS, EA konto 50, koos käibemaksuga: dokumendis 34 260 €, arvutatud 34 620 € (vahe 360 €)',
      'Plaan, rahastusallikas SF2127, ilma käibemaksuta: dokumendis 731 929 €, arvutatud 729 618 € (vahe −2 311 €)',
    ]);
    expect(await page.$$eval('svg.chart[role="img"] title', (t) => t.length)).toBeGreaterThan(1);
    expect(await runAxe(page)).toEqual([]);

    // Submitting empty shows messages beside the fields and a focused summary.
    await page.focus('#cost-initiative');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown'); // → KOGUKOND
    expect(await page.inputValue('#cost-initiative')).toBe('KOGUKOND');
    await page.focus('button[type="submit"]:text("Salvesta kulu")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.budget-error-summary');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('budget-error-summary'))).toBe(true);
    expect(await page.textContent('#cost-date-error')).toBe('Sisesta kuupäev kujul pp.kk.aaaa.');
    expect(await runAxe(page)).toEqual([]);

    await page.focus('#cost-date');
    await page.keyboard.type('10.10.2024');
    await page.keyboard.press('Tab'); // account: 55 stays
    await page.keyboard.press('Tab');
    await page.keyboard.type('1 250,50');
    await page.keyboard.press('Tab');
    await page.keyboard.type('275,11');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Seminarikeskus OÜ');
    await page.keyboard.press('Tab');
    await page.keyboard.type('A-2024-77');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Talveseminar');
    await page.keyboard.press('Tab'); // attachment
    await page.keyboard.press('Tab'); // submit
    await page.keyboard.press('Enter');
    // The confirmation is said at the form, which takes the focus (not at the top of the page).
    await page.waitForSelector('#cost-result .notice--success');
    expect(text(await page.textContent('#cost-result'))).toBe('Kulu salvestatud: Seminarikeskus OÜ, 1 250,50 € ilma käibemaksuta.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cost-result');
    expect(text(await page.textContent('#actuals'))).toContain('A-2024-77');
    expect(text(await page.textContent('#actuals'))).toContain('1 525,61 €');
    const saved = db.prepare("SELECT initiative_code AS i, net_cents AS n, vat_cents AS v FROM budget_actual WHERE document_number = 'A-2024-77'").get();
    expect(saved).toEqual({ i: 'KOGUKOND', n: 125050, v: 27511 });
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the half-yearly review of a revised version', { timeout: 180_000 }, async () => {
    const revised = seedPlan();
    revised.initiatives[2].lines[2].net = 27330;
    insertPlan(db, analysePlan(revised), null, 1);
    const page = await pageAs('analyst');
    await page.goto(url + '/eelarve/');
    await page.waitForSelector('#review:not([hidden]) table');
    const cells = await page.$$eval('#review-body tbody td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(cells.map(text)).toEqual(['VOLIS', '2024', '50', 'muudetud', '27 690 €', '27 330 €', '−360 €']);
    expect(text(await page.textContent('#total-net'))).toBe('1 546 758 €');
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });

  it('tells a viewer that the budget is for admins and analysts', async () => {
    const page = await pageAs('viewer');
    await page.goto(url + '/eelarve/');
    await page.waitForSelector('#budget-status .notice');
    expect(await page.textContent('#budget-status')).toContain('Sinu rollil ei ole eelarvele ligipääsu');
    expect(await page.isHidden('#budget-app')).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });
});
