// Issue 17, the security specialist's journey through the built pages at desktop (1366×900) and phone
// (390×844) width: sign in → next steps in the KOV profile's order with the rule in words → a figure
// opens its filtered list (filters in the URL) → the measure page names the municipality → the status
// is edited there (and a conflict shown) → evidence with a description is added and removed, both in
// the history. Then a viewer sees no editing and no "Eelarve", an auditor sees when access ends, and a
// signed-out visitor has no "Eelarve" link at all. Every page: axe clean, no wider than the phone.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import type { Role } from '../../api/auth/session-user.ts';
import { listMeasures } from '../../api/tracker/records.ts';
import { updateMeasureStatus } from '../../api/tracker/status-write.ts';
import { createUser } from '../../api/users/service.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { axeViolations, pageWidth, settle } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PASSWORD = 'Spetsialisti-parool-2026';
// Each width works in its own municipality, so the two journeys start from the same state.
const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900, ehak: '0141', kov: 'Anija vald' },
  { name: 'phone', width: 390, height: 844, ehak: '0198', kov: 'Harku vald' },
] as const;
let server: TestServer;
let browser: Browser;
let overdueP2 = '';

beforeAll(async () => {
  const hash = await hashPassword(PASSWORD);
  server = await startTestServer({
    prepare: (db) => {
      for (const v of VIEWPORTS) createUser(db, { email: `spets-${v.name}@kov.ee`, name: `Spetsialist ${v.name}`, role: 'specialist', kovs: [v.ehak] }, { id: null }, hash);
    },
  });
  browser = await launchBrowser();
  // An overdue standard P2 measure: the old order put it ahead of every P1 measure.
  for (const { ehak } of VIEWPORTS) {
    const p2 = listMeasures(server.db, ehak).find((m) => m.priority === 'P2' && m.class === 'standard')!;
    overdueP2 = p2.measureId;
    updateMeasureStatus(server.db, ehak, overdueP2, { status: 'partial', dueDate: '2020-01-31', version: p2.version }, { id: null });
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Viewport = (typeof VIEWPORTS)[number];

/** axe and (at phone width) the page's width, as problems to list. */
async function check(page: Page, v: Viewport, what: string): Promise<string[]> {
  const problems = (await axeViolations(page)).map((x) => `${what}: ${x}`);
  if (v.width <= 390) {
    const w = await pageWidth(page);
    if (w.scrollWidth > v.width) problems.push(`${what}: ${w.scrollWidth} px wide (${w.widest.join(', ')})`);
  }
  return problems;
}

async function contextAs(v: Viewport, role: Role | null, extra: { accessExpiresOn?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: v.width, height: v.height } });
  if (role) await context.addCookies([{ name: SESSION_COOKIE, value: signInAs(server.db, role, role === 'analyst' ? [] : [v.ehak], extra).token, url: server.url }]);
  return context;
}

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
const history = (page: Page) => page.innerText('#history');

describe.each(VIEWPORTS)('the specialist journey at $name width', (v) => {
  const EHAK = v.ehak;
  const NAME = v.kov;
  it('signs in, follows next steps, edits a measure and its evidence', async () => {
    const context = await contextAs(v, null);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const problems: string[] = [];

    await settle(page, `${server.url}/logi-sisse/?tagasi=/jalgimine/`);
    problems.push(...(await check(page, v, 'sign-in')));
    await page.fill('#email', `spets-${v.name}@kov.ee`);
    await page.fill('#password', PASSWORD);
    // One municipality: the tracker's start sends the specialist straight to its dashboard.
    await Promise.all([page.waitForURL(new RegExp(`/jalgimine/kov/\\?ehak=${EHAK}`)), page.press('#password', 'Enter')]);
    await page.waitForSelector('#dashboard:not([hidden])');
    expect(await page.innerText('#next-steps-rule')).toContain('Kõigepealt KOV profiili P1 meetmed, mis pole rakendatud (tähtaja ületanud ees), koos põhimeetmetega, millel profiilis prioriteeti pole; seejärel P2');
    const steps = await texts(page, '#next-steps li');
    expect(steps[0]).toMatch(/^ISMS\.1\.M1 .* · P1 · /); // never assessed, P1, first in the catalogue
    expect(steps.every((s) => s.includes(' · P1 · '))).toBe(true);
    expect(steps.some((s) => s.startsWith(overdueP2))).toBe(false);
    expect(await page.locator('.site-nav a[href="/eelarve/"]').count()).toBe(0);
    problems.push(...(await check(page, v, 'dashboard')));

    // A figure opens the list it counts; the filter is in the URL.
    await Promise.all([page.waitForURL(/\/jalgimine\/meetmed\//), page.locator('#key-figures a', { hasText: 'Avatud meetmeid' }).click()]);
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    await page.waitForSelector('#measure-table:not([hidden])');
    await page.fill('#f-q', 'ISMS.1.M1');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'ISMS.1.M1');
    problems.push(...(await check(page, v, 'measure list')));

    // The measure page names the municipality.
    await Promise.all([page.waitForURL(/\/jalgimine\/meede\//), page.click('#measure-rows a[href*="id=ISMS.1.M1"]')]);
    await page.waitForSelector('#measure:not([hidden])');
    await page.waitForFunction((name) => document.querySelector('.breadcrumbs')?.textContent?.includes(name), NAME);
    expect((await page.innerText('.breadcrumbs')).replace(/\s+/g, ' ')).toMatch(new RegExp(`${NAME}.*Meetmed.*ISMS\\.1\\.M1`));
    expect(await page.innerText('#measure-kov')).toContain(NAME);
    expect(await page.innerText('#guides')).not.toMatch(/\((note|guide|solution|template)\)/);

    // Edit the status in place.
    await page.click('#measure-edit-toggle');
    await page.waitForSelector('#e-status');
    problems.push(...(await check(page, v, 'measure editor')));
    await page.selectOption('#e-status', 'partial');
    await page.click('tv-status-editor button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('measure-status')?.textContent?.startsWith('Salvestatud'));
    expect(server.db.prepare('SELECT status FROM measure_status WHERE ehak = ? AND measure_id = ?').pluck().get(EHAK, 'ISMS.1.M1')).toBe('partial');
    expect(await history(page)).toContain('Seis: – → osaliselt rakendatud');

    // Someone else saves while the editor is open: the conflict view as in the table.
    await page.click('#measure-edit-toggle');
    await page.waitForSelector('#e-status');
    const now = listMeasures(server.db, EHAK).find((m) => m.measureId === 'ISMS.1.M1')!;
    updateMeasureStatus(server.db, EHAK, 'ISMS.1.M1', { status: 'implemented', version: now.version }, { id: null });
    await page.selectOption('#e-status', 'not_implemented');
    await page.click('tv-status-editor button[type="submit"]');
    await page.waitForSelector('#conflict [data-conflict]');
    problems.push(...(await check(page, v, 'measure conflict')));
    await page.click('#conflict [data-keep]');
    await page.waitForFunction(() => !document.querySelector('#conflict [data-conflict]'));
    expect(await page.innerText('#measure-meta')).toContain('rakendatud');

    // Evidence with a description, then removed; both in the history.
    await page.fill('#evidence-url', 'https://dok.anija.ee/infoturbe-poliitika');
    await page.fill('#evidence-description', 'Volikogu kinnitatud infoturbe poliitika');
    await page.click('#evidence-form button[type="submit"]');
    await page.waitForSelector('#evidence li[data-evidence]');
    expect(await page.innerText('#evidence')).toContain('Volikogu kinnitatud infoturbe poliitika');
    expect(await history(page)).toContain('Lisatud tõend „https://dok.anija.ee/infoturbe-poliitika“ (Volikogu kinnitatud infoturbe poliitika)');
    problems.push(...(await check(page, v, 'measure with evidence')));
    await page.click('#evidence li[data-evidence] button');
    await page.waitForFunction(() => !document.querySelector('#evidence li[data-evidence]'));
    expect(await history(page)).toContain('Eemaldatud tõend „https://dok.anija.ee/infoturbe-poliitika“');
    const stored = server.db.prepare("SELECT description, removed_at FROM measure_evidence WHERE ehak = ? AND measure_id = 'ISMS.1.M1' ORDER BY id DESC").get(EHAK) as { description: string; removed_at: string | null };
    expect(stored.description).toBe('Volikogu kinnitatud infoturbe poliitika');
    expect(stored.removed_at).not.toBeNull();

    // The browser logs the conflict's 409 answer itself; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('shows read-only users no editing, the auditor their access end, and "Eelarve" only to those who may open it', async () => {
    const problems: string[] = [];
    for (const role of ['viewer', 'auditor'] as const) {
      const context = await contextAs(v, role, role === 'auditor' ? { accessExpiresOn: '2099-12-31' } : {});
      const page = await context.newPage();
      await settle(page, `${server.url}/jalgimine/kov/?ehak=${EHAK}`);
      await page.waitForSelector('#dashboard:not([hidden])');
      await page.waitForFunction(() => document.getElementById('scope-summary')?.textContent);
      expect(await page.locator('#scope-form, #scope-edit *').count(), `${role} scope form`).toBe(0);
      problems.push(...(await check(page, v, `${role} dashboard`)));
      await settle(page, `${server.url}/jalgimine/meetmed/?ehak=${EHAK}&q=ISMS.1.`);
      await page.waitForSelector('#measure-table:not([hidden])');
      expect(await page.locator('#measure-rows tr[data-id]').count()).toBeGreaterThan(0);
      expect(await page.locator('tv-measure-table input[type="checkbox"]:not([disabled]):not(#f-overdue)').count(), role).toBe(0);
      expect(await page.locator('button[data-edit]').count(), role).toBe(0);
      expect(await page.innerText('main'), role).not.toContain('Muuda seisu');
      expect(await page.locator('a[href="/eelarve/"]').count(), role).toBe(0);
      if (role === 'auditor') expect(await page.innerText('#account-menu')).toContain('Juurdepääs kehtib kuni 30.12.2099');
      problems.push(...(await check(page, v, `${role} list`)));
      await settle(page, `${server.url}/jalgimine/meede/?ehak=${EHAK}&id=ISMS.1.M1`);
      await page.waitForSelector('#measure:not([hidden])');
      for (const sel of ['#measure-edit-toggle', '#evidence-form', '#evidence button']) expect(await page.locator(sel).count(), `${role} ${sel}`).toBe(0);
      problems.push(...(await check(page, v, `${role} measure`)));
      await context.close();
    }
    // Signed out: the front page and the header have no budget link in the DOM; an analyst has both.
    for (const role of [null, 'specialist', 'analyst'] as const) {
      const context = await contextAs(v, role);
      const page = await context.newPage();
      await settle(page, `${server.url}/`);
      const links = await page.locator('a[href="/eelarve/"]').count();
      expect(links, String(role)).toBe(role === 'analyst' ? 2 : 0);
      if (role === null) problems.push(...(await check(page, v, 'front page signed out')));
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
