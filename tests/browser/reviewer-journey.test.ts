// Issue 17, the working-group reviewer's journey in a real browser: the reviewer signs in and lands on
// the queue "ootab minu otsust", opens a submitted template, reads its preview (text only: a script in
// the document stays text), asks for changes with a reason — the vote stays open — two more reviewers
// approve, the quorum approves it, it appears in the /mallid/ list with the built-in templates and a
// municipality adopts it (and a built-in one). Every page state is checked at 1366×900 and at 390×844:
// no sideways scroll on the phone and no axe violations at either width.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.ts';
import { SESSION_COOKIE, loadSessionUser } from '../../api/auth/sessions.ts';
import type { Db } from '../../api/db/database.ts';
import { checkFileType } from '../../api/files/sniff.ts';
import { storeFile } from '../../api/files/store.ts';
import { seedTestMeasures } from '../../api/templates/test-support.ts';
import { createTemplate } from '../../api/templates/workflow.ts';
import { createUser } from '../../api/users/service.ts';
import { signInAs } from '../helpers/app.ts';
import { collectPageErrors, launchBrowser } from '../helpers/browser.ts';
import { axeViolations, pageWidth } from '../helpers/phone.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const PASSWORD = 'töörühm kontrollib malle hoolega';
const TITLE = 'Paroolipoliitika mall';
const DOC = '# Paroolipoliitika\n\nParool on vähemalt 12 märki pikk. <script>alert(1)</script>\n\n- E-post: mitmikautentimine\n- Kaugligipääs: mitmikautentimine\n';
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

let running: TestServer;
let db: Db;
let url: string;
let browser: Browser;
let templateId: number;
let authorToken = '';
const dialogs: string[] = [];

beforeAll(async () => {
  const hash = await hashPassword(PASSWORD);
  running = await startTestServer({
    prepare: (d) => {
      seedTestMeasures(d);
      createUser(d, { email: 'rita@tooruhm.ee', name: 'Rita Ülevaataja', role: 'reviewer', kovs: [] }, { id: null }, hash);
    },
  });
  ({ db, url } = running);
  const author = signInAs(db, 'specialist', ['0784']);
  const bytes = new TextEncoder().encode(DOC);
  const stored = storeFile(running.config.filesPath, 'templates', bytes, { maxBytes: 5 * 1024 * 1024 });
  templateId = createTemplate(db, running.config, loadSessionUser(db, author.userId)!, {
    title: TITLE, summary: 'Paroolide ja mitmikautentimise nõuded.', category: 'poliitika', measures: ['ISMS.1.M1'],
    fileName: 'paroolid.md', contentType: checkFileType('paroolid.md', bytes).contentType, stored,
  }).id;
  authorToken = author.token;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function contextAs(token: string | null): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: DESKTOP });
  if (token) await ctx.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
  return ctx;
}

async function open(ctx: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors = collectPageErrors(page);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url + path);
  return { page, errors };
}

/** axe clean at desktop width, then at phone width also no sideways scroll; back to desktop. */
async function checkBothWidths(page: Page, what: string): Promise<void> {
  expect(await axeViolations(page), `${what} @1366`).toEqual([]);
  await page.setViewportSize(PHONE);
  const { scrollWidth, widest } = await pageWidth(page);
  expect({ what, scrollWidth, widest }).toEqual({ what, scrollWidth: expect.any(Number), widest: [] });
  expect(scrollWidth, what).toBeLessThanOrEqual(390);
  expect(await axeViolations(page), `${what} @390`).toEqual([]);
  await page.setViewportSize(DESKTOP);
}

const vote = async (page: Page, button: string, reason = '') => {
  await page.waitForSelector('#review-form');
  if (reason) await page.fill('#review-comment', reason);
  await page.getByRole('button', { name: button, exact: true }).click();
};

describe('working-group reviewer journey', () => {
  it('signs in to the queue, previews, asks for changes without ending the vote, reaches the quorum, lists and adopts', async () => {
    // 1. Rita signs in; the tracker sends a reviewer to the review queue, "ootab minu otsust" by default.
    const rita = await contextAs(null);
    const { page, errors } = await open(rita, '/logi-sisse/');
    await page.fill('#email', 'rita@tooruhm.ee');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${url}/mallid/ulevaatus/`), page.press('#password', 'Enter')]);
    await page.waitForSelector('#queue:not([hidden])');
    expect(await page.inputValue('#f-status')).toBe('ootab');
    expect(await page.locator('#f-status option:checked').textContent()).toBe('ootab minu otsust');
    await expect.poll(() => page.textContent('#load-status')).toBe('Sinu otsust ootab 1 malli.');
    await checkBothWidths(page, 'queue');

    // 2. The template: the preview first (text only), the decision form below it, the rule in words.
    await Promise.all([page.waitForURL(/\?id=\d+/), page.getByRole('link', { name: TITLE }).click()]);
    await page.waitForSelector('.tpl-preview__doc');
    expect(await page.textContent('.tpl-preview__doc h3')).toBe('Paroolipoliitika');
    expect(await page.textContent('.tpl-preview__doc p')).toBe('Parool on vähemalt 12 märki pikk. <script>alert(1)</script>');
    expect(await page.locator('.tpl-preview__doc li').allTextContents()).toEqual(['E-post: mitmikautentimine', 'Kaugligipääs: mitmikautentimine']);
    expect(await page.locator('#detail script').count()).toBe(0);
    expect(await page.evaluate(() => !!(document.querySelector('.tpl-preview')!.compareDocumentPosition(document.querySelector('#review-form')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(await page.textContent('.tpl-rule')).toContain('ühegi ülevaataja „Lükka tagasi” ei kehti');
    await checkBothWidths(page, 'review page');

    // 3. "Palu muudatusi" needs a reason, is shown with it, and leaves the vote open.
    await vote(page, 'Palu muudatusi');
    await expect.poll(() => page.textContent('#review-comment-error')).toBe('Kirjuta põhjendus.');
    await vote(page, 'Palu muudatusi', 'Lisa paroolihalduri soovitus.');
    await expect.poll(() => page.textContent('#load-status')).toBe('Hääl on salvestatud. Hääletus on avatud.');
    expect(await page.textContent('.tpl-votes')).toContain('palub muudatusi');
    expect(await page.textContent('.tpl-votes')).toContain('Lisa paroolihalduri soovitus.');
    expect(await page.locator('#review-form').count()).toBe(1);
    await checkBothWidths(page, 'review page after request changes');
    expect(errors).toEqual([]);

    // 4. Two more reviewers approve in their own sessions: the second approval reaches the quorum of two.
    for (const [i, expected] of [[1, 'Hääl on salvestatud. Hääletus on avatud.'], [2, 'Hääl on salvestatud. Mall on kinnitatud.']] as const) {
      const other = await contextAs(signInAs(db, 'reviewer').token);
      const { page: p } = await open(other, `/mallid/ulevaatus/?id=${templateId}`);
      await vote(p, 'Kinnita');
      await expect.poll(() => p.textContent('#load-status')).toBe(expected);
      if (i === 2) {
        expect(await p.locator('#review-form').count()).toBe(0);
        await checkBothWidths(p, 'approved template');
      }
      await other.close();
    }
    const v = db.prepare('SELECT status FROM template_version WHERE template_id = ? AND n = 1').pluck().get(templateId);
    expect(v).toBe('approved');
    expect(db.prepare('SELECT decision FROM template_review WHERE template_id = ? ORDER BY created_at').pluck().all(templateId)).toEqual(['request_changes', 'approve', 'approve']);

    // Rita's queue no longer asks her.
    await page.goto(`${url}/mallid/ulevaatus/`);
    await expect.poll(() => page.textContent('#load-status')).toBe('Sinu otsust ootab 0 malli.');

    // 5. Signed out: the approved template is in the /mallid/ list with the built-in ones; search and filters cover it.
    const anon = await contextAs(null);
    const { page: list } = await open(anon, '/mallid/');
    await list.waitForSelector('#template-list [data-source="tooruhm"]');
    const builtIn = await list.locator('#template-list > li:not([data-source])').count();
    expect(builtIn).toBeGreaterThan(10);
    await list.fill('#filter-template-list-q', 'paroolipoliitika mall');
    await expect.poll(() => list.locator('#template-list > li:not([hidden])').allTextContents()).toEqual([expect.stringContaining(TITLE)]);
    await list.fill('#filter-template-list-q', '');
    await list.selectOption('#filter-template-list-category', 'poliitika');
    expect(await list.locator('#template-list > li[data-source="tooruhm"]:not([hidden])').count()).toBe(1);
    await checkBothWidths(list, '/mallid/');

    // 6. The author's municipality adopts it, and a built-in template too.
    const a = await contextAs(authorToken);
    const { page: adopt, errors: adoptErrors } = await open(a, '/mallid/kasutus/');
    await adopt.waitForSelector('#kov-section:not([hidden])');
    for (const [value, title] of [[`wg:${templateId}:1`, TITLE], ['builtin:varundusplaan', 'Varundusplaan']] as const) {
      await adopt.selectOption('#adopt-template', value);
      await adopt.fill('#adopt-date', '01.02.2025');
      await adopt.getByRole('button', { name: 'Salvesta' }).click();
      await expect.poll(() => adopt.textContent('#kov-adoptions')).toContain(title);
    }
    expect(await adopt.textContent('#load-status')).toBe('Kasutuselevõtt on salvestatud.');
    await checkBothWidths(adopt, '/mallid/kasutus/');
    expect(db.prepare('SELECT ehak, template_id, n, adopted_on FROM template_adoption').all()).toEqual([{ ehak: '0784', template_id: templateId, n: 1, adopted_on: '2025-02-01' }]);
    expect(db.prepare('SELECT ehak, slug, adopted_on FROM builtin_template_adoption').all()).toEqual([{ ehak: '0784', slug: 'varundusplaan', adopted_on: '2025-02-01' }]);
    expect(adoptErrors).toEqual([]);

    // ELVL sees the built-in template's adoption across the 79 too.
    const e = await contextAs(signInAs(db, 'analyst').token);
    const { page: elvl, errors: elvlErrors } = await open(e, '/mallid/kasutus/');
    await elvl.waitForSelector('#elvl-section:not([hidden])');
    await elvl.selectOption('#elvl-template', 'builtin:varundusplaan');
    await expect.poll(() => elvl.textContent('#elvl-summary')).toBe('Kasutusele võtnud 1 omavalitsust 79-st, neist uusimal versioonil 1.');
    expect(await elvl.locator('#elvl-table tbody tr').count()).toBe(79);
    await checkBothWidths(elvl, '/mallid/kasutus/ ELVL');
    expect(elvlErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 180_000);
});
