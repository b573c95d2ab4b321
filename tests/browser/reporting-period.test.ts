// Issue 21's reporting period end to end in a real browser, at desktop width and at 390 px: the
// analyst opens a period → the municipality's specialist submits → its head confirms with the
// password → its auditor records a conclusion → the analyst sees the states (filtered, compared
// with now: summary, chart and differences), opens the municipality's council page (the frozen figures,
// one A4 page when printed), downloads the ministry report (XLSX, read back with exceljs) and reopens the
// submission with a reason. axe finds nothing on
// any of the pages and no page is wider than the phone.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../api/auth/session-user.ts';
import { listMeasures } from '../../api/tracker/records.ts';
import { updateMeasureStatus } from '../../api/tracker/status-write.ts';
import { signInAs, signInHead } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser, signedInContext } from '../helpers/browser.ts';
import { axeViolations, pageWidth, settle } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
const NAME = 'Anija vald';
const PASSWORD = 'Vallavanema-parool-2026';
let server: TestServer;
let browser: Browser;
let headUser: { token: string };

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const s = signInAs(server.db, 'specialist', [EHAK]);
  const m = listMeasures(server.db, EHAK).find((x) => x.class === 'basic')!;
  updateMeasureStatus(server.db, EHAK, m.measureId, { status: 'implemented', version: m.version }, { id: s.userId });
  headUser = await signInHead(server.db, EHAK, PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function contextAs(role: Role, viewport: { width: number; height: number }, token?: string): Promise<BrowserContext> {
  const t = token ?? signInAs(server.db, role, role === 'analyst' ? [] : [EHAK], role === 'auditor' ? { accessExpiresOn: '2099-12-31' } : {}).token;
  return signedInContext(browser, server.url, t, { viewport, acceptDownloads: true });
}

async function check(page: Page, phone: boolean, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
  if (phone) {
    const w = await pageWidth(page);
    expect(w.scrollWidth, `${where}: ${w.widest.join(', ')}`).toBeLessThanOrEqual(390);
  }
}

const VIEWPORTS = [
  { label: 'desktop', viewport: { width: 1280, height: 900 }, phone: false, period: 'Periood 2026 II (lauaarvuti)' },
  { label: '390 px', viewport: { width: 390, height: 844 }, phone: true, period: 'Periood 2026 II (telefon)' },
];

describe('reporting period', () => {
  it.each(VIEWPORTS)('goes from opening to the auditor’s conclusion and the ministry report ($label)', { timeout: 180_000 }, async ({ viewport, phone, period }) => {
    // 1. The analyst opens a period.
    const analyst = await contextAs('analyst', viewport);
    const a = await analyst.newPage();
    const errors = collectPageErrors(a);
    await settle(a, `${server.url}/jalgimine/perioodid/`);
    await a.fill('#period-name', period);
    await a.fill('#period-deadline', '31.01.2099');
    await a.click('#period-form button[type=submit]');
    await a.waitForFunction((name) => document.querySelector('#period-title')?.textContent?.includes(name), period);
    expect(await a.textContent('#period-summary')).toContain('31.01.2099');
    expect(await a.locator('#period-kovs-body tr').count()).toBe(79);
    await check(a, phone, 'periods page');

    // 2. The specialist submits.
    const specialist = await contextAs('specialist', viewport);
    const s = await specialist.newPage();
    await settle(s, `${server.url}/jalgimine/kov/?ehak=${EHAK}`);
    await s.waitForSelector('#kov-period:not([hidden])');
    expect(await s.textContent('#kov-period')).toContain(period);
    await check(s, phone, 'dashboard, specialist');
    await s.getByRole('button', { name: 'Esita' }).click();
    await s.waitForFunction(() => document.querySelector('[data-period-state]')?.textContent === 'Esitatud');

    // 3. The head confirms with the password.
    const head = await contextAs('viewer', viewport, headUser.token);
    const h = await head.newPage();
    await settle(h, `${server.url}/jalgimine/kov/?ehak=${EHAK}`);
    await h.waitForSelector('#period-password');
    await check(h, phone, 'dashboard, head');
    await h.fill('#period-password', PASSWORD);
    await h.getByRole('button', { name: 'Kinnita' }).click();
    await h.waitForFunction(() => document.querySelector('[data-period-state]')?.textContent === 'Kinnitatud');

    // 4. The auditor records a conclusion.
    const auditor = await contextAs('auditor', viewport);
    const au = await auditor.newPage();
    await settle(au, `${server.url}/jalgimine/kov/?ehak=${EHAK}`);
    await au.waitForSelector('#period-remarks');
    await check(au, phone, 'dashboard, auditor');
    await au.getByLabel('Vastavad märkustega').check();
    await au.fill('#period-remarks', 'Kaks tõendit puudu.');
    await au.getByRole('button', { name: 'Salvesta järeldus' }).click();
    await au.waitForFunction(() => document.querySelector('[data-period-state]')?.textContent === 'Auditeeritud');
    // The history names every step: submitted, confirmed, audited.
    expect(await au.locator('.period-history li').count()).toBe(3);
    expect(await au.textContent('.period-history')).toContain('Kinnitatud → Auditeeritud');
    // The period card links the council page of this period.
    expect(await au.getByRole('link', { name: 'Kokkuvõte volikogule (prinditav)' }).getAttribute('href')).toMatch(/^\/jalgimine\/volikogu\/\?ehak=0141&periood=\d+$/);

    // 5. The analyst sees the states, filters, compares with now and downloads the report.
    await settle(a, `${server.url}/jalgimine/perioodid/`);
    await a.waitForFunction((name) => document.querySelector('#period-title')?.textContent?.includes(name), period);
    await a.selectOption('#f-state', 'audited');
    const rows = a.locator('#period-kovs-body tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(NAME);
    expect(await rows.first().textContent()).toContain('Auditeeritud');
    await a.selectOption('#f-compare', 'now');
    await a.waitForSelector('#period-kovs-body td[data-label="Vahe (osakaal)"]');
    expect(await a.textContent('#period-kovs-body td[data-label="Vahe (osakaal)"]')).toMatch(/pp$/);
    // The comparison's summary and chart: the one municipality with figures on both sides.
    await a.waitForSelector('#period-compare:not([hidden]) svg.chart');
    expect(await a.textContent('#period-compare')).toContain('Võrreldud 1 omavalitsust');
    await check(a, phone, 'periods page, filtered and compared');
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('link', { name: 'Ministeeriumi aruanne (XLSX)' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(80);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const own = (ws.getSheetValues().slice(2) as unknown[][]).find((r) => r[1] === EHAK)!.slice(1);
    expect(own[header.indexOf('Olek')]).toBe('Auditeeritud');
    expect(own[header.indexOf('Audiitori järeldus')]).toBe('Vastavad märkustega');
    expect(typeof own[header.indexOf('Rakendatud osakaal')]).toBe('number');

    // 5b. The council page, from the municipality's row: the frozen figures, the steps, one A4 page.
    const councilHref = (await rows.first().locator('th a').getAttribute('href'))!;
    expect(councilHref).toMatch(/^\/jalgimine\/volikogu\/\?ehak=0141&periood=\d+$/);
    const council = await analyst.newPage();
    const councilErrors = collectPageErrors(council);
    await settle(council, `${server.url}${councilHref}`);
    await council.waitForSelector('#council:not([hidden]) [data-figures]');
    const periodId = new URL(councilHref, server.url).searchParams.get('periood');
    const frozen = await council.evaluate(async (id) => {
      const p = (await (await fetch(`/api/reporting-periods/${id}`)).json()) as { kovs: Array<{ ehak: string; figures: Record<string, number> }> };
      return p.kovs.find((k) => k.ehak === '0141')!.figures;
    }, periodId);
    const shown = async (key: string) => (await council.textContent(`[data-figure="${key}"]`))!.trim();
    expect(await shown('total')).toBe(String(frozen['total']));
    expect(await shown('applicable')).toBe(String(frozen['applicable']));
    expect(await shown('implemented')).toBe(String(frozen['implemented']));
    expect(await shown('implementedShare')).toBe(`${(frozen['implementedShare']! * 100).toFixed(1).replace('.', ',')}\u00a0%`);
    expect(await council.textContent('#council-title')).toContain(NAME);
    expect(await council.textContent('[data-council-state]')).toBe('Auditeeritud');
    expect(await council.textContent('#council-facts')).toContain('Vastavad märkustega');
    expect(await council.locator('#council svg.chart').count()).toBe(1);
    await check(council, phone, 'council page');
    await council.emulateMedia({ media: 'print' });
    expect(await council.locator('.site-header, .breadcrumbs, #council-print').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height > 0).length)).toBe(0);
    const pdf = await council.pdf({ format: 'A4', printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).toHaveLength(1);
    expect(councilErrors).toEqual([]);
    await council.close();

    // 6. The analyst reopens the submission with a reason: it leaves the audited ones.
    await a.selectOption('#reopen-kov', EHAK);
    await a.fill('#reopen-reason', 'Tõendid on puudu');
    await a.click('#reopen-form button[type=submit]');
    await a.waitForFunction(() => document.querySelector('#reopen-status')?.textContent?.includes('taasavatud'));
    await a.selectOption('#f-state', 'in_progress');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(NAME);
    expect(errors).toEqual([]);
    await Promise.all([analyst.close(), specialist.close(), head.close(), auditor.close()]);
  });
});
