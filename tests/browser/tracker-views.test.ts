// The specialist's tracker views in a real browser under the server's own CSP: dashboard figures open
// the measure list they count, with the filters in the URL; the conflict view names every field the
// other person changed; a failed request says so in Estonian with "Proovi uuesti" while the h1 stays.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../api/security-headers.ts';
import { listMeasures } from '../../api/tracker/records.ts';
import { updateMeasureStatus } from '../../api/tracker/status-write.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, runAxe, signedInContext } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
const NAME = 'Anija vald';
let server: TestServer;
let browser: Browser;
let other: { id: number; name: string };

async function contextAs(viewport = { width: 1280, height: 900 }, role: 'specialist' | 'analyst' = 'specialist'): Promise<BrowserContext> {
  const { token } = signInAs(server.db, role, role === 'specialist' ? [EHAK] : []);
  return signedInContext(browser, server.url, token, { viewport });
}

const rowIds = (page: Page) => page.$$eval('#measure-rows tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')!));
const version = (id: string) => listMeasures(server.db, EHAK).find((m) => m.measureId === id)!.version;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const signedIn = signInAs(server.db, 'specialist', [EHAK]);
  other = { id: signedIn.userId, name: server.db.prepare('SELECT name FROM app_user WHERE id = ?').pluck().get(signedIn.userId) as string };
  // A few decided measures, one of them overdue, so the figures are not all zero.
  const [a, b, c] = listMeasures(server.db, EHAK).filter((m) => m.class === 'basic');
  const actor = { id: other.id };
  updateMeasureStatus(server.db, EHAK, a!.measureId, { status: 'implemented', version: a!.version }, actor);
  updateMeasureStatus(server.db, EHAK, b!.measureId, { status: 'partial', dueDate: '2020-06-30', version: b!.version }, actor);
  updateMeasureStatus(server.db, EHAK, c!.measureId, { status: 'not_applicable', justification: 'Pilveteenus', version: c!.version }, actor);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('tracker views', () => {
  it('opens the list a dashboard figure counts, with the filter in the URL that a reload keeps', async () => {
    const context = await contextAs();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const res = await page.goto(`${server.url}/jalgimine/kov/?ehak=${EHAK}`);
    // The pages render with lit-html under the policy the server really sends; a violation would be logged.
    expect(res?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await page.waitForSelector('#dashboard:not([hidden])');
    for (const [label, param, expected] of [
      ['Avatud meetmeid', 'status', 'open'],
      ['Tähtaja ületanud', 'overdue', '1'],
      ['Põhimeetmetest rakendatud', 'class', 'basic'],
    ] as const) {
      const figure = page.locator('#key-figures a', { hasText: label });
      const shown = (await figure.locator('strong').textContent())!;
      await Promise.all([page.waitForURL(/\/jalgimine\/meetmed\//), figure.click()]);
      expect(new URL(page.url()).searchParams.get(param)).toBe(expected);
      await page.waitForSelector('#measure-table:not([hidden])');
      const ids = await rowIds(page);
      if (!shown.includes('%')) expect(ids.length).toBe(Number(shown));
      expect(ids.length).toBeGreaterThan(0);
      // Reloading (or opening a bookmark) shows the same view, its filter visible in the form.
      await page.reload();
      await page.waitForSelector('#measure-table:not([hidden])');
      expect(await rowIds(page)).toEqual(ids);
      const control = param === 'overdue' ? await page.isChecked('#f-overdue') : await page.inputValue(`#f-${param}`);
      expect(control).toBe(param === 'overdue' ? true : expected);
      await page.goBack();
      await page.waitForSelector('#dashboard:not([hidden])');
    }
    // A bookmarked view with a module (its options come with the data) opens as it was saved;
    // changing a filter on the list updates the URL as well.
    await page.goto(`${server.url}/jalgimine/meetmed/?ehak=${EHAK}&status=open&module=ISMS.1`);
    await page.waitForSelector('#measure-table:not([hidden])');
    expect(await page.inputValue('#f-module')).toBe('ISMS.1');
    expect((await rowIds(page)).every((id) => id.startsWith('ISMS.1.M'))).toBe(true);
    await page.selectOption('#f-priority', 'P1');
    await expect.poll(() => new URL(page.url()).searchParams.get('priority')).toBe('P1');
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('lists every field the other person changed when both saved the same measure', async () => {
    const context = await contextAs({ width: 390, height: 844 });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/jalgimine/meetmed/?ehak=${EHAK}`);
    await page.waitForSelector('#measure-table:not([hidden])');
    await page.fill('#f-q', 'ISMS.1.M7');
    const id = (await rowIds(page))[0]!;
    await page.click(`button[data-edit="${id}"]`);
    await page.waitForSelector('#e-status:focus');
    // Meanwhile someone else saves the same measure with a new status, owner, due date and description.
    updateMeasureStatus(
      server.db,
      EHAK,
      id,
      { status: 'partial', responsible: 'Mari Maasikas', dueDate: '2027-03-31', description: 'Pooleli: <b>varundus</b>', version: version(id) },
      { id: other.id },
    );
    await page.selectOption('#e-status', 'implemented');
    await page.fill('#e-responsible', 'Jaan Tamm');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-conflict] table');
    const rows = await page.$$eval('[data-conflict] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
    expect(rows).toEqual([
      ['Seis', 'hindamata', 'osaliselt rakendatud', 'rakendatud'],
      ['Vastutaja', '–', 'Mari Maasikas', 'Jaan Tamm'],
      ['Tähtaeg', '–', '31.03.2027', '–'],
      ['Rakendamise kirjeldus', '–', 'Pooleli: <b>varundus</b>', '–'],
    ]);
    expect(await page.textContent('[data-conflict]')).toContain(other.name);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-overwrite'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press('Enter'); // "Salvesta siiski minu muudatus"
    await page.waitForFunction(() => document.getElementById('load-status')?.textContent?.includes('Salvestatud'));
    expect(server.db.prepare('SELECT status, responsible FROM measure_status WHERE ehak = ? AND measure_id = ?').get(EHAK, id)).toEqual({ status: 'implemented', responsible: 'Jaan Tamm' });
    expect(await page.locator('[data-conflict]').count()).toBe(0);
    // The 409 is the API's answer by design; the browser logs every 4xx response.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    await context.close();
  }, 120_000);

  it('says in Estonian that a request failed, keeps the heading and loads again with "Proovi uuesti"', async () => {
    const specialist = await contextAs();
    const analyst = await contextAs(undefined, 'analyst');
    const cases = [
      { path: `/jalgimine/kov/?ehak=${EHAK}`, api: `**/api/kovs/${EHAK}/progress`, fail: 'abort', text: 'Ühendus serveriga katkes', h1: `${NAME}: E-ITS rakendamise seis`, ready: '#dashboard:not([hidden])' },
      { path: `/jalgimine/meetmed/?ehak=${EHAK}`, api: `**/api/kovs/${EHAK}/measures`, fail: 500, text: 'viga 500', h1: `${NAME}: meetmed`, ready: '#measure-table:not([hidden])' },
      { path: '/jalgimine/ulevaade/', api: '**/api/reports/overview', fail: 'abort', text: 'Ühendus serveriga katkes', h1: 'Kõigi omavalitsuste E-ITS rakendamise seis', ready: '#overview:not([hidden])' },
    ] as const;
    for (const c of cases) {
      const page = await (c.path.startsWith('/jalgimine/ulevaade/') ? analyst : specialist).newPage();
      await page.route(c.api, (route) => (c.fail === 'abort' ? route.abort('internetdisconnected') : route.fulfill({ status: 500, body: 'katki' })));
      await page.goto(server.url + c.path);
      const alert = page.locator('[role="alert"]', { hasText: c.text });
      await alert.waitFor();
      expect(await alert.textContent()).not.toMatch(/Failed to fetch|NetworkError/);
      const h1 = (await page.textContent('h1'))!;
      // The municipality's name has its own request, so the heading names it even when the data failed.
      if (!c.path.startsWith('/jalgimine/ulevaade/')) await expect.poll(() => page.textContent('h1')).toBe(c.h1);
      else expect(h1).toBe(c.h1);
      expect(await page.locator('h1').count()).toBe(1);
      expect({ path: c.path, violations: await runAxe(page) }).toEqual({ path: c.path, violations: [] });
      await page.unroute(c.api);
      const retry = page.getByRole('button', { name: 'Proovi uuesti' });
      await retry.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector(c.ready);
      expect(await page.locator('[role="alert"]', { hasText: c.text }).count()).toBe(0);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await page.close();
    }
    await specialist.close();
    await analyst.close();
  }, 180_000);
});
