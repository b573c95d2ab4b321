// The tracker in a real browser: keyboard-only status editing, the chart reflecting it, the XLSX
// download, and axe on every tracker page.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMeasures } from '../../api/tracker/records.ts';
import { updateMeasureStatus } from '../../api/tracker/status-write.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, runAxe, signedInContext } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
let server: TestServer;
let browser: Browser;

async function contextAs(role: 'specialist' | 'analyst' | 'admin'): Promise<BrowserContext> {
  const { token } = signInAs(server.db, role, role === 'specialist' ? [EHAK] : []);
  return signedInContext(browser, server.url, token, { acceptDownloads: true });
}

/** The status donut's text alternative, e.g. "rakendatud: 3 (0 %); …". */
async function donutDescription(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${server.url}/jalgimine/kov/?ehak=${EHAK}`);
  await page.waitForSelector('#dashboard:not([hidden])');
  const desc = (await page.textContent('#chart-status desc')) ?? '';
  await page.close();
  return desc;
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('tracker in the browser', () => {
  it('edits a status with the keyboard and the chart follows', async () => {
    const context = await contextAs('specialist');
    const before = await donutDescription(context);
    const implementedBefore = Number(/rakendatud: (\d+)/.exec(before)?.[1]);

    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/jalgimine/meetmed/?ehak=${EHAK}`);
    await page.waitForSelector('#measure-table:not([hidden])');
    // Narrow to one measure by typing, then reach its edit button with Tab only.
    await page.focus('#f-q');
    await page.keyboard.type('ISMS.1.M1');
    const first = await page.getAttribute('#measure-rows tr:first-child', 'data-id');
    expect(first).toMatch(/^ISMS\.1\.M1/);
    await page.focus(`button[data-edit="${first}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#e-status:focus');
    await page.keyboard.press('r'); // first option starting with r: "rakendatud"
    expect(await page.inputValue('#e-status')).toBe('implemented');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Infoturbe Juht');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.edit-row', { state: 'detached' });
    expect(await page.textContent('#load-status')).toContain('Salvestatud');
    expect(await page.textContent(`tr[data-id="${first}"]`)).toContain('rakendatud');
    // Focus returns to the row's edit button for the next edit.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['edit'])).toBe(first);
    expect(errors).toEqual([]);

    const after = await donutDescription(context);
    expect(Number(/rakendatud: (\d+)/.exec(after)?.[1])).toBe(implementedBefore + 1);
    await context.close();
  });

  it('sets one status on several selected measures and shows it in their rows', async () => {
    const context = await contextAs('specialist');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/jalgimine/meetmed/?ehak=${EHAK}`);
    await page.waitForSelector('#measure-table:not([hidden])');
    await page.fill('#f-q', 'OPS.1.1.2.M');
    const ids = (await page.$$eval('#measure-rows tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')!))).slice(0, 2);
    expect(ids).toHaveLength(2);
    for (const id of ids) await page.check(`input[data-select="${id}"]`);
    await page.selectOption('#bulk-status', 'not_implemented');
    await page.click('#bulk-apply');
    await page.waitForFunction(() => document.getElementById('load-status')?.textContent?.includes('2 meedet on nüüd'));
    for (const id of ids) {
      expect(await page.textContent(`tr[data-id="${id}"]`)).toContain('rakendamata');
      const stored = server.db.prepare('SELECT status FROM measure_status WHERE ehak = ? AND measure_id = ?').pluck().get(EHAK, id);
      expect(stored).toBe('not_implemented');
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks and filters overdue measures as the API decides', async () => {
    // A past due date is overdue only while the measure is still open: an accepted risk is not.
    const [open, accepted] = listMeasures(server.db, EHAK).slice(-2);
    const system = { id: null };
    updateMeasureStatus(server.db, EHAK, open!.measureId, { status: 'partial', dueDate: '2020-01-01', version: open!.version }, system);
    updateMeasureStatus(
      server.db,
      EHAK,
      accepted!.measureId,
      { status: 'risk_accepted', dueDate: '2020-01-01', justification: 'Eelarve', acceptedBy: 'Vallavanem', acceptedAt: '2026-01-05', version: accepted!.version },
      system,
    );
    const context = await contextAs('specialist');
    const page = await context.newPage();
    await page.goto(`${server.url}/jalgimine/meetmed/?ehak=${EHAK}`);
    await page.waitForSelector('#measure-table:not([hidden])');
    expect(await page.textContent(`tr[data-id="${open!.measureId}"]`)).toContain('tähtaeg ületatud');
    expect(await page.textContent(`tr[data-id="${accepted!.measureId}"]`)).not.toContain('tähtaeg ületatud');
    await page.check('#f-overdue');
    const shown = await page.$$eval('#measure-rows tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shown).toContain(open!.measureId);
    expect(shown).not.toContain(accepted!.measureId);
    await context.close();
  });

  it('adds a link as evidence on the measure page', async () => {
    const context = await contextAs('specialist');
    const page = await context.newPage();
    await page.goto(`${server.url}/jalgimine/meede/?ehak=${EHAK}&id=ISMS.1.M2`);
    await page.waitForSelector('#evidence-form:not([hidden])');
    await page.focus('#evidence-url');
    await page.keyboard.type('https://dhs.anija.ee/infoturbe-eesmargid-2026');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#evidence a[href="https://dhs.anija.ee/infoturbe-eesmargid-2026"]');
    await context.close();
  });

  it('changes the security approach with the keyboard', async () => {
    const context = await contextAs('specialist');
    const page = await context.newPage();
    await page.goto(`${server.url}/jalgimine/kov/?ehak=${EHAK}`);
    await page.waitForSelector('#scope-form:not([hidden])');
    expect(await page.textContent('#scope-summary')).toContain('standardturve');
    await page.focus('#scope-approach');
    await page.keyboard.press('p'); // "põhiturve"
    await page.keyboard.press('Tab'); // to the extra-modules field; Enter there submits the form
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('#dashboard:not([hidden])');
    // The summary comes from its own request and may land after the dashboard shows.
    await page.waitForFunction(() => document.getElementById('scope-summary')?.textContent?.includes('põhiturve'));
    const basicOnly = server.db.prepare("SELECT approach FROM kov_scope WHERE ehak = ?").pluck().get(EHAK);
    expect(basicOnly).toBe('basic');
    await context.close();
  });

  it('downloads the implementation plan as XLSX', async () => {
    const context = await contextAs('specialist');
    const page = await context.newPage();
    await page.goto(`${server.url}/jalgimine/kov/?ehak=${EHAK}`);
    await page.waitForSelector('#dashboard:not([hidden])');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#downloads a[href$="plan.xlsx"]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    expect(readFileSync(path!).subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });

  it('has no accessibility violations on the tracker pages', async () => {
    const specialist = await contextAs('specialist');
    const analyst = await contextAs('analyst');
    const pages: Array<[BrowserContext, string, string]> = [
      // A specialist with one municipality is sent straight to its dashboard; the analyst sees the list.
      [analyst, '/jalgimine/', '#kov-list:not([hidden])'],
      [specialist, `/jalgimine/kov/?ehak=${EHAK}`, '#dashboard:not([hidden])'],
      [specialist, `/jalgimine/meetmed/?ehak=${EHAK}`, '#measure-table:not([hidden])'],
      [specialist, `/jalgimine/meede/?ehak=${EHAK}&id=ISMS.1.M1`, '#measure:not([hidden])'],
      [analyst, '/jalgimine/ulevaade/', '#overview:not([hidden])'],
    ];
    for (const [context, path, ready] of pages) {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(server.url + path);
      await page.waitForSelector(ready);
      // The measure rows are all alike; checking one module's rows keeps axe fast on 2 cores.
      if (path.startsWith('/jalgimine/meetmed/')) await page.fill('#f-q', 'ISMS.1.');
      expect({ path, violations: await runAxe(page) }).toEqual({ path, violations: [] });
      expect({ path, errors }).toEqual({ path, errors: [] });
      await page.close();
    }
    await specialist.close();
    await analyst.close();
  }, 240_000);
});
