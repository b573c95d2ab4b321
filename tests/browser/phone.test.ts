// At 390 × 844 (a phone) no page scrolls sideways: every page of the sitemap, and every signed-in
// tracker, budget, template and account page as each role. axe (WCAG 2.0/2.1 A+AA) on each as well.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import type { Role } from '../../api/auth/session-user.ts';
import { templateForm } from '../../api/templates/test-support.ts';
import { seedBudgetDemo } from '../../scripts/seed/budget-demo.ts';
import { signInAs } from '../helpers/app.ts';
import { launchBrowser, signedInContext } from '../helpers/browser.ts';
import { axeViolations, duplicateIds, pageWidth, settle } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PHONE = { width: 390, height: 844 };
const EHAK = '0141';
let server: TestServer;
let browser: Browser;
let templateId = 0;

beforeAll(async () => {
  server = await startTestServer({ prepare: (db) => seedBudgetDemo(db, () => {}) });
  browser = await launchBrowser();
  // One submitted template, so the review page has a detail view to show.
  const { token } = signInAs(server.db, 'specialist', [EHAK]);
  const res = await fetch(`${server.url}/api/templates`, { method: 'POST', body: templateForm(), headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: server.url } });
  expect(res.status).toBe(201);
  templateId = ((await res.json()) as { id: number }).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads the page to "load" and checks it; once more where it lands if a script navigated meanwhile. */
async function inspect(page: Page, url: string, label: string, withAxe: boolean): Promise<string[]> {
  // The previous page's script may still be navigating (to sign-in) and abort this one: go again.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'load' });
      break;
    } catch (err) {
      if (attempt >= 2 || !/interrupted by another navigation|ERR_ABORTED/.test(String(err))) throw err;
    }
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const problems: string[] = [];
      const width = await pageWidth(page);
      if (width.scrollWidth > PHONE.width) problems.push(`${label}: ${width.scrollWidth} px wide (${width.widest.join(', ')})`);
      if (withAxe) for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
      for (const id of await duplicateIds(page)) problems.push(`${label}: id="${id}" is on more than one element`);
      return problems;
    } catch (err) {
      if (attempt >= 2 || !/Execution context was destroyed|navigation/.test(String(err))) throw err;
      await page.waitForLoadState('load');
    }
  }
}

/** Problems of the page as it stands: too wide, or axe violations. */
async function check(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const width = await pageWidth(page);
  if (width.scrollWidth > PHONE.width) problems.push(`${label}: ${width.scrollWidth} px wide (${width.widest.join(', ')})`);
  for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
  for (const id of await duplicateIds(page)) problems.push(`${label}: id="${id}" is on more than one element`);
  return problems;
}

describe('at 390 px (a phone)', () => {
  // Every page is measured; axe runs at this width on the first pages of each section (pages of a
  // section share their layout and components). kb.test.ts runs axe on every page at desktop width.
  it('every page of the sitemap fits the screen; the first pages of each section pass axe', async () => {
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')).pathname);
    expect(paths.length).toBeGreaterThan(150);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems: string[] = [];
    const axed = new Map<string, number>();
    for (const path of paths) {
      // The knowledge base is static: its layout is final at "load" (no need to wait for idle network).
      // A page that sends the browser elsewhere by script (sign-in) is measured where it lands.
      const section = path.split('/')[1] ?? '';
      const seen = axed.get(section) ?? 0;
      if (seen < 3) axed.set(section, seen + 1);
      problems.push(...(await inspect(page, server.url + path, path, seen < 3)));
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 900_000);

  const pages = () => [
    '/jalgimine/',
    `/jalgimine/kov/?ehak=${EHAK}`,
    `/jalgimine/meetmed/?ehak=${EHAK}`,
    `/jalgimine/meede/?ehak=${EHAK}&id=ISMS.1.M1`,
    `/jalgimine/objektid/?ehak=${EHAK}`,
    `/jalgimine/modelleerimine/?ehak=${EHAK}`,
    `/jalgimine/riskianaluus/?ehak=${EHAK}`,
    `/jalgimine/impordi/?ehak=${EHAK}`,
    `/jalgimine/esimesed-sammud/?ehak=${EHAK}`,
    `/jalgimine/volikogu/?ehak=${EHAK}`,
    '/jalgimine/lahendused/',
    '/jalgimine/ulevaade/',
    '/jalgimine/perioodid/',
    '/jalgimine/minu-ulesanded/',
    '/eelarve/',
    '/mallid/esita/',
    '/mallid/ulevaatus/',
    `/mallid/ulevaatus/?id=${templateId}`,
    '/mallid/kasutus/',
    '/minu-konto/',
    '/haldus/kasutajad/',
    '/haldus/kirjad/',
  ];
  const roles: Array<[Role, string[], { accessExpiresOn?: string }]> = [
    ['admin', [], {}],
    ['analyst', [], {}],
    ['specialist', [EHAK], {}],
    ['viewer', [EHAK], {}],
    ['reviewer', [], {}],
    ['auditor', [EHAK], { accessExpiresOn: '2099-12-31' }],
  ];

  it.each(roles)('every signed-in page fits the screen and passes axe as %s', async (role, kovs, extra) => {
    const context: BrowserContext = await signedInContext(browser, server.url, signInAs(server.db, role, kovs, extra).token, { viewport: PHONE });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of pages()) {
      await settle(page, server.url + path);
      if (path.startsWith('/jalgimine/meetmed/') && (await page.isVisible('#measure-table'))) {
        // All ~800 rows as cards must fit; axe then checks one module's rows (they are all alike).
        const width = await pageWidth(page);
        if (width.scrollWidth > PHONE.width) problems.push(`${path} (all rows): ${width.scrollWidth} px wide (${width.widest.join(', ')})`);
        await page.fill('#f-q', 'ISMS.1.M1');
        const edit = page.locator('button[data-edit]').first();
        if (await edit.count()) {
          await edit.click();
          await page.waitForSelector('#e-status');
        }
      }
      problems.push(...(await check(page, path)));
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 600_000);
});
