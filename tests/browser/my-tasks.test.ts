// Owners and "Minu ülesanded" in a real browser, at desktop width and at 390 px: a specialist picks a
// colleague as a measure's owner in the measure table's editor (keyboard), the colleague's
// "Minu ülesanded" lists the measure with its due date and a link to it, and turning the weekly
// digest off on "Minu konto" is saved. axe finds nothing and no page is wider than the phone.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { axeViolations, pageWidth, settle } from '../helpers/phone.ts';
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

async function contextOf(token: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return signedInContext(browser, server.url, token, { viewport });
}

const VIEWPORTS = [
  { label: 'desktop', viewport: { width: 1280, height: 900 }, phone: false, measure: 'ISMS.1.M1' },
  { label: '390 px', viewport: { width: 390, height: 844 }, phone: true, measure: 'ISMS.1.M2' },
];

describe('owners and my tasks', () => {
  it.each(VIEWPORTS)('assigns an owner who then finds the measure in "Minu ülesanded" ($label)', { timeout: 120_000 }, async ({ viewport, phone, measure }) => {
    const specialist = signInAs(server.db, 'specialist', [EHAK]);
    const colleague = signInAs(server.db, 'viewer', [EHAK]);
    const colleagueName = server.db.prepare('SELECT name FROM app_user WHERE id = ?').pluck().get(colleague.userId) as string;

    const s = await (await contextOf(specialist.token, viewport)).newPage();
    const errors = collectPageErrors(s);
    await settle(s, `${server.url}/jalgimine/meetmed/?ehak=${EHAK}`);
    await s.waitForSelector('#measure-table:not([hidden])');
    await s.focus('#f-q');
    await s.keyboard.type(measure);
    await s.waitForSelector(`#measure-rows tr[data-id="${measure}"]`);
    await s.focus(`button[data-edit="${measure}"]`);
    await s.keyboard.press('Enter');
    await s.waitForSelector('#e-status:focus');
    await s.selectOption('#e-status', 'partial');
    await s.selectOption('#e-owner', { label: colleagueName });
    await s.fill('#e-dueDate', '31.12.2099');
    expect(await axeViolations(s), 'editor').toEqual([]);
    await s.keyboard.press('Control+Enter');
    await s.waitForSelector('.edit-row', { state: 'detached' });
    const stored = server.db.prepare('SELECT owner_user_id, due_date FROM measure_status WHERE ehak = ? AND measure_id = ?').get(EHAK, measure);
    expect(stored).toEqual({ owner_user_id: colleague.userId, due_date: '2099-12-31' });
    expect(errors).toEqual([]);

    const c = await (await contextOf(colleague.token, viewport)).newPage();
    await settle(c, `${server.url}/jalgimine/minu-ulesanded/`);
    await c.waitForSelector('.my-tasks:not([hidden])');
    const row = c.locator('#tasks-body tr');
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('31.12.2099');
    expect(await row.first().textContent()).toContain('Anija vald');
    expect(await c.getAttribute(`#tasks-body a`, 'href')).toBe(`/jalgimine/meede/?ehak=${EHAK}&id=${encodeURIComponent(measure)}`);
    expect(await axeViolations(c), 'my tasks').toEqual([]);
    if (phone) expect((await pageWidth(c)).scrollWidth).toBeLessThanOrEqual(390);

    await settle(c, `${server.url}/minu-konto/`);
    await c.waitForSelector('#weekly-digest:not([disabled])');
    expect(await c.isChecked('#weekly-digest')).toBe(true);
    await c.uncheck('#weekly-digest');
    await c.waitForFunction(() => document.querySelector('#preferences-status')?.textContent?.includes('välja lülitatud'));
    expect(server.db.prepare('SELECT weekly_digest FROM app_user WHERE id = ?').pluck().get(colleague.userId)).toBe(0);
    expect(await axeViolations(c), 'account').toEqual([]);
    if (phone) expect((await pageWidth(c)).scrollWidth).toBeLessThanOrEqual(390);
  });

  it('assigns several measures at once from the bulk bar without changing their statuses', { timeout: 90_000 }, async () => {
    const specialist = signInAs(server.db, 'specialist', [EHAK]);
    const colleague = signInAs(server.db, 'viewer', [EHAK]);
    const colleagueName = server.db.prepare('SELECT name FROM app_user WHERE id = ?').pluck().get(colleague.userId) as string;
    const s = await (await contextOf(specialist.token, { width: 390, height: 844 })).newPage();
    const errors = collectPageErrors(s);
    await settle(s, `${server.url}/jalgimine/meetmed/?ehak=${EHAK}`);
    await s.waitForSelector('#measure-table:not([hidden])');
    await s.fill('#f-q', 'OPS.1.1.2.M');
    const ids = (await s.$$eval('#measure-rows tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')!))).slice(0, 2);
    expect(ids).toHaveLength(2);
    const statuses = () => ids.map((id) => server.db.prepare('SELECT status FROM measure_status WHERE ehak = ? AND measure_id = ?').pluck().get(EHAK, id) ?? 'not_assessed');
    const before = statuses();
    for (const id of ids) await s.check(`input[data-select="${id}"]`);
    await s.selectOption('#bulk-status', '');
    await s.selectOption('#bulk-owner', { label: colleagueName });
    await s.fill('#bulk-dueDate', '30.06.2099');
    expect(await axeViolations(s), 'bulk bar').toEqual([]);
    expect((await pageWidth(s)).scrollWidth).toBeLessThanOrEqual(390);
    await s.click('#bulk-apply');
    await s.waitForFunction(() => document.getElementById('load-status')?.textContent?.includes('vastutaja või tähtaeg on muudetud'));
    expect(statuses()).toEqual(before);
    for (const id of ids) {
      const row = server.db.prepare('SELECT owner_user_id, due_date FROM measure_status WHERE ehak = ? AND measure_id = ?').get(EHAK, id);
      expect(row).toEqual({ owner_user_id: colleague.userId, due_date: '2099-06-30' });
    }
    expect(errors).toEqual([]);
  });
});
