// Tracker flows through the built pages: freezing a reporting period on ELVL's overview, and bulk
// changes to a status that needs extra fields, with the API's field errors shown beside the bar's fields.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, runAxe, signedInContext } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
let server: TestServer;
let browser: Browser;

async function contextAs(role: 'specialist' | 'analyst'): Promise<BrowserContext> {
  const { token } = signInAs(server.db, role, role === 'specialist' ? [EHAK] : []);
  return signedInContext(browser, server.url, token);
}

/** The measure table narrowed to `query`, with the first `n` rows selected; returns their ids. */
async function selectRows(page: Page, query: string, n: number): Promise<string[]> {
  await page.goto(`${server.url}/jalgimine/meetmed/?ehak=${EHAK}`);
  await page.waitForSelector('#measure-table:not([hidden])');
  await page.fill('#f-q', query);
  const ids = (await page.$$eval('#measure-rows tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')!))).slice(0, n);
  expect(ids).toHaveLength(n);
  for (const id of ids) await page.check(`input[data-select="${id}"]`);
  return ids;
}

const stored = (id: string) =>
  server.db.prepare('SELECT status, justification, accepted_by AS acceptedBy, accepted_at AS acceptedAt FROM measure_status WHERE ehak = ? AND measure_id = ?').get(EHAK, id);

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

  it('accepts the risk of several measures with who accepted it and when', async () => {
    const context = await contextAs('specialist');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const ids = await selectRows(page, 'OPS.1.1.2.M', 2);
    expect(await page.isVisible('#bulk-acceptedBy')).toBe(false);
    await page.selectOption('#bulk-status', 'risk_accepted');
    // The status needs a justification, the acceptor and the date: the bar offers all three.
    for (const f of ['justification', 'acceptedBy', 'acceptedAt']) {
      expect(await page.isVisible(`#bulk-${f}`)).toBe(true);
      expect(await page.getAttribute(`#bulk-${f}`, 'aria-required')).toBe('true');
    }
    expect(await runAxe(page)).toEqual([]);
    await page.fill('#bulk-justification', 'Varundus on planeeritud 2027. aasta eelarvesse.');
    await page.fill('#bulk-acceptedBy', 'Mari Maasikas, vallavanem');
    await page.fill('#bulk-acceptedAt', '05.01.2026');
    await page.click('#bulk-apply');
    await page.waitForFunction(() => document.getElementById('load-status')?.textContent?.includes('2 meedet on nüüd'));
    for (const id of ids) {
      expect(await page.textContent(`tr[data-id="${id}"]`)).toContain('aktsepteeritud risk');
      expect(stored(id)).toEqual({
        status: 'risk_accepted',
        justification: 'Varundus on planeeritud 2027. aasta eelarvesse.',
        acceptedBy: 'Mari Maasikas, vallavanem',
        acceptedAt: '2026-01-05',
      });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the API's error beside the bar's date field when the date is missing", async () => {
    const context = await contextAs('specialist');
    const page = await context.newPage();
    const ids = await selectRows(page, 'ISMS.1.M', 2);
    const before = ids.map(stored);
    await page.selectOption('#bulk-status', 'risk_accepted');
    await page.fill('#bulk-justification', 'Eelarve');
    await page.fill('#bulk-acceptedBy', 'Vallavanem');
    await page.click('#bulk-apply');
    await page.waitForFunction(() => document.getElementById('bulk-acceptedAt-err')?.textContent !== '');
    expect(await page.textContent('#bulk-acceptedAt-err')).toBe('Märgi riski aktsepteerimise kuupäev.');
    expect(await page.getAttribute('#bulk-acceptedAt', 'aria-invalid')).toBe('true');
    expect((await page.getAttribute('#bulk-acceptedAt', 'aria-describedby'))?.split(' ')).toContain('bulk-acceptedAt-err');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bulk-acceptedAt');
    expect(await page.textContent('#bulk-error')).toContain('Ühtegi meedet ei muudetud');
    expect(await page.textContent('#bulk-justification-err')).toBe('');
    expect(ids.map(stored)).toEqual(before);
    expect(await runAxe(page)).toEqual([]);
    await context.close();
  });
});
